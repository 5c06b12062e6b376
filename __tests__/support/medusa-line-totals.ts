/**
 * The totals Medusa's `decorateCartTotals` puts on every line item and shipping method, recorded from
 * `@medusajs/cart` 2.21.2. Written out here rather than imported from `src/` so the tests check the
 * module against Medusa, not against itself.
 */
export const MEDUSA_LINE_TOTALS = [
  "total",
  "subtotal",
  "tax_total",
  "discount_total",
  "discount_subtotal",
  "discount_tax_total",
  "original_total",
  "original_subtotal",
  "original_tax_total",
] as const
