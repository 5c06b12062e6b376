import type { Decimal } from "../money/decimal"
import { divideToPlaces } from "../money/divide"
import { ONE, ZERO, add, subtract, sumOf } from "./arithmetic"
import type { MoneyReader } from "./money-reader"
import type { TotalsAdjustmentInput, TotalsItemInput, TotalsShippingMethodInput, TotalsTaxLineInput } from "./totals-input"

/** The exact parts of one line's totals, before they are summed; rounding acts on these parts. */
export interface LineBreakdown {
  readonly inclusive: boolean
  /** unit_price × quantity (items) or amount (shipping), as the customer is charged it. */
  readonly gross: Decimal
  /** Net of tax, before discounts. */
  readonly subtotal: Decimal
  /** Each adjustment net of tax. */
  readonly adjustmentSubtotals: readonly Decimal[]
  /** Σ adjustmentSubtotals. */
  readonly discountSubtotal: Decimal
  /** subtotal − discountSubtotal (negative when the discounts exceed the price: nothing is clamped). */
  readonly taxable: Decimal
  /** Per tax line: taxable × rate. The same array as `taxLineSubtotals` when there is no discount. */
  readonly taxLineTotals: readonly Decimal[]
  /** Per tax line: subtotal × rate (the tax before discounts). */
  readonly taxLineSubtotals: readonly Decimal[]
}

interface LineParts {
  readonly gross: Decimal
  readonly inclusive: boolean
  readonly taxLines: readonly TotalsTaxLineInput[]
  readonly adjustments: readonly TotalsAdjustmentInput[]
  /** Medusa honours `is_tax_inclusive` on item adjustments only; shipping adjustments are pre-tax. */
  readonly adjustmentsMayIncludeTax: boolean
}

/** An item's exact parts: gross = unit_price × quantity. */
export function breakdownItem(item: TotalsItemInput, reader: MoneyReader): LineBreakdown {
  const unitPrice = reader.read(item.unit_price)
  const quantity = reader.read(item.quantity)
  return breakdownLine(
    {
      gross: quantity.eq(ONE) ? unitPrice : unitPrice.times(quantity),
      inclusive: item.is_tax_inclusive === true,
      taxLines: item.tax_lines,
      adjustments: item.adjustments,
      adjustmentsMayIncludeTax: true,
    },
    reader,
  )
}

/** A shipping method's exact parts: gross = amount, quantity 1, adjustments pre-tax. */
export function breakdownShippingMethod(method: TotalsShippingMethodInput, reader: MoneyReader): LineBreakdown {
  return breakdownLine(
    {
      gross: reader.read(method.amount),
      inclusive: method.is_tax_inclusive === true,
      taxLines: method.tax_lines,
      adjustments: method.adjustments,
      adjustmentsMayIncludeTax: false,
    },
    reader,
  )
}

function breakdownLine(parts: LineParts, reader: MoneyReader): LineBreakdown {
  const fractions = parts.taxLines.length === 0 ? NONE : parts.taxLines.map((line) => reader.rateFraction(line.rate))
  // 1 + R is only needed to take tax out of a tax-inclusive amount, which most lines never do.
  let onePlusRate: Decimal | undefined
  let subtotal = parts.gross
  if (parts.inclusive) {
    onePlusRate = add(ONE, sumOf(fractions))
    subtotal = divideToPlaces(parts.gross, onePlusRate)
  }
  const adjustmentSubtotals = parts.adjustments.length === 0 ? NONE : parts.adjustments.map((adjustment) => {
    const amount = reader.read(adjustment.amount)
    if (!parts.adjustmentsMayIncludeTax || adjustment.is_tax_inclusive !== true) return amount
    onePlusRate ??= add(ONE, sumOf(fractions))
    return divideToPlaces(amount, onePlusRate)
  })
  const discountSubtotal = sumOf(adjustmentSubtotals)
  const taxable = subtract(subtotal, discountSubtotal)
  const taxLineSubtotals = fractions.map((fraction) => times(subtotal, fraction))
  return {
    inclusive: parts.inclusive,
    gross: parts.gross,
    subtotal,
    adjustmentSubtotals,
    discountSubtotal,
    taxable,
    taxLineTotals: taxable === subtotal ? taxLineSubtotals : fractions.map((fraction) => times(taxable, fraction)),
    taxLineSubtotals,
  }
}

// Shared empty list: most lines have no adjustments, and an empty map() would allocate one each time.
const NONE: readonly Decimal[] = Object.freeze([])

function times(a: Decimal, b: Decimal): Decimal {
  return a.isZero() || b.isZero() ? ZERO : a.times(b)
}
