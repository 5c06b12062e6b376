import { MoneyDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"

// Medusa's default currency table (@medusajs/utils 2.21 `defaultCurrencies`) by decimal digits, where
// they are not 2. Medusa's digits, not ISO 4217's (it has HUF, IDR, PKR... at 0), because this decides
// which credit totals Medusa treats as zero.
const ZERO_DIGITS = new Set(
  (
    "afn all amd bif clp cop crc djf gnf huf idr iqd irr irt isk jpy kmf krw lbp mga mmk mnt mur pkr pyg " +
    "rsd rwf sos syp tzs ugx uzs vnd xaf xof xpf yer zmk zwl"
  ).split(" "),
)
const THREE_DIGITS = new Set(["bhd", "jod", "kwd", "lyd", "omr", "tnd"])

const EPSILONS = { 0: new MoneyDecimal(1), 2: new MoneyDecimal("0.01"), 3: new MoneyDecimal("0.001") } as const

/**
 * The amount at or below which Medusa counts a cart's credit lines as zero: one unit of the
 * currency's last decimal digit, and Medusa's default (0.01) for a currency it does not know, so an
 * unknown or made-up code never makes a read throw.
 */
export function creditLineEpsilonOf(currencyCode: string): Decimal {
  const code = currencyCode.toLowerCase()
  if (ZERO_DIGITS.has(code)) return EPSILONS[0]
  if (THREE_DIGITS.has(code)) return EPSILONS[3]
  return EPSILONS[2]
}
