import { randomBytes } from "node:crypto"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { BigNumber, MedusaError, Modules } from "@medusajs/framework/utils"
import type { FilterableCartProps, ICartModuleService } from "@medusajs/types"
import { models } from "cartwright/medusa"
import { query, serverUrl } from "./support/database"

// (b) of issue #11: Medusa's own module test runner (@medusajs/test-utils 2.21) runs a suite of ours against
// `resolve: "cartwright/medusa"`. For each test it builds the tables from `moduleModels` (MikroORM's schema
// generator: cartwright's entity schemas match its migrations, see the root migrations test), boots the module
// with Medusa's loader (initModules → MedusaApp) on a shared connection and a mock event bus, and drops the
// schema afterwards.

// The runner builds its database URL from DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD and a name; use ours,
// with a name of its own (the runner creates the database, we drop it).
const server = new URL(serverUrl())
process.env.DB_HOST = server.hostname
process.env.DB_PORT = server.port || "5432"
process.env.DB_USERNAME = decodeURIComponent(server.username)
process.env.DB_PASSWORD = decodeURIComponent(server.password)
// Medusa's FilterableCartProps (2.21) does not declare currency_code, though its service, like ours, filters on any column.
const byCurrency = (currency_code: string): FilterableCartProps & { currency_code: string } => ({ currency_code })

const dbName = `cwm_runner_${randomBytes(5).toString("hex")}`

afterAll(async () => {
  await query(serverUrl(), `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
})

moduleIntegrationTestRunner<ICartModuleService>({
  moduleName: Modules.CART,
  resolve: "cartwright/medusa",
  moduleModels: [...models],
  dbName,
  testSuite: ({ service }) => {
    describe("cartwright/medusa under moduleIntegrationTestRunner", () => {
      it("creates and retrieves a cart with totals as Medusa's BigNumber", async () => {
        const created = await service.createCarts({
          currency_code: "EUR",
          email: "a@example.com",
          items: [{ title: "Mug", quantity: 3, unit_price: 12.5 }],
        })
        const cart = await service.retrieveCart(created.id)
        expect(cart).toEqual(expect.objectContaining({ id: created.id, currency_code: "eur", email: "a@example.com" }))
        expect(cart.items).toEqual([expect.objectContaining({ title: "Mug", quantity: 3 })])
        expect(cart.total).toBeInstanceOf(BigNumber)
        expect(cart.total.valueOf()).toBe(37.5)
        expect(cart.raw_total).toEqual({ value: "37.5", precision: 20 })
        expect(cart.items?.[0]?.subtotal).toBeInstanceOf(BigNumber)
        // As @medusajs/cart's decoration does, a totals read returns stored amounts as the host's BigNumbers too.
        expect(cart.items?.[0]?.unit_price).toBeInstanceOf(BigNumber)
        expect(Number(cart.items?.[0]?.unit_price)).toBe(12.5)
      })

      it("lists and counts carts by filter", async () => {
        await service.createCarts([{ currency_code: "usd" }, { currency_code: "usd" }, { currency_code: "eur" }])
        const usd = await service.listCarts(byCurrency("usd"), { select: ["id", "currency_code"] })
        expect(usd.map((cart) => cart.currency_code)).toEqual(["usd", "usd"])
        const [eur, count] = await service.listAndCountCarts(byCurrency("eur"))
        expect([eur.length, count]).toEqual([1, 1])
      })

      it("updates a cart by id and by selector, and its line items", async () => {
        const created = await service.createCarts({ currency_code: "usd", items: [{ title: "Tee", quantity: 1, unit_price: 20 }] })
        await service.updateCarts(created.id, { email: "b@example.com" })
        await service.updateCarts({ id: created.id }, { metadata: { gift: true } })
        const [item] = await service.listLineItems({ cart_id: created.id })
        await service.updateLineItems(item!.id, { quantity: 4 })
        const cart = await service.retrieveCart(created.id)
        expect(cart).toEqual(expect.objectContaining({ email: "b@example.com", metadata: { gift: true } }))
        expect(cart.total.valueOf()).toBe(80)
      })

      it("deletes a cart: retrieving it is Medusa's not_found", async () => {
        const created = await service.createCarts({ currency_code: "usd" })
        await service.deleteCarts(created.id)
        await expect(service.retrieveCart(created.id)).rejects.toMatchObject({
          type: "not_found",
          message: `Cart with id: ${created.id} was not found`,
        })
        const error: unknown = await service.retrieveCart(created.id).catch((caught: unknown) => caught)
        expect(MedusaError.isMedusaError(error)).toBe(true)
        expect(await service.listCarts({ id: created.id })).toEqual([])
      })

      it("soft-deletes and restores a cart with its items", async () => {
        const created = await service.createCarts({ currency_code: "usd", items: [{ title: "Cap", quantity: 1, unit_price: 7 }] })
        await service.softDeleteCarts([created.id])
        expect(await service.listLineItems({ cart_id: created.id })).toEqual([])
        await service.restoreCarts([created.id])
        expect((await service.retrieveCart(created.id)).items).toHaveLength(1)
      })
    })
  },
})
