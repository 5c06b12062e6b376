import { CheckConstraintError, InvalidDataError } from "../../../src/index"
import { useCartModule } from "../../support/cart-module-fixture"

/**
 * Every error `@medusajs/cart` 2.21.2 raises for these calls, with its `type` and message, recorded by
 * running Medusa's own module (through `@medusajs/test-utils`' `initModules`) against PostgreSQL.
 * MikroORM's required-field errors carry no `type` in Medusa (they are plain `ValidationError`s whose
 * message goes on with a dump of the entity); we raise `invalid_data` with the message's first line.
 */
const fixture = useCartModule()
let cartId: string
let itemId: string
let otherItemId: string
let otherMethodId: string

jest.setTimeout(60_000)

beforeAll(async () => {
  cartId = (await fixture.service.createCarts({ currency_code: "usd" })).id
  itemId = (await fixture.service.addLineItems(cartId, [{ title: "t", quantity: 1, unit_price: 1 }]))[0]!.id
  const other = (await fixture.service.createCarts({ currency_code: "usd" })).id
  otherItemId = (await fixture.service.addLineItems(other, [{ title: "t", quantity: 1, unit_price: 1 }]))[0]!.id
  otherMethodId = (await fixture.service.addShippingMethods(other, [{ name: "n", amount: 1 }]))[0]!.id
})

// Inputs Medusa's types would refuse are passed as `never`: the point is what happens at run time.
const loose = <T>(value: unknown): T => value as T

