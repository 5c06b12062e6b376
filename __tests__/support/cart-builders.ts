import type { CartModuleService } from "../../src/service/cart-module-service"
import type { CartDTO } from "../../src/types/dtos"

/** The ids of a cart built by {@link aCartWithTwoItemsAndAMethod}. */
export interface CartWithTwoItemsAndAMethod {
  cartId: string
  itemIds: [string, string]
  methodId: string
}

/** A cart with two items (a 20 tee, a 10 mug) and one 5 shipping method: parents for tax lines and adjustments. */
export async function aCartWithTwoItemsAndAMethod(service: CartModuleService): Promise<CartWithTwoItemsAndAMethod> {
  const cart = await service.createCarts({
    currency_code: "usd",
    items: [
      { title: "Tee", quantity: 1, unit_price: 20 },
      { title: "Mug", quantity: 1, unit_price: 10 },
    ],
  })
  const [method] = await service.addShippingMethods(cart.id, [{ name: "Standard", amount: 5 }])
  return { cartId: cart.id, itemIds: [cart.items![0]!.id, cart.items![1]!.id], methodId: method!.id }
}

/** The ids of a cart built by {@link aCartWithEveryChildKind}. */
export interface CartWithEveryChildKind {
  cart: string
  item: string
  shipping: string
  itemTax: string
  itemAdjustment: string
  shippingTax: string
  shippingAdjustment: string
  credit: string
}

/** A cart with one row of every child kind: the rows a cart-level rule (version, completion) must cover. */
export async function aCartWithEveryChildKind(service: CartModuleService): Promise<CartWithEveryChildKind> {
  const cart = await service.createCarts({ currency_code: "usd", items: [{ title: "Tee", quantity: 1, unit_price: 10 }] })
  const item = cart.items![0]!.id
  const [shipping] = await service.addShippingMethods(cart.id, [{ name: "Standard", amount: 5 }])
  const [itemTax] = await service.addLineItemTaxLines(cart.id, [{ item_id: item, code: "VAT", rate: 20 }])
  const [itemAdjustment] = await service.addLineItemAdjustments(cart.id, [{ item_id: item, code: "P", amount: 1 }])
  const [shippingTax] = await service.addShippingMethodTaxLines(cart.id, [{ shipping_method_id: shipping!.id, code: "VAT", rate: 20 }])
  const [shippingAdjustment] = await service.addShippingMethodAdjustments(cart.id, [{ shipping_method_id: shipping!.id, amount: 1 }])
  const credit = await service.createCreditLines({ cart_id: cart.id, amount: 2 })
  return {
    cart: cart.id,
    item,
    shipping: shipping!.id,
    itemTax: itemTax!.id,
    itemAdjustment: itemAdjustment!.id,
    shippingTax: shippingTax!.id,
    shippingAdjustment: shippingAdjustment!.id,
    credit: credit.id,
  }
}

/** A USD cart with one line (quantity 1) per price, titled A, B, C… in order. */
export function aCartPricedAt(service: CartModuleService, ...prices: number[]): Promise<CartDTO> {
  const items = prices.map((unit_price, index) => ({ title: String.fromCharCode(65 + index), quantity: 1, unit_price }))
  return service.createCarts({ currency_code: "usd", items })
}

/** A cart with a shipping address in `city` and one line "t" of quantity 1 at `unitPrice`. */
export function aCartShippedTo(service: CartModuleService, city: string, unitPrice = 1, currency = "usd"): Promise<CartDTO> {
  return service.createCarts({
    currency_code: currency,
    shipping_address: { city },
    items: [{ title: "t", quantity: 1, unit_price: unitPrice }],
  })
}
