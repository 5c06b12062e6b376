export { computeCartTotals } from "./compute-cart-totals"
export { toTotalsFields } from "./to-totals-fields"
export type { TotalsFields } from "./to-totals-fields"
export type {
  TotalsAdjustmentInput,
  TotalsCartInput,
  TotalsCreditLineInput,
  TotalsItemInput,
  TotalsShippingMethodInput,
  TotalsTaxLineInput,
} from "./totals-input"
export type { RoundingMode, TotalsOptions, TotalsRounding } from "./totals-options"
export type { CartTotals, CartTotalsResult, LineRowTotals, LineTotals, RowTotals } from "./totals-result"
