import { randomUUID } from "node:crypto"
import { toDecimal } from "../money/decimal"

/** A gift card as the flows need it: its remaining balance (exact decimal string) in its currency. */
export interface GiftCard {
  readonly id: string
  readonly code: string
  readonly balance: string
  readonly currency_code: string
  readonly region_id?: string | null
  readonly is_disabled?: boolean
  readonly ends_at?: Date | null
}

/** A redemption: how much was taken from a card for an order; `revertRedemption` gives it back. */
export interface GiftCardRedemption {
  readonly id: string
  readonly gift_card_id: string
  readonly amount: string
}

/**
 * Gift cards, as the host keeps them. Called outside the cart lock: `retrieveByCode` when a code is
 * applied and by the refresh (balance), `redeem` at completion for each card's applied amount (more
 * than the balance is refused), `revertRedemption` when that completion is undone.
 */
export interface GiftCardPort {
  /** The card with this code (compared case-insensitively), or null. */
  retrieveByCode(code: string): Promise<GiftCard | null>
  /** Takes `amount` from the card's balance. @throws when the balance is lower than `amount` */
  redeem(
    giftCardId: string,
    amount: string,
    reference: { readonly cart_id: string; readonly order_id?: string | null },
  ): Promise<GiftCardRedemption>
  /** Gives a redemption's amount back to its card (compensation); unknown ids are ignored. */
  revertRedemption(redemptionId: string): Promise<void>
}

/** Gift cards held in memory. */
export class InMemoryGiftCards implements GiftCardPort {
  private readonly cards = new Map<string, GiftCard>()
  /** Live redemptions by id. */
  readonly redemptions = new Map<string, GiftCardRedemption>()

  constructor(cards: readonly (Omit<GiftCard, "balance"> & { readonly balance: number | string })[]) {
    for (const card of cards) this.cards.set(card.id, { ...card, balance: toDecimal(card.balance).toFixed() })
  }

  /** Looks a card up by code. */
  async retrieveByCode(code: string): Promise<GiftCard | null> {
    return [...this.cards.values()].find((card) => card.code.toLowerCase() === code.toLowerCase()) ?? null
  }

  /** Lowers the balance. */
  async redeem(
    giftCardId: string,
    amount: string,
    _reference?: { readonly cart_id: string; readonly order_id?: string | null },
  ): Promise<GiftCardRedemption> {
    const card = this.cards.get(giftCardId)
    if (!card || toDecimal(card.balance).lt(toDecimal(amount))) throw new Error(`Gift card "${giftCardId}" has not enough balance`)
    this.cards.set(giftCardId, { ...card, balance: toDecimal(card.balance).minus(toDecimal(amount)).toFixed() })
    const redemption = { id: `gcr_${randomUUID()}`, gift_card_id: giftCardId, amount: toDecimal(amount).toFixed() }
    this.redemptions.set(redemption.id, redemption)
    return redemption
  }

  /** Restores the balance. */
  async revertRedemption(redemptionId: string): Promise<void> {
    const redemption = this.redemptions.get(redemptionId)
    if (!redemption) return
    this.redemptions.delete(redemptionId)
    const card = this.cards.get(redemption.gift_card_id)
    if (card) this.cards.set(card.id, { ...card, balance: toDecimal(card.balance).plus(toDecimal(redemption.amount)).toFixed() })
  }

  /** A card's current balance (for tests and the example). */
  balanceOf(giftCardId: string): string | undefined {
    return this.cards.get(giftCardId)?.balance
  }
}
