/** A tax line as the totals engine needs it: a percentage from 0 to 100. */
export interface TotalsTaxLineInput {
  readonly rate: string | number
}

/** A discount on a line: a positive amount means "this much off" (Medusa's storage convention). */
export interface TotalsAdjustmentInput {
  readonly amount: string | number
  readonly is_tax_inclusive?: boolean | null
}

/** A line item: gross = unit_price × quantity. */
export interface TotalsItemInput {
  readonly id: string
  readonly unit_price: string | number
  readonly quantity: string | number
  readonly is_tax_inclusive?: boolean | null
  readonly tax_lines: readonly TotalsTaxLineInput[]
  readonly adjustments: readonly TotalsAdjustmentInput[]
}

/** A shipping method: gross = amount; its adjustments are always pre-tax. */
export interface TotalsShippingMethodInput {
  readonly id: string
  readonly amount: string | number
  readonly is_tax_inclusive?: boolean | null
  readonly tax_lines: readonly TotalsTaxLineInput[]
  readonly adjustments: readonly TotalsAdjustmentInput[]
}

/** Store credit applied to the cart, subtracted from the total. */
export interface TotalsCreditLineInput {
  readonly amount: string | number
}

/** Everything the totals of a cart depend on. */
export interface TotalsCartInput {
  readonly currency_code: string
  readonly items: readonly TotalsItemInput[]
  readonly shipping_methods: readonly TotalsShippingMethodInput[]
  readonly credit_lines: readonly TotalsCreditLineInput[]
}
