import type { Decimal } from "../money/decimal"

/** The nine totals of one item or shipping method (and of the whole cart). */
export interface LineTotals {
  readonly total: Decimal
  readonly subtotal: Decimal
  readonly tax_total: Decimal
  readonly discount_total: Decimal
  readonly discount_subtotal: Decimal
  readonly discount_tax_total: Decimal
  readonly original_total: Decimal
  readonly original_subtotal: Decimal
  readonly original_tax_total: Decimal
}

/** A cart's totals: its own nine, then per group (items, shipping methods, credit lines). */
export interface CartTotals extends LineTotals {
  readonly item_total: Decimal
  readonly item_subtotal: Decimal
  readonly item_tax_total: Decimal
  readonly item_discount_total: Decimal
  readonly item_discount_subtotal: Decimal
  readonly item_discount_tax_total: Decimal
  readonly original_item_total: Decimal
  readonly original_item_subtotal: Decimal
  readonly original_item_tax_total: Decimal
  readonly shipping_total: Decimal
  readonly shipping_subtotal: Decimal
  readonly shipping_tax_total: Decimal
  readonly shipping_discount_total: Decimal
  readonly shipping_discount_subtotal: Decimal
  readonly shipping_discount_tax_total: Decimal
  readonly original_shipping_total: Decimal
  readonly original_shipping_subtotal: Decimal
  readonly original_shipping_tax_total: Decimal
  readonly credit_line_total: Decimal
  readonly credit_line_subtotal: Decimal
  readonly credit_line_tax_total: Decimal
}

/** What `computeCartTotals` returns; `items` and `shipping_methods` follow the input's order. */
export interface CartTotalsResult {
  readonly cart: CartTotals
  readonly items: readonly LineTotals[]
  readonly shipping_methods: readonly LineTotals[]
}
