import type { PortLineItem } from "../ports/port-line-item"
import type { PortShippingMethod } from "../ports/port-shipping-method"
import type { CartLineItemDTO, CartShippingMethodDTO } from "../types/dtos"
import { exact } from "./cart-state"

/** A line item as the promotion and tax ports read it, with its exact unit price. */
export function portLineOf(item: CartLineItemDTO): PortLineItem {
  return {
    id: item.id,
    variant_id: item.variant_id ?? null,
    product_id: item.product_id ?? null,
    product_type_id: item.product_type_id ?? null,
    unit_price: exact(item.unit_price, item.raw_unit_price),
    quantity: Number(item.quantity),
  }
}

/** A shipping method as the promotion and tax ports read it, with its exact amount. */
export function portShippingOf(method: CartShippingMethodDTO): PortShippingMethod {
  return { id: method.id, shipping_option_id: method.shipping_option_id ?? null, amount: exact(method.amount, method.raw_amount) }
}
