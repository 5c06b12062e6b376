import { Modules } from "@medusajs/utils"
import { bootCartwrightApp } from "./support/cartwright-app"
import type { CartwrightApp } from "./support/cartwright-app"
import { query } from "./support/database"

// (a) of issue #11: Medusa's own module loader (modules-sdk 2.21) resolves "cartwright/medusa" by package
// path under the cart key, runs its migrations through Medusa's migration entry (MedusaAppMigrateUp, what
// `medusa db:migrate` calls), builds the service from its cradle, and the service answers.

interface Message {
  name: string
  data: { id: string }
  metadata?: { source?: string }
}

// app.modules types each entry as the loader's record, not as the service it is: each test reads it as the shape it calls.
const underCartKey = (host: CartwrightApp): unknown => host.app.modules[Modules.CART]

describe("cartwright/medusa under Medusa's module loader", () => {
  const emitted: Message[] = []
  const emitOptions: unknown[] = []
  const eventBus = {
    emit: async (messages: Message | Message[], options?: unknown) => {
      emitted.push(...(Array.isArray(messages) ? messages : [messages]))
      emitOptions.push(options)
    },
  }
  let host: CartwrightApp

  beforeAll(async () => {
    host = await bootCartwrightApp({ migrations: "medusa", inject: { [Modules.EVENT_BUS]: eventBus } })
  })

  afterAll(async () => {
    await host?.shutdown()
  })

  it("applied cartwright's migrations through Medusa's migration entry", async () => {
    const rows = await query<{ name: string }>(host.db.url, "SELECT name FROM cartwright_migrations")
    expect(rows.length).toBeGreaterThan(0)
  })

  it("serves carts under the cart key, emitting through Medusa's event bus after commit", async () => {
    const cart = underCartKey(host) as {
      createCarts(input: unknown): Promise<{ id: string }>
      retrieveCart(id: string, config?: unknown): Promise<{ id: string; total: { toJSON(): number } }>
    }
    const created = await cart.createCarts({ currency_code: "eur", items: [{ title: "Mug", quantity: 3, unit_price: 12.5 }] })
    const read = await cart.retrieveCart(created.id, { relations: ["items"] })
    expect(read.total.toJSON()).toBe(37.5)
    // As @medusajs/cart's: internal, named per entity, so they never double the `cart.created` Medusa's workflows emit.
    expect(emitted).toContainEqual(
      expect.objectContaining({
        name: "cart.cart.created",
        data: expect.objectContaining({ id: created.id }),
        metadata: expect.objectContaining({ source: "cart", object: "cart" }),
      }),
    )
    expect(emitted).toContainEqual(
      expect.objectContaining({ name: "cart.line-item.created", metadata: expect.objectContaining({ object: "line_item" }) }),
    )
    expect(emitted.map((m) => m.name)).not.toContain("cart.created")
    expect(emitOptions).toContainEqual({ internal: true })
  })

  it("joins the caller's transaction (Medusa's sharedContext.transactionManager): a rollback leaves nothing", async () => {
    const cart = underCartKey(host) as { createCarts(input: unknown, ctx?: unknown): Promise<{ id: string }> }
    let id = ""
    await expect(
      host.pg.transaction(async (trx) => {
        id = (await cart.createCarts({ currency_code: "usd" }, { transactionManager: trx })).id
        throw new Error("abort")
      }),
    ).rejects.toThrow("abort")
    expect(await query(host.db.url, "SELECT id FROM cart WHERE id = $1", [id])).toEqual([])
  })

  it("answers Medusa's query graph through its joiner config", async () => {
    const cart = underCartKey(host) as { createCarts(input: unknown): Promise<{ id: string }> }
    const created = await cart.createCarts({
      currency_code: "gbp",
      email: "a@example.com",
      items: [{ title: "Hat", quantity: 1, unit_price: 5 }],
    })
    const { data } = await host.app.query.graph({
      entity: "cart",
      fields: ["id", "email", "items.title"],
      filters: { id: created.id },
    })
    expect(data).toEqual([
      expect.objectContaining({ id: created.id, email: "a@example.com", items: [expect.objectContaining({ title: "Hat" })] }),
    ])
  })

  it("answers the query graph with the cart fields Medusa's store routes ask for, fields no cart module has included", async () => {
    const cart = underCartKey(host) as { createCarts(input: unknown): Promise<{ id: string }> }
    const created = await cart.createCarts({
      currency_code: "eur",
      shipping_address: { city: "Lisbon" },
      items: [{ title: "Scarf", quantity: 2, unit_price: 15 }],
    })
    // Medusa 2.x's default store cart fields, as far as they are the cart module's: they include
    // `shipping_address.region_code` (no such column) and relations in `*relation` form, which the
    // joiner hands on as select fields (with `shipping_methods_id`), as it does to @medusajs/cart.
    const { data } = await host.app.query.graph({
      entity: "cart",
      fields: [
        "id",
        "currency_code",
        "total",
        "item_total",
        "items.id",
        "items.title",
        "items.quantity",
        "items.unit_price",
        "items.tax_lines.rate",
        "items.adjustments.amount",
        "shipping_methods.amount",
        "shipping_address.city",
        "shipping_address.region_code",
        "billing_address.region_code",
        "*credit_lines",
      ],
      filters: { id: created.id },
    })
    const [read] = data as { id: string; total: unknown; items: { title: string }[]; shipping_address: { city: string } }[]
    expect(read).toMatchObject({
      id: created.id,
      items: [expect.objectContaining({ title: "Scarf" })],
      shipping_address: { city: "Lisbon" },
    })
    expect(Number(read!.total)).toBe(30)
  })
})
