import { NotAllowedError } from "../errors/errors"
import { toDecimal } from "../money/decimal"
import type { CartDTO } from "../types/dtos"
import { exact } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { GIFT_CARD_REFERENCE } from "./gift-card-totals"

/** What a completion took from the host's modules: stock reservations and gift card redemptions. */
export interface CompletionEffects {
  readonly reservation_ids: readonly string[]
  readonly redemption_ids: readonly string[]
}

type Deps = Pick<FlowDeps, "inventory" | "giftCards">

/** Gives back everything a completion took (its compensation); safe to call twice. */
export async function undoCompletionEffects(deps: Deps, effects: CompletionEffects): Promise<void> {
  await Promise.allSettled(effects.redemption_ids.map((id) => deps.giftCards.revertRedemption(id)))
  if (effects.reservation_ids.length) await deps.inventory.release(effects.reservation_ids)
}

/**
 * Reserves the cart's stock and redeems its gift cards' applied amounts, all or nothing: when one
 * fails, what was already taken is given back and the completion is refused.
 * @throws NotAllowedError when stock ran out or a card's balance no longer covers its amount.
 */
export async function takeCompletionEffects(deps: Deps, cart: CartDTO): Promise<CompletionEffects> {
  const lines = (cart.items ?? []).filter((item) => item.variant_id)
  const reservations: string[] = []
  const redemptions: string[] = []
  try {
    try {
      const reserved = await deps.inventory.reserve(
        lines.map((item) => ({ variant_id: item.variant_id!, quantity: Number(item.quantity), line_item_id: item.id })),
        cart.sales_channel_id ?? null,
      )
      reservations.push(...reserved.map((reservation) => reservation.id))
    } catch (error) {
      throw NotAllowedError.because(
        `Cart with id "${cart.id}" cannot be completed: some items are no longer in stock (${error instanceof Error ? error.message : "inventory refused"})`,
      )
    }
    for (const line of cart.credit_lines ?? []) {
      const amount = exact(line.amount, line.raw_amount)
      if (line.reference !== GIFT_CARD_REFERENCE || !line.reference_id || toDecimal(amount).lte(0)) continue
      const card = await deps.giftCards.retrieveByCode(line.reference_id)
      if (!card) throw NotAllowedError.because(`Gift card "${line.reference_id}" no longer exists`)
      try {
        redemptions.push((await deps.giftCards.redeem(card.id, amount, { cart_id: cart.id })).id)
      } catch {
        throw NotAllowedError.because(`Gift card "${line.reference_id}" no longer covers ${amount} ${cart.currency_code}; refresh the cart`)
      }
    }
    return { reservation_ids: reservations, redemption_ids: redemptions }
  } catch (error) {
    await undoCompletionEffects(deps, { reservation_ids: reservations, redemption_ids: redemptions })
    throw error
  }
}
