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

/** The totals Medusa's `decorateCartTotals` sets on each adjustment, tax line and credit line. */
export interface RowTotals {
  readonly subtotal: Decimal
  readonly total: Decimal
}

/** Per-row totals of one item or shipping method, in the input's order of its adjustments and tax lines. */
export interface LineRowTotals {
  /** subtotal: net of tax; total: subtotal plus the line's tax rates on it. */
  readonly adjustments: readonly RowTotals[]
  /** subtotal: tax on the line before discounts; total: tax on the discounted amount. */
  readonly tax_lines: readonly RowTotals[]
}

/** What `computeCartTotals` returns; every list follows the input's order. */
export interface CartTotalsResult {
  readonly cart: CartTotals
  readonly items: readonly LineTotals[]
  readonly shipping_methods: readonly LineTotals[]
  readonly item_rows: readonly LineRowTotals[]
  readonly shipping_method_rows: readonly LineRowTotals[]
  /** Each credit line: subtotal = total = its amount (Medusa applies no tax to credit lines). */
  readonly credit_lines: readonly RowTotals[]
}
