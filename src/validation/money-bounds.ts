/**
 * The documented range of money amounts (unit prices, amounts, credit lines): at most 18 digits
 * before the decimal point and 20 after. Within it, values are stored in `numeric` and read back
 * exactly (the `raw_*` twin) and their display number stays finite; outside it, validation refuses
 * them (`"1e400"` once stored and read back as `Infinity`).
 */
export const MONEY_BOUNDS = { integerDigits: 18, scale: 20 } as const

/** Tax rates: a percentage from 0 to 100 with at most 20 decimals, kept exact end to end. */
export const RATE_BOUNDS = { integerDigits: 3, scale: 20 } as const
