import type { CartDTO, CartLineItemDTO, CartShippingMethodDTO } from "../../../src/types/dtos"
import { toMinorUnits } from "./money"

/** A v1 line item's totals, integers in the smallest currency unit. */
export interface V1ItemTotals {
  readonly unit_price: number
  readonly subtotal: number
  readonly discount_total: number
  readonly tax_total: number
  readonly total: number
  readonly original_total: number
  readonly original_tax_total: number
}

/** A v1 shipping method's totals; `price` is what the shopper pays before tax (v1 sets it to 0 for free shipping). */
export interface V1ShippingTotals {
  readonly price: number
  readonly subtotal: number
  readonly tax_total: number
  readonly total: number
  readonly original_total: number
  readonly original_tax_total: number
}

/** A v1 cart's totals. `total = subtotal + shipping_total + tax_total − discount_total − gift_card_total − gift_card_tax_total`. */
export interface V1CartTotals {
  readonly subtotal: number
  readonly discount_total: number
  readonly raw_discount_total: number
  readonly item_tax_total: number
  readonly shipping_total: number
  readonly shipping_tax_total: number
  readonly tax_total: number
  readonly gift_card_total: number
  readonly gift_card_tax_total: number
  readonly refunded_total: number
  readonly refundable_amount: number
  readonly total: number
}

/**
 * v1 meanings: an item's `subtotal` is before discounts and tax, `discount_total` is the pre-tax
 * discount, `tax_total` the tax after discounts; its `total` is derived from those integers.
 */
export function v1ItemTotals(item: CartLineItemDTO, currency: string): V1ItemTotals {
  const subtotal = toMinorUnits(item.subtotal, currency)
  const discount = toMinorUnits(item.discount_subtotal, currency)
  const tax = toMinorUnits(item.tax_total, currency)
  const originalTax = toMinorUnits(item.original_tax_total, currency)
  return {
    unit_price: toMinorUnits(item.raw_unit_price ?? item.unit_price, currency),
    subtotal,
    discount_total: discount,
    tax_total: tax,
    total: subtotal - discount + tax,
    original_total: subtotal + originalTax,
    original_tax_total: originalTax,
  }
}

/** A shipping method's discounts lower its `price` (v1 has no shipping discount total). */
export function v1ShippingTotals(method: CartShippingMethodDTO, currency: string): V1ShippingTotals {
  const subtotal = toMinorUnits(method.subtotal ?? method.raw_amount ?? method.amount, currency)
  const price = subtotal - toMinorUnits(method.discount_subtotal, currency)
  const tax = toMinorUnits(method.tax_total, currency)
  const originalTax = toMinorUnits(method.original_tax_total, currency)
  return {
    price,
    subtotal: price,
    tax_total: tax,
    total: price + tax,
    original_total: subtotal + originalTax,
    original_tax_total: originalTax,
  }
}

/**
 * The cart's v1 totals, summed from the integer item and shipping totals. Credit lines (gift
 * cards) count as `gift_card_total`, capped at what is due so the total never goes below 0, as v1 caps it.
 */
export function v1CartTotals(cart: CartDTO): V1CartTotals {
  const currency = cart.currency_code
  const items = (cart.items ?? []).map((item) => v1ItemTotals(item, currency))
  const methods = (cart.shipping_methods ?? []).map((method) => v1ShippingTotals(method, currency))
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)
  const subtotal = sum(items.map((item) => item.subtotal))
  const discount = sum(items.map((item) => item.discount_total))
  const itemTax = sum(items.map((item) => item.tax_total))
  const shipping = sum(methods.map((method) => method.price))
  const shippingTax = sum(methods.map((method) => method.tax_total))
  const due = subtotal + shipping + itemTax + shippingTax - discount
  const credit = toMinorUnits(cart.credit_line_total, currency)
  const giftCard = Math.max(0, Math.min(credit, due))
  const total = subtotal + shipping + itemTax + shippingTax - discount - giftCard
  return {
    subtotal,
    discount_total: discount,
    raw_discount_total: discount,
    item_tax_total: itemTax,
    shipping_total: shipping,
    shipping_tax_total: shippingTax,
    tax_total: itemTax + shippingTax,
    gift_card_total: giftCard,
    gift_card_tax_total: 0,
    refunded_total: 0,
    refundable_amount: total,
    total,
  }
}