const table: readonly [string, () => Promise<unknown>, string, string][] = [
  ["retrieveCart, missing id", () => fixture.service.retrieveCart("cart_missing"), "not_found", "Cart with id: cart_missing was not found"],
  ["retrieveCart, empty id", () => fixture.service.retrieveCart(""), "not_found", "Cart with id:  was not found"],
  ["retrieveCart, undefined id", () => fixture.service.retrieveCart(loose(undefined)), "not_found", "cart - id must be defined"],
  [
    "retrieveLineItem, missing id",
    () => fixture.service.retrieveLineItem("cali_missing"),
    "not_found",
    "LineItem with id: cali_missing was not found",
  ],
  [
    "retrieveShippingMethod, missing id",
    () => fixture.service.retrieveShippingMethod("casm_missing"),
    "not_found",
    "ShippingMethod with id: casm_missing was not found",
  ],
  [
    "retrieveLineItemAdjustment, missing id",
    () => fixture.service.retrieveLineItemAdjustment("caliadj_x"),
    "not_found",
    "LineItemAdjustment with id: caliadj_x was not found",
  ],
  [
    "retrieveCreditLine, missing id",
    () => fixture.service.retrieveCreditLine("cacl_missing"),
    "not_found",
    "CreditLine with id: cacl_missing was not found",
  ],
  [
    "retrieveAddress, missing id",
    () => fixture.service.retrieveAddress("caaddr_missing"),
    "not_found",
    "Address with id: caaddr_missing was not found",
  ],
  [
    "createCarts without currency_code",
    () => fixture.service.createCarts(loose({})),
    "invalid_data",
    "Value for Cart.currency_code is required, 'undefined' found",
  ],
  [
    "createCarts with currency_code null",
    () => fixture.service.createCarts(loose({ currency_code: null })),
    "invalid_data",
    "Value for Cart.currency_code is required, 'null' found",
  ],
  [
    "createCarts, second cart without currency",
    () => fixture.service.createCarts(loose([{ currency_code: "usd" }, {}])),
    "invalid_data",
    "Value for Cart.currency_code is required, 'undefined' found",
  ],
  [
    "createCarts, nested item without title",
    () => fixture.service.createCarts(loose({ currency_code: "usd", items: [{ quantity: 1, unit_price: 1 }] })),
    "invalid_data",
    "Value for LineItem.title is required, 'undefined' found",
  ],
  [
    "updateCarts(id), missing cart",
    () => fixture.service.updateCarts("cart_missing", { email: "a@b.c" }),
    "not_found",
    'Cart with id "cart_missing" not found',
  ],
  [
    "updateCarts([...]), two missing carts",
    () => fixture.service.updateCarts([{ id: "cart_missing", email: "a@b.c" }, { id: "cart_m2" }]),
    "not_found",
    'Cart with id "cart_missing, cart_m2" not found',
  ],
  [
    "addLineItems(cartId), missing cart",
    () => fixture.service.addLineItems("cart_missing", [{ title: "t", quantity: 1, unit_price: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addLineItems([...]), missing cart",
    () => fixture.service.addLineItems([{ cart_id: "cart_missing", title: "t", quantity: 1, unit_price: 1 }]),
    "not_found",
    "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
  ],
  [
    "addLineItems([...]) without cart_id",
    () => fixture.service.addLineItems(loose([{ title: "t", quantity: 1, unit_price: 1 }])),
    "invalid_data",
    "Value for LineItem.cart_id is required, 'undefined' found",
  ],
  [
    "addLineItems without title",
    () => fixture.service.addLineItems(cartId, loose([{ quantity: 1, unit_price: 1 }])),
    "invalid_data",
    "Value for LineItem.title is required, 'undefined' found",
  ],
  [
    "addLineItems without quantity",
    () => fixture.service.addLineItems(cartId, loose([{ title: "t", unit_price: 1 }])),
    "invalid_data",
    "Value for LineItem.quantity is required, 'undefined' found",
  ],
  [
    "addLineItems without unit_price",
    () => fixture.service.addLineItems(cartId, loose([{ title: "t", quantity: 1 }])),
    "invalid_data",
    "Value for LineItem.unit_price is required, 'undefined' found",
  ],
  [
    "addLineItems without title nor unit_price",
    () => fixture.service.addLineItems(cartId, loose([{ quantity: 1 }])),
    "invalid_data",
    "Value for LineItem.title is required, 'undefined' found",
  ],
  [
    "updateLineItems(id), missing item",
    () => fixture.service.updateLineItems("cali_missing", { quantity: 2 }),
    "not_found",
    'LineItem with id "cali_missing" not found',
  ],
  [
    "updateLineItems([...]), missing item",
    () => fixture.service.updateLineItems([{ id: "cali_missing", quantity: 2 }]),
    "not_found",
    'LineItem with id "cali_missing" not found',
  ],
  [
    "addShippingMethods(cartId), missing cart",
    () => fixture.service.addShippingMethods("cart_missing", [{ name: "n", amount: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addShippingMethods([...]), missing cart",
    () => fixture.service.addShippingMethods([{ cart_id: "cart_missing", name: "n", amount: 1 }]),
    "not_found",
    "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
  ],
  [
    "addShippingMethods([...]) without cart_id",
    () => fixture.service.addShippingMethods(loose([{ name: "n", amount: 1 }])),
    "invalid_data",
    "Value for ShippingMethod.cart_id is required, 'undefined' found",
  ],
  [
    "addShippingMethods without name",
    () => fixture.service.addShippingMethods(cartId, loose([{ amount: 1 }])),
    "invalid_data",
    "Value for ShippingMethod.name is required, 'undefined' found",
  ],
  [
    "addShippingMethods without amount",
    () => fixture.service.addShippingMethods(cartId, loose([{ name: "n" }])),
    "invalid_data",
    "Value for ShippingMethod.amount is required, 'undefined' found",
  ],
  [
    "updateShippingMethods([...]), missing method",
    () => fixture.service.updateShippingMethods([{ id: "casm_missing", name: "x" }]),
    "not_found",
    'ShippingMethod with id "casm_missing" not found',
  ],
  [
    "addLineItemAdjustments(cartId), missing cart",
    () => fixture.service.addLineItemAdjustments("cart_missing", [{ item_id: "cali_x", amount: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addLineItemAdjustments(cartId), item not on the cart",
    () => fixture.service.addLineItemAdjustments(cartId, [{ item_id: "cali_x", amount: 1 }]),
    "invalid_data",
    `Line item with id cali_x does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addLineItemAdjustments(cartId), item of another cart",
    () => fixture.service.addLineItemAdjustments(cartId, [{ item_id: otherItemId, amount: 1 }]),
    "invalid_data",
    `Line item with id ${"${otherItem}"} does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addLineItemAdjustments([...]), missing item",
    () => fixture.service.addLineItemAdjustments([{ item_id: "cali_x", amount: 1 }]),
    "not_found",
    "You tried to set relationship item_id: cali_x, but such entity does not exist",
  ],
  [
    "addLineItemAdjustments([...]) without item_id",
    () => fixture.service.addLineItemAdjustments(loose([{ amount: 1 }])),
    "invalid_data",
    "Value for LineItemAdjustment.item_id is required, 'undefined' found",
  ],
  [
    "addLineItemAdjustments without amount",
    () => fixture.service.addLineItemAdjustments(cartId, loose([{ item_id: itemId }])),
    "invalid_data",
    "Value for LineItemAdjustment.amount is required, 'undefined' found",
  ],
  [
    "addShippingMethodAdjustments(cartId), missing cart",
    () => fixture.service.addShippingMethodAdjustments("cart_missing", [{ shipping_method_id: "casm_x", amount: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addShippingMethodAdjustments(cartId), method not on the cart",
    () => fixture.service.addShippingMethodAdjustments(cartId, [{ shipping_method_id: "casm_x", amount: 1 }]),
    "invalid_data",
    `Shipping method with id casm_x does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addShippingMethodAdjustments(cartId), method of another cart",
    () => fixture.service.addShippingMethodAdjustments(cartId, [{ shipping_method_id: otherMethodId, amount: 1 }]),
    "invalid_data",
    `Shipping method with id ${"${otherMethod}"} does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addShippingMethodAdjustments([...]) without shipping_method_id",
    () => fixture.service.addShippingMethodAdjustments(loose([{ amount: 1 }])),
    "invalid_data",
    "Value for ShippingMethodAdjustment.shipping_method_id is required, 'undefined' found",
  ],
  [
    "addLineItemTaxLines(cartId), missing cart",
    () => fixture.service.addLineItemTaxLines("cart_missing", [{ item_id: "cali_x", code: "c", rate: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addLineItemTaxLines(cartId), missing item",
    () => fixture.service.addLineItemTaxLines(cartId, [{ item_id: "cali_x", code: "c", rate: 1 }]),
    "not_found",
    "You tried to set relationship item_id: cali_x, but such entity does not exist",
  ],
  [
    "addLineItemTaxLines([...]), missing item",
    () => fixture.service.addLineItemTaxLines([{ item_id: "cali_x", code: "c", rate: 1 }]),
    "not_found",
    "You tried to set relationship item_id: cali_x, but such entity does not exist",
  ],
  [
    "addLineItemTaxLines([...]) without item_id",
    () => fixture.service.addLineItemTaxLines(loose([{ code: "c", rate: 1 }])),
    "invalid_data",
    "Value for LineItemTaxLine.item_id is required, 'undefined' found",
  ],
  [
    "addLineItemTaxLines without code",
    () => fixture.service.addLineItemTaxLines(cartId, loose([{ item_id: itemId, rate: 1 }])),
    "invalid_data",
    "Value for LineItemTaxLine.code is required, 'undefined' found",
  ],
  [
    "addLineItemTaxLines without rate",
    () => fixture.service.addLineItemTaxLines(cartId, loose([{ item_id: itemId, code: "c" }])),
    "invalid_data",
    "Value for LineItemTaxLine.rate is required, 'undefined' found",
  ],
  [
    "addShippingMethodTaxLines(cartId), missing cart",
    () => fixture.service.addShippingMethodTaxLines("cart_missing", [{ shipping_method_id: "casm_x", code: "c", rate: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "createShippingMethodTaxLines without shipping_method_id",
    () => fixture.service.createShippingMethodTaxLines(loose([{ code: "c", rate: 1 }])),
    "invalid_data",
    "Value for ShippingMethodTaxLine.shipping_method_id is required, 'undefined' found",
  ],
  [
    "setLineItemAdjustments, missing cart",
    () => fixture.service.setLineItemAdjustments("cart_missing", []),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "setShippingMethodAdjustments, missing cart",
    () => fixture.service.setShippingMethodAdjustments("cart_missing", []),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "updateAddresses([...]), missing address",
    () => fixture.service.updateAddresses([{ id: "caaddr_missing", city: "x" }]),
    "not_found",
    'Address with id "caaddr_missing" not found',
  ],
  [
    "createCreditLines, missing cart",
    () => fixture.service.createCreditLines([{ cart_id: "cart_missing", amount: 1, reference: "r", reference_id: "x" }]),
    "not_found",
    "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
  ],
  [
    "createCreditLines without amount",
    () => fixture.service.createCreditLines(loose([{ cart_id: cartId, reference: "r", reference_id: "x" }])),
    "invalid_data",
    "Value for CreditLine.amount is required, 'undefined' found",
  ],
  [
    "createCreditLines without cart_id",
    () => fixture.service.createCreditLines(loose([{ amount: 1, reference: "r", reference_id: "x" }])),
    "invalid_data",
    "Value for CreditLine.cart_id is required, 'undefined' found",
  ],
  [
    "updateCreditLines([...]), missing line",
    () => fixture.service.updateCreditLines([{ id: "cacl_missing", amount: 2 }]),
    "not_found",
    'CreditLine with id "cacl_missing" not found',
  ],
  [
    "createCarts, missing billing_address_id",
    () => fixture.service.createCarts({ currency_code: "usd", billing_address_id: "caaddr_missing" }),
    "not_found",
    "You tried to set relationship billing_address_id: caaddr_missing, but such entity does not exist",
  ],
  // Medusa raises these as plain Errors (MikroORM's); the message is the same, with a type to map it to a 400.
  [
    "listCarts, unknown filter",
    () => fixture.service.listCarts(loose({ nope: 1 })),
    "invalid_data",
    "Trying to query by not existing property Cart.nope",
  ],
  [
    "listCarts, unknown filter in $or",
    () => fixture.service.listCarts(loose({ $or: [{ nope: 1 }] })),
    "invalid_data",
    "Trying to query by not existing property Cart.nope",
  ],
  [
    "listCarts, unknown filter on a relation",
    () => fixture.service.listCarts(loose({ items: { nope: 1 } })),
    "invalid_data",
    "Trying to query by not existing property LineItem.nope",
  ],
  [
    "listLineItems, unknown filter",
    () => fixture.service.listLineItems(loose({ nope: 1 })),
    "invalid_data",
    "Trying to query by not existing property LineItem.nope",
  ],
  [
    "listCarts, unknown order field",
    () => fixture.service.listCarts({}, loose({ order: { nope: "ASC" } })),
    "invalid_data",
    "Trying to order by not existing property Cart.nope",
  ],
]

describe("errors are @medusajs/cart 2.21's, type and message", () => {
  it.each(table)("%s", async (_name, call, type, message) => {
    const expected = message.replace("${cart}", cartId).replace("${otherItem}", otherItemId).replace("${otherMethod}", otherMethodId)
    await expect(call()).rejects.toMatchObject({ type, message: expected })
  })

  it("keeps the structured issues as an extra property", async () => {
    await expect(fixture.service.addLineItems(cartId, loose([{ quantity: -1 }]))).rejects.toMatchObject({
      message: "Value for LineItem.title is required, 'undefined' found",
      issues: expect.arrayContaining([expect.objectContaining({ path: ["title"] }), expect.objectContaining({ path: ["quantity"] })]),
    })
  })

  it("names a negative amount's error as Medusa's database error is named, typed and without SQL", async () => {
    const error: unknown = await fixture.service.addShippingMethods(cartId, [{ name: "n", amount: -1 }]).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CheckConstraintError)
    expect(error).toBeInstanceOf(InvalidDataError)
    expect(error).toMatchObject({
      name: "CheckConstraintViolationException",
      type: "invalid_data",
      message: "Invalid create shipping method: amount: must be greater than or equal to 0",
      issues: [{ path: ["amount"], constraint: true }],
    })
    // Any other issue with it: a plain invalid_data error.
    const mixed: unknown = await fixture.service
      .addLineItems(cartId, [{ title: "", quantity: 1, unit_price: -1 }])
      .catch((caught: unknown) => caught)
    expect(mixed).toMatchObject({ name: "InvalidDataError", type: "invalid_data" })
    expect(await fixture.service.listShippingMethods({ cart_id: cartId })).toEqual([])
  })

  it("carries the flag MedusaError.isMedusaError reads", async () => {
    const error: unknown = await fixture.service.retrieveCart("cart_missing").catch((caught: unknown) => caught)
    expect(error).toMatchObject({ __isMedusaError: true, type: "not_found" })
  })

  it("ignores missing ids on delete and soft delete, as Medusa does", async () => {
    await expect(fixture.service.deleteLineItems(["cali_missing"])).resolves.toBeUndefined()
    await expect(fixture.service.softDeleteCarts(["cart_missing"])).resolves.toEqual({})
  })
})
