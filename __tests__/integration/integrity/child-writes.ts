import type { CartWithEveryChildKind } from "../../support/cart-builders"
import type { CartContext } from "../../../src/persistence/unit-of-work"
import type { CartModuleService } from "../../../src/service/cart-module-service"

/** One public write on a child of a cart built by `aCartWithEveryChildKind`, named for `it.each`'s `%s`. */
export type ChildWrite = readonly [string, (s: CartModuleService, c: CartWithEveryChildKind, ctx?: CartContext) => Promise<unknown>]

/**
 * Every kind of write to a cart's children, in each call form a cart-level rule must hold for: the version
 * test expects each to bump the cart's version once, the completed-cart test expects each to be refused.
 */
export const CHILD_WRITES: readonly ChildWrite[] = [
  ["addLineItems", (s, c, ctx) => s.addLineItems(c.cart, [{ title: "Mug", quantity: 1, unit_price: 5 }], ctx)],
  ["addLineItems (object form)", (s, c, ctx) => s.addLineItems({ cart_id: c.cart, title: "Mug", quantity: 1, unit_price: 5 }, ctx)],
  ["updateLineItems by id", (s, c, ctx) => s.updateLineItems(c.item, { quantity: 3 }, ctx)],
  ["updateLineItems by selector", (s, c, ctx) => s.updateLineItems({ cart_id: c.cart }, { quantity: 3 }, ctx)],
  ["deleteLineItems", (s, c, ctx) => s.deleteLineItems([c.item], ctx)],
  ["softDeleteLineItems", (s, c, ctx) => s.softDeleteLineItems([c.item], {}, ctx)],
  ["addShippingMethods", (s, c, ctx) => s.addShippingMethods(c.cart, [{ name: "Express", amount: 9 }], ctx)],
  ["updateShippingMethods", (s, c, ctx) => s.updateShippingMethods(c.shipping, { amount: 7 }, ctx)],
  ["deleteShippingMethods", (s, c, ctx) => s.deleteShippingMethods([c.shipping], ctx)],
  ["addLineItemTaxLines", (s, c, ctx) => s.addLineItemTaxLines(c.cart, [{ item_id: c.item, code: "GST", rate: 5 }], ctx)],
  ["setLineItemTaxLines", (s, c, ctx) => s.setLineItemTaxLines(c.cart, [{ item_id: c.item, code: "GST", rate: 5 }], ctx)],
  [
    "setLineItemTaxLines updating by id",
    (s, c, ctx) => s.setLineItemTaxLines(c.cart, [{ id: c.itemTax, item_id: c.item, code: "VAT", rate: 19 }], ctx),
  ],
  ["setLineItemTaxLines to [] (clearing)", (s, c, ctx) => s.setLineItemTaxLines(c.cart, [], ctx)],
  ["updateLineItemTaxLines", (s, c, ctx) => s.updateLineItemTaxLines(c.itemTax, { rate: 7 }, ctx)],
  ["deleteLineItemTaxLines", (s, c, ctx) => s.deleteLineItemTaxLines([c.itemTax], ctx)],
  ["addLineItemAdjustments", (s, c, ctx) => s.addLineItemAdjustments(c.cart, [{ item_id: c.item, code: "MORE", amount: 1 }], ctx)],
  ["setLineItemAdjustments", (s, c, ctx) => s.setLineItemAdjustments(c.cart, [{ item_id: c.item, code: "MORE", amount: 1 }], ctx)],
  ["setLineItemAdjustments to [] (clearing)", (s, c, ctx) => s.setLineItemAdjustments(c.cart, [], ctx)],
  ["upsertLineItemAdjustments", (s, c, ctx) => s.upsertLineItemAdjustments([{ id: c.itemAdjustment, item_id: c.item, amount: 3 }], ctx)],
  ["deleteLineItemAdjustments", (s, c, ctx) => s.deleteLineItemAdjustments([c.itemAdjustment], ctx)],
  [
    "addShippingMethodTaxLines",
    (s, c, ctx) => s.addShippingMethodTaxLines(c.cart, [{ shipping_method_id: c.shipping, code: "VAT", rate: 20 }], ctx),
  ],
  ["setShippingMethodTaxLines to [] (clearing)", (s, c, ctx) => s.setShippingMethodTaxLines(c.cart, [], ctx)],
  [
    "addShippingMethodAdjustments",
    (s, c, ctx) => s.addShippingMethodAdjustments(c.cart, [{ shipping_method_id: c.shipping, amount: 1 }], ctx),
  ],
  [
    "setShippingMethodAdjustments",
    (s, c, ctx) => s.setShippingMethodAdjustments(c.cart, [{ shipping_method_id: c.shipping, amount: 1 }], ctx),
  ],
  ["deleteShippingMethodAdjustments", (s, c, ctx) => s.deleteShippingMethodAdjustments([c.shippingAdjustment], ctx)],
  ["createCreditLines", (s, c, ctx) => s.createCreditLines({ cart_id: c.cart, amount: 5 }, ctx)],
  ["updateCreditLines", (s, c, ctx) => s.updateCreditLines(c.credit, { amount: 3 }, ctx)],
  ["deleteCreditLines", (s, c, ctx) => s.deleteCreditLines([c.credit], ctx)],
]
