import { useCartModule } from "../../support/cart-module-fixture"
import type { CartModuleService } from "../../../src/service/cart-module-service"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import { snapshotDatabase } from "./database-snapshot"

const fixture = useCartModule()
let ids: { cart: string; item: string; shipping: string }

/** Passes a deliberately ill-typed value through the typed facade, as untyped JavaScript callers would. */
function bad<T>(value: unknown): T {
  return value as T
}

beforeAll(async () => {
  const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "Tee", quantity: 1, unit_price: 10 }] })
  const [shipping] = await fixture.service.addShippingMethods(cart.id, [{ name: "Standard", amount: 5 }])
  ids = { cart: cart.id, item: cart.items![0]!.id, shipping: shipping!.id }
})

const item = (patch: Record<string, unknown>) => ({ title: "Mug", quantity: 1, unit_price: 10, ...patch })
const taxLine = (patch: Record<string, unknown>) => ({ item_id: ids.item, code: "VAT", rate: 20, ...patch })
const adjustment = (patch: Record<string, unknown>) => ({ item_id: ids.item, code: "PROMO", amount: 1, ...patch })

type Case = readonly [string, (s: CartModuleService) => Promise<unknown>, readonly (string | number)[]]

const cases: readonly Case[] = [
  ["createCarts with currency 'usdd'", (s) => s.createCarts({ currency_code: "usdd" }), ["currency_code"]],
  ["createCarts with metadata as an array", (s) => s.createCarts(bad({ currency_code: "usd", metadata: [1, 2] })), ["metadata"]],
  ["createCarts with metadata as a string", (s) => s.createCarts(bad({ currency_code: "usd", metadata: "x" })), ["metadata"]],
  [
    "createCarts with a nested item of quantity 0",
    (s) => s.createCarts({ currency_code: "usd", items: [item({ quantity: 0 })] }),
    ["items", 0, "quantity"],
  ],
  [
    "createCarts with a nested item of unit_price -1",
    (s) => s.createCarts({ currency_code: "usd", items: [item({ unit_price: -1 })] }),
    ["items", 0, "unit_price"],
  ],
  ["addLineItems with quantity 0", (s) => s.addLineItems(ids.cart, [bad(item({ quantity: 0 }))]), ["quantity"]],
  ["addLineItems with quantity -1", (s) => s.addLineItems(ids.cart, [bad(item({ quantity: -1 }))]), ["quantity"]],
  ["addLineItems with quantity 1.5", (s) => s.addLineItems(ids.cart, [bad(item({ quantity: 1.5 }))]), ["quantity"]],
  ["addLineItems with quantity 'abc'", (s) => s.addLineItems(ids.cart, [bad(item({ quantity: "abc" }))]), ["quantity"]],
  ["addLineItems with unit_price -1", (s) => s.addLineItems(ids.cart, [bad(item({ unit_price: -1 }))]), ["unit_price"]],
  ["addLineItems with unit_price NaN", (s) => s.addLineItems(ids.cart, [bad(item({ unit_price: NaN }))]), ["unit_price"]],
  ["addLineItems with unit_price Infinity", (s) => s.addLineItems(ids.cart, [bad(item({ unit_price: Infinity }))]), ["unit_price"]],
  [
    "addLineItems with unit_price beyond any decimal ('1e9999999999999999')",
    (s) => s.addLineItems(ids.cart, [bad(item({ unit_price: "1e9999999999999999" }))]),
    ["unit_price"],
  ],
  [
    "addLineItems with unit_price beyond PostgreSQL numeric ('1e999999')",
    (s) => s.addLineItems(ids.cart, [bad(item({ unit_price: "1e999999" }))]),
    ["unit_price"],
  ],
  ["addLineItems with metadata as an array", (s) => s.addLineItems(ids.cart, [bad(item({ metadata: ["a"] }))]), ["metadata"]],
  [
    "addLineItems (object form) with metadata as a string",
    (s) => s.addLineItems(bad({ ...item({ metadata: "a" }), cart_id: ids.cart })),
    ["metadata"],
  ],
  ["updateLineItems(id) with quantity 0", (s) => s.updateLineItems(ids.item, { quantity: 0 }), ["quantity"]],
  ["updateLineItems(id) with quantity 'abc'", (s) => s.updateLineItems(ids.item, bad({ quantity: "abc" })), ["quantity"]],
  ["updateLineItems([{ id }]) with unit_price -1", (s) => s.updateLineItems([{ id: ids.item, unit_price: -1 }]), ["unit_price"]],
  [
    "updateLineItems(selector) with metadata as a string",
    (s) => s.updateLineItems({ cart_id: ids.cart }, bad({ metadata: "x" })),
    ["metadata"],
  ],
  ["addShippingMethods with amount -1", (s) => s.addShippingMethods(ids.cart, [{ name: "Fast", amount: -1 }]), ["amount"]],
  ["addShippingMethods with amount Infinity", (s) => s.addShippingMethods(ids.cart, [{ name: "Fast", amount: Infinity }]), ["amount"]],
  [
    "addShippingMethods with metadata as an array",
    (s) => s.addShippingMethods(ids.cart, [bad({ name: "Fast", amount: 1, metadata: [] })]),
    ["metadata"],
  ],
  ["addLineItemTaxLines with rate 101", (s) => s.addLineItemTaxLines(ids.cart, [taxLine({ rate: 101 }) as never]), ["rate"]],
  ["addLineItemTaxLines with rate -1", (s) => s.addLineItemTaxLines(ids.cart, [taxLine({ rate: -1 }) as never]), ["rate"]],
  ["addLineItemTaxLines with rate NaN", (s) => s.addLineItemTaxLines([taxLine({ rate: NaN }) as never]), ["rate"]],
  ["addLineItemAdjustments with amount -1", (s) => s.addLineItemAdjustments(ids.cart, [adjustment({ amount: -1 }) as never]), ["amount"]],
  ["addLineItemAdjustments with amount 'abc'", (s) => s.addLineItemAdjustments([adjustment({ amount: "abc" }) as never]), ["amount"]],
  [
    "addLineItemAdjustments with metadata as a string",
    (s) => s.addLineItemAdjustments(ids.cart, [adjustment({ metadata: "x" }) as never]),
    ["metadata"],
  ],
  ["createCreditLines with amount NaN", (s) => s.createCreditLines(bad({ cart_id: ids.cart, amount: NaN })), ["amount"]],
  ["createCreditLines with amount Infinity", (s) => s.createCreditLines(bad({ cart_id: ids.cart, amount: -Infinity })), ["amount"]],
  [
    "createCreditLines with metadata as an array",
    (s) => s.createCreditLines(bad({ cart_id: ids.cart, amount: 1, metadata: [] })),
    ["metadata"],
  ],
  ["listCarts with take -1", (s) => s.listCarts({}, { take: -1 }), ["config", "take"]],
  ["listCarts with skip -1", (s) => s.listCarts({}, { skip: -1 }), ["config", "skip"]],
  ["listCarts with take 1.5", (s) => s.listCarts({}, { take: 1.5 }), ["config", "take"]],
  ["listCarts with an unknown filter field", (s) => s.listCarts({ colour: "red" }), ["filters", "colour"]],
  ["listCarts with an unknown filter operator", (s) => s.listCarts({ email: { $regex: ".*" } }), ["email", "$regex"]],
  ["listCarts with a SQL-ish filter field", (s) => s.listCarts({ "id = id OR 1=1 --": "x" }), ["filters", "id = id OR 1=1 --"]],
  ["listCarts with an unknown order field", (s) => s.listCarts({}, { order: { colour: "ASC" } }), ["order", "colour"]],
  [
    "listCarts with a SQL-ish order field",
    (s) => s.listCarts({}, { order: { "id; DROP TABLE cart; --": "ASC" } }),
    ["order", "id; DROP TABLE cart; --"],
  ],
  ["listCarts with a SQL-ish order direction", (s) => s.listCarts({}, { order: bad({ id: "ASC; DROP TABLE cart" }) }), ["order"]],
]

