import { startCartModule } from "../../support/cart-module-fixture"
import type { CartModuleFixture } from "../../support/cart-module-fixture"
import type { CartModuleService } from "../../../src/service/cart-module-service"

/**
 * Every error `@medusajs/cart` 2.21.2 raises for these calls, with its `type` and message, recorded by
 * running Medusa's own module (through `@medusajs/test-utils`' `initModules`) against PostgreSQL.
 * MikroORM's required-field errors carry no `type` in Medusa (they are plain `ValidationError`s whose
 * message goes on with a dump of the entity); we raise `invalid_data` with the message's first line.
 */
let fixture: CartModuleFixture
let s: CartModuleService
let cartId: string
let itemId: string
let otherItemId: string
let otherMethodId: string

jest.setTimeout(60_000)

beforeAll(async () => {
  fixture = await startCartModule()
  s = fixture.module.service
  cartId = (await s.createCarts({ currency_code: "usd" })).id
  itemId = (await s.addLineItems(cartId, [{ title: "t", quantity: 1, unit_price: 1 }]))[0]!.id
  const other = (await s.createCarts({ currency_code: "usd" })).id
  otherItemId = (await s.addLineItems(other, [{ title: "t", quantity: 1, unit_price: 1 }]))[0]!.id
  otherMethodId = (await s.addShippingMethods(other, [{ name: "n", amount: 1 }]))[0]!.id
})
afterAll(() => fixture.close())

// Inputs Medusa's types would refuse are passed as `never`: the point is what happens at run time.
const loose = <T>(value: unknown): T => value as T

