import { useCartModule } from "../../support/cart-module-fixture"
import { snapshotDatabase } from "../integrity/database-snapshot"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import { CartModuleService } from "../../../src/service/cart-module-service"

jest.setTimeout(120_000)

const fixture = useCartModule()

beforeAll(async () => {
  // Rows that "all rows" would reach.
  await fixture.service.createCarts([
    { currency_code: "usd", email: "a@example.com", items: [{ title: "A", quantity: 1, unit_price: 1 }] },
    { currency_code: "eur", email: "b@example.com", items: [{ title: "B", quantity: 1, unit_price: 1 }] },
  ])
})

type Method = (...args: unknown[]) => Promise<unknown>

/** Every public method of the service by name, as the table below drives it. */
const METHODS = Object.getOwnPropertyNames(CartModuleService.prototype).filter((name) => name !== "constructor")

const WRONG = [undefined, null, 123, true] as const
const WRONG_IDS = [undefined, null, 123, true, {}, [null], [123], [""]] as const
const DATA: Record<string, unknown> = { quantity: 99, email: "x@example.com", amount: 1, code: "X", metadata: { k: 1 } }

/** The calls each method gets: argument lists that must all be refused with invalid_data. */
function badCalls(name: string): unknown[][] {
  if (/^(list|listAndCount)/.test(name)) return [null, 123, true, "cart"].map((filters) => [filters])
  if (name === "retrieveCheckoutState" || name.startsWith("lock")) return WRONG.map((id) => [id])
  // A missing id (undefined, null) is Medusa's not_found "<entity> - id must be defined": see the medusa-parity message table.
  if (name.startsWith("retrieve")) return WRONG.filter((id) => id !== undefined && id !== null).map((id) => [id])
  if (/^(delete|softDelete|restore)/.test(name)) return WRONG_IDS.map((ids) => [ids])
  if (name.startsWith("update")) {
    return [
      ...WRONG.map((selector) => [selector, DATA]),
      [{ id: undefined }, DATA],
      [{ $or: [null] }, DATA],
      [{ $and: [{ id: undefined }] }, DATA],
      [[{ selector: undefined, data: DATA }]],
      [[null]],
    ]
  }
  if (name.startsWith("set")) return WRONG.map((cartId) => [cartId, []])
  if (name === "purgeCarts")
    return [...WRONG.map((options) => [options]), [{ inactiveFor: "soon" }], [{ inactiveFor: -1 }], [{ inactiveFor: "30d", batchSize: 0 }]]
  if (name === "emitEvents") return [...WRONG.map((events) => [events]), [{ name: "cart.updated" }]]
  if (/^(create|add|upsert)/.test(name)) return WRONG.filter((value) => value !== undefined).map((data) => [data])
  return []
}

const cases = METHODS.flatMap((name) => badCalls(name).map((args) => ({ name, args })))

describe("every public method refuses wrong-typed selectors, ids, filters and data with invalid_data", () => {
  it("covers every public method", () => {
    const uncovered = METHODS.filter((name) => badCalls(name).length === 0 && name !== "transaction")
    expect(uncovered).toEqual([])
  })

  it.each(cases.map((c) => [`${c.name}(${c.args.map((arg) => JSON.stringify(arg) ?? "undefined").join(", ")})`, c] as const))(
    "%s",
    async (_label, { name, args }) => {
      const before = await snapshotDatabase(fixture.module)
      const method = (fixture.service as unknown as Record<string, Method>)[name]!.bind(fixture.service)
      const error = await method(...args).then(
        () => undefined,
        (thrown: unknown) => thrown,
      )
      expect(CartModuleError.is(error)).toBe(true)
      expect((error as CartModuleError).type).toBe("invalid_data")
      expect(await snapshotDatabase(fixture.module)).toEqual(before)
    },
  )
})
