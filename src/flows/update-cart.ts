import type { CartDTO, MetadataDTO } from "../types/dtos"
import type { CartContext } from "../service/cart-context"
import type { PromotionResult } from "../ports/promotion"
import { planThenApply, retrieveFullCart } from "./cart-state"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { GIFT_CARD_REFERENCE } from "./gift-card-totals"
import { writePromotions } from "./promotions"
import { applyRefresh } from "./refresh-apply"
import { previousOf, syncPaymentSessions, undoRefresh } from "./refresh-cart"
import type { RefreshCartCompensation } from "./refresh-cart"
import type { RefreshReport } from "./refresh-plan"
import { planCartUpdate } from "./update-cart-plan"
import type { UpdateCartDeps, UpdateCartInput, UpdateCartPlan } from "./update-cart-plan"
import { announceCartUpdated, cartChangeEvents } from "./workflow-events"

/** The updated cart and what its refresh did (lines and shipping methods removed, lines re-priced). */
export interface UpdateCartResult {
  readonly cart: CartDTO
  readonly report: RefreshReport
}

/** What undoing a composite update needs, beyond the shared refresh's compensation. */
export interface UpdateCartCompensation extends RefreshCartCompensation {
  readonly previous_codes: readonly string[]
  readonly previous_metadata: MetadataDTO | undefined
  readonly added_credit_line_ids: readonly string[]
  /** The gift card credit lines a replacing `gift_card_codes` removed (soft-deleted, so undo restores them). */
  readonly removed_credit_line_ids: readonly string[]
}

const NO_PROMOTIONS: PromotionResult = { item_adjustments: [], shipping_adjustments: [], unknown_codes: [] }

/** Writes a plan under the cart lock: fields, new gift cards, the refresh, the codes; returns the credit lines added. */
async function applyCartUpdate(deps: UpdateCartDeps, planned: UpdateCartPlan, ctx: CartContext): Promise<string[]> {
  const cartId = planned.before.id
  const fields = { ...planned.patch, ...(planned.metadata !== undefined ? { metadata: planned.metadata } : {}) }
  if (Object.keys(fields).length) await deps.cart.updateCarts(cartId, fields, ctx)
  else await announceCartUpdated(deps.cart, cartId, ctx)
  if (planned.removed_gift_card_ids.length) await deps.cart.softDeleteCreditLines([...planned.removed_gift_card_ids], undefined, ctx)
  const added = planned.new_gift_cards.length
    ? await deps.cart.createCreditLines(
        planned.new_gift_cards.map((card) => ({
          cart_id: cartId,
          reference: GIFT_CARD_REFERENCE,
          reference_id: card.code,
          amount: card.amount,
        })),
        ctx,
      )
    : []
  await applyRefresh(deps, planned.refresh, ctx)
  // The refresh writes promotions only when there are codes; removing the last one clears the adjustments here.
  if (planned.codes && planned.codes.length === 0 && !planned.refresh.promotions) {
    await writePromotions(deps, cartId, [], NO_PROMOTIONS, ctx)
  }
  const transfer = planned.patch.customer_id !== undefined && !planned.before.customer_id
  await deps.cart.emitEvents(cartChangeEvents(planned.before, planned.patch, transfer), ctx)
  return added.map((line) => line.id)
}

function previousMetadata(cart: CartDTO, metadata: MetadataDTO | undefined): MetadataDTO | undefined {
  if (!metadata) return undefined
  // Metadata updates merge keys; "" removes a key, so a key the cart did not have is removed on undo.
  return Object.fromEntries(Object.keys(metadata).map((key) => [key, cart.metadata?.[key] ?? ""]))
}

/**
 * Updates a cart's region, customer, email, addresses, sales channel, promotion codes, gift cards and
 * metadata as ONE change: every part is validated and the ports (region, sales channel, pricing,
 * fulfillment, promotions, tax, gift cards) are asked outside the cart lock, then everything is
 * written under one lock in one transaction, only to the cart version that was planned (else it
 * plans again). A failing part (an unknown promotion code, a country outside the region, a disabled
 * channel, another customer's cart) changes nothing. Payment sessions follow after the commit.
 * Undo: the fields, codes and metadata as they were, the gift cards it added removed, removed rows (lines,
 * shipping methods, gift cards) restored.
 * @throws NotFoundError, InvalidDataError, NotAllowedError; ConflictError when the cart keeps changing.
 */
export const updateCartStep: FlowStep<UpdateCartDeps, UpdateCartInput, UpdateCartResult, UpdateCartCompensation> = {
  name: "update-cart",
  async invoke(deps, input) {
    const { planned, added } = await planThenApply(
      deps.cart,
      input.cart_id,
      () => planCartUpdate(deps, input),
      async (plan, ctx) => ({ planned: plan, added: await applyCartUpdate(deps, plan, ctx) }),
    )
    const cart = await retrieveFullCart(deps.cart, input.cart_id)
    await syncPaymentSessions(deps, cart)
    const { refresh } = planned
    const report: RefreshReport = {
      repriced_line_ids: refresh.repriced_line_ids,
      removed_lines: refresh.removed_lines,
      removed_shipping_method_ids: refresh.removed_shipping_method_ids,
    }
    return {
      output: { cart, report },
      compensation: {
        cart_id: input.cart_id,
        previous: previousOf(planned.before, planned.patch),
        removed_line_ids: refresh.removed_lines.map((line) => line.id),
        removed_shipping_method_ids: refresh.removed_shipping_method_ids,
        changes: planned.changes,
        previous_codes: planned.previous_codes,
        previous_metadata: previousMetadata(planned.before, planned.metadata),
        added_credit_line_ids: added,
        removed_credit_line_ids: planned.removed_gift_card_ids,
      },
    }
  },
  async compensate(deps, compensation) {
    await deps.cart.transaction(async (ctx) => {
      if (compensation.added_credit_line_ids.length) await deps.cart.deleteCreditLines([...compensation.added_credit_line_ids], ctx)
      if (compensation.removed_credit_line_ids.length)
        await deps.cart.restoreCreditLines([...compensation.removed_credit_line_ids], undefined, ctx)
      // The refresh below recomputes adjustments for codes; with none left it would keep the current ones.
      if (compensation.previous_codes.length === 0) await writePromotions(deps, compensation.cart_id, [], NO_PROMOTIONS, ctx)
      else await deps.cart.updateCheckoutState(compensation.cart_id, { promotion_codes: [...compensation.previous_codes] }, ctx)
      if (compensation.previous_metadata)
        await deps.cart.updateCarts(compensation.cart_id, { metadata: compensation.previous_metadata }, ctx)
    })
    await undoRefresh(deps, compensation)
  },
}

/** Updates a cart in one transaction (plain-function form of {@link updateCartStep}). */
export const updateCart = asFlow(updateCartStep)
