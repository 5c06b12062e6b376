import { InvalidDataError, NotAllowedError, NotFoundError } from "../errors/errors"
import type { GiftCard } from "../ports/gift-card"
import type { CartDTO } from "../types/dtos"
import { assertCartOpen, withCartLock } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { GIFT_CARD_REFERENCE } from "./gift-card-totals"
import { changeAndRefresh } from "./refresh-cart"

/** Input of {@link applyGiftCard} and {@link removeGiftCard}. */
export interface GiftCardInput {
  readonly cart_id: string
  readonly code: string
}

/** What undoing a gift card change needs: the credit line added, or the one removed. */
export interface GiftCardCompensation {
  readonly cart_id: string
  readonly added_credit_line_id: string | null
  readonly removed_credit_line_id: string | null
}

/** Refuses a card the cart cannot use. @throws NotFoundError, NotAllowedError */
export function assertUsable(card: GiftCard | null, code: string, cart: Pick<CartDTO, "currency_code" | "region_id">): GiftCard {
  if (!card) throw NotFoundError.forId("GiftCard", code)
  if (card.is_disabled) throw NotAllowedError.because(`Gift card "${code}" is disabled`)
  if (card.ends_at && card.ends_at.getTime() < Date.now()) throw NotAllowedError.because(`Gift card "${code}" has expired`)
  if (card.currency_code.toLowerCase() !== cart.currency_code)
    throw NotAllowedError.because(`Gift card "${code}" is in ${card.currency_code}, the cart in ${cart.currency_code}`)
  if (card.region_id && cart.region_id && card.region_id !== cart.region_id)
    throw NotAllowedError.because(`Gift card "${code}" cannot be used in region "${cart.region_id}"`)
  return card
}

/**
 * Applies a gift card as a credit line (`reference: "gift_card"`, `reference_id`: the code). The
 * shared refresh sets its amount: the card's balance, at most what is left of the cart's total;
 * it follows the total on every later change. The card is redeemed at completion.
 * Undo: the credit line removed.
 * @throws NotFoundError for an unknown code; NotAllowedError for a disabled, expired or foreign-currency card.
 */
export const applyGiftCardStep: FlowStep<RefreshDeps, GiftCardInput, CartDTO, GiftCardCompensation> = {
  name: "apply-gift-card",
  async invoke(deps, input) {
    if (!input.code) throw InvalidDataError.because("code is required", ["code"])
    const cart = await deps.cart.retrieveCart(input.cart_id, { select: ["id", "currency_code", "region_id", "completed_at"] })
    assertCartOpen(cart)
    const card = assertUsable(await deps.giftCards.retrieveByCode(input.code), input.code, cart)
    const added = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const existing = await deps.cart.listCreditLines(
        { cart_id: input.cart_id, reference: GIFT_CARD_REFERENCE, reference_id: card.code },
        { select: ["id"] },
        ctx,
      )
      if (existing.length) return null
      return (
        await deps.cart.createCreditLines(
          { cart_id: input.cart_id, reference: GIFT_CARD_REFERENCE, reference_id: card.code, amount: 0 },
          ctx,
        )
      ).id
    })
    const { cart: output } = await changeAndRefresh(deps, { cart_id: input.cart_id, changes: {} })
    return { output, compensation: { cart_id: input.cart_id, added_credit_line_id: added, removed_credit_line_id: null } }
  },
  compensate: undoGiftCard,
}

/** Removes a gift card from the cart; the other cards' amounts follow. Undo: the card back. */
export const removeGiftCardStep: FlowStep<RefreshDeps, GiftCardInput, CartDTO, GiftCardCompensation> = {
  name: "remove-gift-card",
  async invoke(deps, input) {
    const removed = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const lines = await deps.cart.listCreditLines(
        { cart_id: input.cart_id, reference: GIFT_CARD_REFERENCE },
        { select: ["id", "reference_id"] },
        ctx,
      )
      const line = lines.find((candidate) => candidate.reference_id?.toLowerCase() === input.code.toLowerCase())
      if (!line) throw NotFoundError.forId("GiftCard", input.code)
      await deps.cart.softDeleteCreditLines(line.id, undefined, ctx)
      return line.id
    })
    const { cart: output } = await changeAndRefresh(deps, { cart_id: input.cart_id, changes: {} })
    return { output, compensation: { cart_id: input.cart_id, added_credit_line_id: null, removed_credit_line_id: removed } }
  },
  compensate: undoGiftCard,
}

async function undoGiftCard(deps: RefreshDeps, compensation: GiftCardCompensation): Promise<void> {
  if (compensation.added_credit_line_id) await deps.cart.deleteCreditLines(compensation.added_credit_line_id)
  if (compensation.removed_credit_line_id) await deps.cart.restoreCreditLines(compensation.removed_credit_line_id)
  await changeAndRefresh(deps, { cart_id: compensation.cart_id, changes: {} })
}

/** Applies a gift card (plain-function form of {@link applyGiftCardStep}). */
export const applyGiftCard = asFlow(applyGiftCardStep)

/** Removes a gift card (plain-function form of {@link removeGiftCardStep}). */
export const removeGiftCard = asFlow(removeGiftCardStep)