const table: readonly [string, () => Promise<unknown>, string, string][] = [
  ["retrieveCart, missing id", () => s.retrieveCart("cart_missing"), "not_found", "Cart with id: cart_missing was not found"],
  ["retrieveCart, empty id", () => s.retrieveCart(""), "not_found", "Cart with id:  was not found"],
  ["retrieveCart, undefined id", () => s.retrieveCart(loose(undefined)), "not_found", "cart - id must be defined"],
  ["retrieveLineItem, missing id", () => s.retrieveLineItem("cali_missing"), "not_found", "LineItem with id: cali_missing was not found"],
  [
    "retrieveShippingMethod, missing id",
    () => s.retrieveShippingMethod("casm_missing"),
    "not_found",
    "ShippingMethod with id: casm_missing was not found",
  ],
  [
    "retrieveLineItemAdjustment, missing id",
    () => s.retrieveLineItemAdjustment("caliadj_x"),
    "not_found",
    "LineItemAdjustment with id: caliadj_x was not found",
  ],
  [
    "retrieveCreditLine, missing id",
    () => s.retrieveCreditLine("cacl_missing"),
    "not_found",
    "CreditLine with id: cacl_missing was not found",
  ],
  ["retrieveAddress, missing id", () => s.retrieveAddress("caaddr_missing"), "not_found", "Address with id: caaddr_missing was not found"],
  [
    "createCarts without currency_code",
    () => s.createCarts(loose({})),
    "invalid_data",
    "Value for Cart.currency_code is required, 'undefined' found",
  ],
  [
    "createCarts with currency_code null",
    () => s.createCarts(loose({ currency_code: null })),
    "invalid_data",
    "Value for Cart.currency_code is required, 'null' found",
  ],
  [
    "createCarts, second cart without currency",
    () => s.createCarts(loose([{ currency_code: "usd" }, {}])),
    "invalid_data",
    "Value for Cart.currency_code is required, 'undefined' found",
  ],
  [
    "createCarts, nested item without title",
    () => s.createCarts(loose({ currency_code: "usd", items: [{ quantity: 1, unit_price: 1 }] })),
    "invalid_data",
    "Value for LineItem.title is required, 'undefined' found",
  ],
  [
    "updateCarts(id), missing cart",
    () => s.updateCarts("cart_missing", { email: "a@b.c" }),
    "not_found",
    'Cart with id "cart_missing" not found',
  ],
  [
    "updateCarts([...]), two missing carts",
    () => s.updateCarts([{ id: "cart_missing", email: "a@b.c" }, { id: "cart_m2" }]),
    "not_found",
    'Cart with id "cart_missing, cart_m2" not found',
  ],
  [
    "addLineItems(cartId), missing cart",
    () => s.addLineItems("cart_missing", [{ title: "t", quantity: 1, unit_price: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addLineItems([...]), missing cart",
    () => s.addLineItems([{ cart_id: "cart_missing", title: "t", quantity: 1, unit_price: 1 }]),
    "not_found",
    "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
  ],
  [
    "addLineItems([...]) without cart_id",
    () => s.addLineItems(loose([{ title: "t", quantity: 1, unit_price: 1 }])),
    "invalid_data",
    "Value for LineItem.cart_id is required, 'undefined' found",
  ],
  [
    "addLineItems without title",
    () => s.addLineItems(cartId, loose([{ quantity: 1, unit_price: 1 }])),
    "invalid_data",
    "Value for LineItem.title is required, 'undefined' found",
  ],
  [
    "addLineItems without quantity",
    () => s.addLineItems(cartId, loose([{ title: "t", unit_price: 1 }])),
    "invalid_data",
    "Value for LineItem.quantity is required, 'undefined' found",
  ],
  [
    "addLineItems without unit_price",
    () => s.addLineItems(cartId, loose([{ title: "t", quantity: 1 }])),
    "invalid_data",
    "Value for LineItem.unit_price is required, 'undefined' found",
  ],
  [
    "addLineItems without title nor unit_price",
    () => s.addLineItems(cartId, loose([{ quantity: 1 }])),
    "invalid_data",
    "Value for LineItem.title is required, 'undefined' found",
  ],
  [
    "updateLineItems(id), missing item",
    () => s.updateLineItems("cali_missing", { quantity: 2 }),
    "not_found",
    'LineItem with id "cali_missing" not found',
  ],
  [
    "updateLineItems([...]), missing item",
    () => s.updateLineItems([{ id: "cali_missing", quantity: 2 }]),
    "not_found",
    'LineItem with id "cali_missing" not found',
  ],
  [
    "addShippingMethods(cartId), missing cart",
    () => s.addShippingMethods("cart_missing", [{ name: "n", amount: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addShippingMethods([...]), missing cart",
    () => s.addShippingMethods([{ cart_id: "cart_missing", name: "n", amount: 1 }]),
    "not_found",
    "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
  ],
  [
    "addShippingMethods([...]) without cart_id",
    () => s.addShippingMethods(loose([{ name: "n", amount: 1 }])),
    "invalid_data",
    "Value for ShippingMethod.cart_id is required, 'undefined' found",
  ],
  [
    "addShippingMethods without name",
    () => s.addShippingMethods(cartId, loose([{ amount: 1 }])),
    "invalid_data",
    "Value for ShippingMethod.name is required, 'undefined' found",
  ],
  [
    "addShippingMethods without amount",
    () => s.addShippingMethods(cartId, loose([{ name: "n" }])),
    "invalid_data",
    "Value for ShippingMethod.amount is required, 'undefined' found",
  ],
  [
    "updateShippingMethods([...]), missing method",
    () => s.updateShippingMethods([{ id: "casm_missing", name: "x" }]),
    "not_found",
    'ShippingMethod with id "casm_missing" not found',
  ],
  [
    "addLineItemAdjustments(cartId), missing cart",
    () => s.addLineItemAdjustments("cart_missing", [{ item_id: "cali_x", amount: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addLineItemAdjustments(cartId), item not on the cart",
    () => s.addLineItemAdjustments(cartId, [{ item_id: "cali_x", amount: 1 }]),
    "invalid_data",
    `Line item with id cali_x does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addLineItemAdjustments(cartId), item of another cart",
    () => s.addLineItemAdjustments(cartId, [{ item_id: otherItemId, amount: 1 }]),
    "invalid_data",
    `Line item with id ${"${otherItem}"} does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addLineItemAdjustments([...]), missing item",
    () => s.addLineItemAdjustments([{ item_id: "cali_x", amount: 1 }]),
    "not_found",
    "You tried to set relationship item_id: cali_x, but such entity does not exist",
  ],
  [
    "addLineItemAdjustments([...]) without item_id",
    () => s.addLineItemAdjustments(loose([{ amount: 1 }])),
    "invalid_data",
    "Value for LineItemAdjustment.item_id is required, 'undefined' found",
  ],
  [
    "addLineItemAdjustments without amount",
    () => s.addLineItemAdjustments(cartId, loose([{ item_id: itemId }])),
    "invalid_data",
    "Value for LineItemAdjustment.amount is required, 'undefined' found",
  ],
  [
    "addShippingMethodAdjustments(cartId), missing cart",
    () => s.addShippingMethodAdjustments("cart_missing", [{ shipping_method_id: "casm_x", amount: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addShippingMethodAdjustments(cartId), method not on the cart",
    () => s.addShippingMethodAdjustments(cartId, [{ shipping_method_id: "casm_x", amount: 1 }]),
    "invalid_data",
    `Shipping method with id casm_x does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addShippingMethodAdjustments(cartId), method of another cart",
    () => s.addShippingMethodAdjustments(cartId, [{ shipping_method_id: otherMethodId, amount: 1 }]),
    "invalid_data",
    `Shipping method with id ${"${otherMethod}"} does not exist on cart with id ${"${cart}"}`,
  ],
  [
    "addShippingMethodAdjustments([...]) without shipping_method_id",
    () => s.addShippingMethodAdjustments(loose([{ amount: 1 }])),
    "invalid_data",
    "Value for ShippingMethodAdjustment.shipping_method_id is required, 'undefined' found",
  ],
  [
    "addLineItemTaxLines(cartId), missing cart",
    () => s.addLineItemTaxLines("cart_missing", [{ item_id: "cali_x", code: "c", rate: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "addLineItemTaxLines(cartId), missing item",
    () => s.addLineItemTaxLines(cartId, [{ item_id: "cali_x", code: "c", rate: 1 }]),
    "not_found",
    "You tried to set relationship item_id: cali_x, but such entity does not exist",
  ],
  [
    "addLineItemTaxLines([...]), missing item",
    () => s.addLineItemTaxLines([{ item_id: "cali_x", code: "c", rate: 1 }]),
    "not_found",
    "You tried to set relationship item_id: cali_x, but such entity does not exist",
  ],
  [
    "addLineItemTaxLines([...]) without item_id",
    () => s.addLineItemTaxLines(loose([{ code: "c", rate: 1 }])),
    "invalid_data",
    "Value for LineItemTaxLine.item_id is required, 'undefined' found",
  ],
  [
    "addLineItemTaxLines without code",
    () => s.addLineItemTaxLines(cartId, loose([{ item_id: itemId, rate: 1 }])),
    "invalid_data",
    "Value for LineItemTaxLine.code is required, 'undefined' found",
  ],
  [
    "addLineItemTaxLines without rate",
    () => s.addLineItemTaxLines(cartId, loose([{ item_id: itemId, code: "c" }])),
    "invalid_data",
    "Value for LineItemTaxLine.rate is required, 'undefined' found",
  ],
  [
    "addShippingMethodTaxLines(cartId), missing cart",
    () => s.addShippingMethodTaxLines("cart_missing", [{ shipping_method_id: "casm_x", code: "c", rate: 1 }]),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "createShippingMethodTaxLines without shipping_method_id",
    () => s.createShippingMethodTaxLines(loose([{ code: "c", rate: 1 }])),
    "invalid_data",
    "Value for ShippingMethodTaxLine.shipping_method_id is required, 'undefined' found",
  ],
  [
    "setLineItemAdjustments, missing cart",
    () => s.setLineItemAdjustments("cart_missing", []),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "setShippingMethodAdjustments, missing cart",
    () => s.setShippingMethodAdjustments("cart_missing", []),
    "not_found",
    "Cart with id: cart_missing was not found",
  ],
  [
    "updateAddresses([...]), missing address",
    () => s.updateAddresses([{ id: "caaddr_missing", city: "x" }]),
    "not_found",
    'Address with id "caaddr_missing" not found',
  ],
  [
    "createCreditLines, missing cart",
    () => s.createCreditLines([{ cart_id: "cart_missing", amount: 1, reference: "r", reference_id: "x" }]),
    "not_found",
    "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
  ],
  [
    "createCreditLines without amount",
    () => s.createCreditLines(loose([{ cart_id: cartId, reference: "r", reference_id: "x" }])),
    "invalid_data",
    "Value for CreditLine.amount is required, 'undefined' found",
  ],
  [
    "createCreditLines without cart_id",
    () => s.createCreditLines(loose([{ amount: 1, reference: "r", reference_id: "x" }])),
    "invalid_data",
    "Value for CreditLine.cart_id is required, 'undefined' found",
  ],
  [
    "updateCreditLines([...]), missing line",
    () => s.updateCreditLines([{ id: "cacl_missing", amount: 2 }]),
    "not_found",
    'CreditLine with id "cacl_missing" not found',
  ],
  [
    "createCarts, missing billing_address_id",
    () => s.createCarts({ currency_code: "usd", billing_address_id: "caaddr_missing" }),
    "not_found",
    "You tried to set relationship billing_address_id: caaddr_missing, but such entity does not exist",
  ],
]

describe("errors are @medusajs/cart 2.21's, type and message", () => {
  it.each(table)("%s", async (_name, call, type, message) => {
    const expected = message.replace("${cart}", cartId).replace("${otherItem}", otherItemId).replace("${otherMethod}", otherMethodId)
    await expect(call()).rejects.toMatchObject({ type, message: expected })
  })

  it("keeps the structured issues as an extra property", async () => {
    await expect(s.addLineItems(cartId, loose([{ quantity: -1 }]))).rejects.toMatchObject({
      message: "Value for LineItem.title is required, 'undefined' found",
      issues: expect.arrayContaining([expect.objectContaining({ path: ["title"] }), expect.objectContaining({ path: ["quantity"] })]),
    })
  })

  it("ignores missing ids on delete and soft delete, as Medusa does", async () => {
    await expect(s.deleteLineItems(["cali_missing"])).resolves.toBeUndefined()
    await expect(s.softDeleteCarts(["cart_missing"])).resolves.toEqual({})
  })
})
