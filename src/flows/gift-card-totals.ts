import { toDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"
import type { CartDTO } from "../types/dtos"

/** The `reference` of the credit lines that carry gift cards; their `reference_id` is the card's code. */
export const GIFT_CARD_REFERENCE = "gift_card"

/** Medusa v1's gift card totals of a cart, as exact Decimals. */
export interface GiftCardTotals {
  readonly gift_card_total: Decimal
  readonly gift_card_tax_total: Decimal
}

/**
 * Derives v1's `gift_card_total` (the sum of the cart's gift card credit lines) and
 * `gift_card_tax_total` from a cart read with its `credit_lines`. Gift cards are applied to the
 * tax-inclusive total, so the tax share they cover is `gift_card_total × tax_total / total` when
 * the region taxes gift cards (`taxable: true`, v1's `region.gift_cards_taxable`), else 0.
 */
export function giftCardTotals(
  cart: Pick<CartDTO, "credit_lines" | "tax_total" | "total" | "credit_line_total">,
  options: { readonly taxable?: boolean } = {},
): GiftCardTotals {
  let total = toDecimal(0)
  for (const line of cart.credit_lines ?? []) {
    if (line.reference === GIFT_CARD_REFERENCE) total = total.plus(toDecimal(line.raw_amount ? line.raw_amount.value : line.amount))
  }
  const taxTotal = cart.tax_total ? toDecimal(cart.tax_total.raw.value) : toDecimal(0)
  // The total before credit lines: what the gift cards were fitted against.
  const gross = (cart.total ? toDecimal(cart.total.raw.value) : toDecimal(0)).plus(
    cart.credit_line_total ? toDecimal(cart.credit_line_total.raw.value) : toDecimal(0),
  )
  const taxShare = options.taxable && !gross.isZero() ? total.times(taxTotal).div(gross) : toDecimal(0)
  return { gift_card_total: total, gift_card_tax_total: taxShare }
}