describe("invalid input", () => {
  it.each(cases)("rejects %s with invalid_data and an issue path, writing nothing", async (_name, call, path) => {
    const before = await snapshotDatabase(fixture.module)
    const error = await call(fixture.service).then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(CartModuleError.is(error)).toBe(true)
    expect(error).toMatchObject({ type: "invalid_data" })
    expect((error as CartModuleError).issues.map((issue) => issue.path)).toContainEqual(path)
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("rejects a batch whose third element is bad and writes none of the others", async () => {
    const before = await snapshotDatabase(fixture.module)
    await expect(fixture.service.addLineItems(ids.cart, [item({}), item({}), item({ quantity: 0 }), item({})])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: [2, "quantity"] })],
    })
    await expect(
      fixture.service.createCarts([{ currency_code: "usd" }, { currency_code: "eur" }, { currency_code: "usdd" }]),
    ).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: [2, "currency_code"] })],
    })
    await expect(
      fixture.service.addLineItemTaxLines([taxLine({}), taxLine({ code: "B" }), taxLine({ rate: 101 })] as never[]),
    ).rejects.toMatchObject({ type: "invalid_data", issues: [expect.objectContaining({ path: [2, "rate"] })] })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("rejects a batch whose third element fails only in the database and rolls back the first two", async () => {
    const before = await snapshotDatabase(fixture.module)
    // The third parent does not exist: validation passes, the write fails after the lock.
    await expect(
      fixture.service.addLineItemTaxLines([taxLine({}), taxLine({ code: "B" }), taxLine({ item_id: "cali_missing" })] as never[]),
    ).rejects.toMatchObject({ type: "not_found" })
    // A dangling address reference fails at COMMIT (deferred key), after all three inserts ran.
    await expect(
      fixture.service.createCarts([
        { currency_code: "usd" },
        { currency_code: "eur" },
        { currency_code: "gbp", shipping_address_id: "caaddr_missing" },
      ]),
    ).rejects.toBeInstanceOf(CartModuleError)
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("accepts the valid version of the same inputs (the table above is not rejecting everything)", async () => {
    const [line] = await fixture.service.addLineItems(ids.cart, [item({ quantity: "2", unit_price: "1e3" })])
    expect(line?.quantity).toBe(2)
    await fixture.service.addLineItemTaxLines(ids.cart, [taxLine({ rate: 100 }) as never])
    const credit = await fixture.service.createCreditLines({ cart_id: ids.cart, amount: -5 })
    expect(credit.amount).toBeDefined()
  })
})
