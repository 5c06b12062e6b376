import type { BigNumberFactory } from "../money/big-number-class"

/** How a tie is broken when rounding to the currency's minor unit. */
export type RoundingMode = "half_even" | "half_up"

/** `"none"` keeps Medusa's exact values; a mode rounds every part to the currency's ISO 4217 minor unit. */
export type TotalsRounding = "none" | { readonly mode: RoundingMode }

/** Options for `computeCartTotals`; `rounding` defaults to `"none"` (Medusa-identical). */
export interface TotalsOptions {
  readonly rounding?: TotalsRounding
  /**
   * Service reads only (ignored by `computeCartTotals`): when true, the relations a cart read loads to
   * compute totals are not returned unless asked for. Default false: returned, as Medusa does.
   */
  readonly lean?: boolean
  /** Service reads only: builds each returned total (default: cartwright's `BigNumber`). The Medusa entry passes Medusa's. */
  readonly bigNumber?: BigNumberFactory
}
