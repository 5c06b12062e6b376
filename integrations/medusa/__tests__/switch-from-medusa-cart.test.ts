import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { MedusaApp, MedusaModule } from "@medusajs/modules-sdk"
import { createPgConnection } from "@medusajs/framework/utils"
import type { ICartModuleService } from "@medusajs/types"
import { FULL_CART_RELATIONS } from "cartwright"
import { MedusaCartModuleService, revertMigration, runMigrations } from "cartwright/medusa"
import { cartAppOptions, cartModuleOf } from "./support/cartwright-app"
import type { CartModule, PgConnection } from "./support/cartwright-app"
import { createHostDatabase, query } from "./support/database"
import type { HostDatabase } from "./support/database"

// Item 5 of issue #11: an app that ran @medusajs/cart 2.21's migrations and holds carts switches to cartwright
// in place (cartwright's migrations recognise Medusa's tables and upgrade them), reads every cart back with
// the same fields and totals, and can switch back (reverting restores Medusa's schema exactly).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A JSON copy (BigNumbers become numbers, Dates strings), with rows of every array in id order. */
function plain(value: unknown): Json {
  const sortRows = (json: Json): Json => {
    if (Array.isArray(json)) {
      const rows = json.map(sortRows)
      return rows.every((row) => typeof row === "object" && row !== null && "id" in row)
        ? [...rows].sort((a, b) => String((a as { id: Json }).id).localeCompare(String((b as { id: Json }).id)))
        : rows
    }
    if (typeof json !== "object" || json === null) return json
    return Object.fromEntries(Object.entries(json).map(([key, field]) => [key, sortRows(field)]))
  }
  return sortRows(JSON.parse(JSON.stringify(value)) as Json)
}

/** `ours` cut down to the keys of `medusa`, recursively, so `toEqual` shows every field that differs. */
function sameShapeAs(ours: Json, medusa: Json): Json {
  if (Array.isArray(medusa) && Array.isArray(ours)) return ours.map((row, index) => sameShapeAs(row, medusa[index] ?? null))
  if (typeof medusa !== "object" || medusa === null || typeof ours !== "object" || ours === null || Array.isArray(ours)) return ours
  return Object.fromEntries(
    Object.entries(medusa).map(([key, value]) => [key, key in ours ? sameShapeAs(ours[key] ?? null, value ?? null) : "<missing>"]),
  )
}

// Every relation of a cart: both modules read the same rows, so every field and total is compared.
const RELATIONS = [...FULL_CART_RELATIONS]

/** Columns, constraints and indexes of the cart tables: what "Medusa's schema" means for the way back. */
async function schemaOf(url: string): Promise<unknown[]> {
  const columns = await query(
    url,
    `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
    where table_schema = 'public' and table_name not in ('cartwright_migrations', 'mikro_orm_migrations') order by 1, 2`,
  )
  const constraints = await query(
    url,
    `select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def from pg_constraint
    where connamespace = 'public'::regnamespace and conrelid::regclass::text not in ('cartwright_migrations', 'mikro_orm_migrations') order by 1, 2`,
  )
  const indexes = await query(
    url,
    `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and tablename not like '%migrations' order by 1, 2`,
  )
  return [columns, constraints, indexes]
}

