import type { PromotionResult } from "../ports/promotion"
import type { TaxLines } from "../ports/tax"
import { computeCartTotals } from "../totals"
import { toDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"
import { exact } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { GIFT_CARD_REFERENCE } from "./gift-card-totals"
import { draftTotalsInput } from "./refresh-draft"
import type { Draft, DraftItem, DraftMethod } from "./refresh-draft"

/** The draft's lines with the discounts and taxes the ports just computed in place of their stored ones. */
function withNewChildren(draft: Draft, promotions: PromotionResult | null, taxes: TaxLines | null): Pick<Draft, "items" | "methods"> {
  const items = draft.items.map((item): DraftItem => ({
    ...item,
    ...(promotions ? { adjustments: promotions.item_adjustments.filter((adj) => adj.item_id === item.id) } : {}),
    ...(taxes ? { tax_lines: taxes.item_tax_lines.filter((line) => line.item_id === item.id) } : {}),
  }))
  const methods = draft.methods.map((method): DraftMethod => ({
    ...method,
    ...(promotions ? { adjustments: promotions.shipping_adjustments.filter((adj) => adj.shipping_method_id === method.id) } : {}),
    ...(taxes ? { tax_lines: taxes.shipping_tax_lines.filter((line) => line.shipping_method_id === method.id) } : {}),
  }))
  return { items, methods }
}

/** What each gift card on the draft now pays: its balance, up to what is left of the total, in card order. */
export async function planGiftCards(
  deps: Pick<RefreshDeps, "giftCards">,
  draft: Draft,
  promotions: PromotionResult | null,
  taxes: TaxLines | null,
): Promise<{ id: string; amount: string }[]> {
  const cards = (draft.cart.credit_lines ?? []).filter((line) => line.reference === GIFT_CARD_REFERENCE)
  if (!cards.length) return []
  // The total the cards pay for is the draft's after its new discounts and taxes, before any gift card.
  const { items, methods } = withNewChildren(draft, promotions, taxes)
  const others = (draft.cart.credit_lines ?? [])
    .filter((line) => line.reference !== GIFT_CARD_REFERENCE)
    .map((line) => ({ amount: exact(line.amount, line.raw_amount) }))
  let remaining = computeCartTotals(draftTotalsInput(draft.cart.currency_code, items, methods, others)).cart.total
  const planned: { id: string; amount: string }[] = []
  for (const line of cards) {
    const card = line.reference_id ? await deps.giftCards.retrieveByCode(line.reference_id) : null
    const balance = card && !card.is_disabled && card.currency_code === draft.cart.currency_code ? toDecimal(card.balance) : toDecimal(0)
    const amount = minOf(balance, remaining.isNegative() ? toDecimal(0) : remaining)
    remaining = remaining.minus(amount)
    if (!amount.eq(toDecimal(exact(line.amount, line.raw_amount)))) planned.push({ id: line.id, amount: amount.toFixed() })
  }
  return planned
}

function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b
}