describe("switching an app from @medusajs/cart 2.21 to cartwright and back", () => {
  let db: HostDatabase
  let pg: PgConnection
  let medusaSchema: unknown[]
  const medusaReads = new Map<string, Json>()

  async function withMedusaCart<T>(work: (carts: CartModule) => Promise<T>): Promise<T> {
    const app = await MedusaApp(cartAppOptions("@medusajs/cart", db, pg))
    try {
      return await work(cartModuleOf(app))
    } finally {
      await app.onApplicationShutdown()
      MedusaModule.clearInstances()
    }
  }

  const readWithMedusa = (carts: ICartModuleService, id: string) => carts.retrieveCart(id, { select: ["*", "total"], relations: RELATIONS })

  beforeAll(async () => {
    db = await createHostDatabase()
    execFileSync(process.execPath, [join(__dirname, "support", "migrate-medusa-cart.js"), db.url], { stdio: "pipe" })
    pg = createPgConnection({ clientUrl: db.url, schema: "public" })
    medusaSchema = await schemaOf(db.url)
    await withMedusaCart(async (carts) => {
      const full = await carts.createCarts({
        currency_code: "eur",
        email: "full@example.com",
        region_id: "reg_1",
        shipping_address: { first_name: "Ada", city: "Paris", country_code: "fr" },
        billing_address: { first_name: "Ada", city: "Lyon", country_code: "fr" },
        items: [
          { title: "Tee", quantity: 2, unit_price: 24.99, variant_id: "variant_1" },
          { title: "Cap", quantity: 1, unit_price: "10.5", is_tax_inclusive: true },
        ],
        metadata: { note: "kept" },
      })
      const items = await carts.listLineItems({ cart_id: full.id })
      await carts.addLineItemTaxLines(
        full.id,
        items.map((item) => ({ item_id: item.id, rate: 10.75, code: "VAT", description: "VAT" })),
      )
      await carts.addLineItemAdjustments(full.id, [{ item_id: items[0]!.id, amount: 3, code: "SUMMER", promotion_id: "promo_1" }])
      const [method] = await carts.addShippingMethods(full.id, [
        { name: "Ground", amount: 5, shipping_option_id: "so_1", data: { carrier: "dhl" } },
      ])
      await carts.addShippingMethodTaxLines(full.id, [{ shipping_method_id: method!.id, rate: 5, code: "SHIP" }])
      await carts.addShippingMethodAdjustments(full.id, [{ shipping_method_id: method!.id, amount: 1, code: "SHIPOFF" }])
      await carts.createCreditLines([{ cart_id: full.id, amount: 2, reference: "gift_card", reference_id: "gc_1" }])
      const bare = await carts.createCarts({ currency_code: "usd", items: [{ title: "Mug", quantity: 3, unit_price: 7 }] })
      for (const id of [full.id, bare.id]) medusaReads.set(id, plain(await readWithMedusa(carts, id)))
    })
  })

  afterAll(async () => {
    MedusaModule.clearInstances()
    await pg?.destroy()
    await db?.drop()
  })

  it("upgrades Medusa's tables in place and reads every cart back with the same fields and totals", async () => {
    const applied = await runMigrations({ options: { database: { clientUrl: db.url } } })
    expect(applied.length).toBeGreaterThan(0)
    const cartwright = new MedusaCartModuleService({ __pg_connection__: pg })
    for (const [id, medusa] of medusaReads) {
      const ours = plain(await cartwright.retrieveCart(id, { relations: RELATIONS }))
      expect(sameShapeAs(ours, medusa)).toEqual(medusa)
    }
    // What cartwright adds is there: every child row found by its cart.
    const [full] = medusaReads.keys()
    const orphans = await query(
      db.url,
      `select id from cart_line_item_tax_line where cart_id is distinct from $1 and item_id in (select id from cart_line_item where cart_id = $1)`,
      [full],
    )
    expect(orphans).toEqual([])
  })

  it("writes through cartwright on the upgraded tables", async () => {
    const cartwright = new MedusaCartModuleService({ __pg_connection__: pg })
    const [full] = medusaReads.keys()
    await cartwright.addLineItems(full!, [{ title: "Socks", quantity: 1, unit_price: 4 }])
    const cart = await cartwright.retrieveCart(full!)
    expect(cart.items?.map((item) => item.title).sort()).toEqual(["Cap", "Socks", "Tee"])
  })

  it("reverts to Medusa's exact schema, and @medusajs/cart reads the carts again, cartwright's writes included", async () => {
    const names = await query<{ name: string }>(db.url, "select name from cartwright_migrations order by id desc")
    await revertMigration({ options: { database: { clientUrl: db.url } }, migrationNames: names.map((row) => row.name) })
    expect(await schemaOf(db.url)).toEqual(medusaSchema)
    await withMedusaCart(async (carts) => {
      const [full, bare] = medusaReads.keys()
      expect(plain(await readWithMedusa(carts, bare!))).toEqual(medusaReads.get(bare!))
      const cart = await readWithMedusa(carts, full!)
      expect(cart.items?.map((item) => item.title).sort()).toEqual(["Cap", "Socks", "Tee"])
    })
  })
})
