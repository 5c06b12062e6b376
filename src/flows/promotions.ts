import { InvalidDataError } from "../errors/errors"
import type { CartContext } from "../service/cart-context"
import type { PromotionCart, PromotionResult } from "../ports/promotion"
import type { CartDTO } from "../types/dtos"
import type { UpsertLineItemAdjustmentDTO, UpsertShippingMethodAdjustmentDTO } from "../types/inputs"
import { planOnOpenCart, retrieveFullCart } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { lineChildrenOf } from "./line-children"
import { portLineOf, portShippingOf } from "./port-lines"
import type { DraftCart } from "./refresh-draft"

/** Input of {@link applyPromotionCodes} and {@link removePromotionCodes}. */
export interface PromotionCodesInput {
  readonly cart_id: string
  readonly codes: readonly string[]
}

/** The adjustments and codes as they were, for undo. */
export interface PromotionCompensation {
  readonly cart_id: string
  readonly codes: readonly string[]
  readonly item_adjustments: readonly UpsertLineItemAdjustmentDTO[]
  readonly shipping_adjustments: readonly UpsertShippingMethodAdjustmentDTO[]
}

type Deps = Pick<FlowDeps, "cart" | "promotions">

/** The promotion codes applied to a cart, from the module-owned checkout state (never from metadata). */
export async function promotionCodesOf(deps: Pick<FlowDeps, "cart">, cartId: string): Promise<string[]> {
  return [...(await deps.cart.retrieveCheckoutState(cartId)).promotion_codes]
}

/** The cart as the promotion port sees it; money as exact decimal strings. */
export function promotionCartOf(cart: DraftCart): PromotionCart {
  return {
    id: cart.id,
    currency_code: cart.currency_code,
    region_id: cart.region_id ?? null,
    customer_id: cart.customer_id ?? null,
    email: cart.email ?? null,
    sales_channel_id: cart.sales_channel_id ?? null,
    country_code: cart.shipping_address?.country_code ?? null,
    items: (cart.items ?? []).map((item) => ({ ...portLineOf(item), is_discountable: item.is_discountable, ...exactTotals(item) })),
    shipping_methods: (cart.shipping_methods ?? []).map((method) => ({ ...portShippingOf(method), ...exactTotals(method) })),
  }
}

/** A line's pre-discount totals as exact strings, for promotion engines that discount them (Medusa's does). */
function exactTotals(line: { subtotal?: { toString(): string }; original_total?: { toString(): string } }) {
  return {
    ...(line.subtotal ? { subtotal: line.subtotal.toString() } : {}),
    ...(line.original_total ? { original_total: line.original_total.toString() } : {}),
  }
}

type AdjustmentLike = {
  amount: unknown
  code?: string | null
  description?: string | null
  promotion_id?: string | null
  provider_id?: string | null
  is_tax_inclusive?: boolean
}

function adjustmentFields(adjustment: AdjustmentLike) {
  return {
    amount: String(adjustment.amount),
    code: adjustment.code ?? null,
    description: adjustment.description ?? null,
    promotion_id: adjustment.promotion_id ?? null,
    provider_id: adjustment.provider_id ?? null,
    is_tax_inclusive: adjustment.is_tax_inclusive ?? false,
  }
}

/** What the promotion port answered for a set of codes; computed outside the cart lock. */
export async function computePromotions(
  deps: Pick<FlowDeps, "promotions">,
  cart: PromotionCart,
  codes: readonly string[],
): Promise<PromotionResult> {
  return codes.length
    ? deps.promotions.computeAdjustments(cart, codes)
    : { item_adjustments: [], shipping_adjustments: [], unknown_codes: [] }
}

/** Writes the port's answer: the adjustments replace the cart's, the codes it knew are kept. */
export async function writePromotions(
  deps: Pick<FlowDeps, "cart">,
  cartId: string,
  codes: readonly string[],
  result: PromotionResult,
  ctx: CartContext,
): Promise<void> {
  const kept = codes.filter((code) => !result.unknown_codes.includes(code))
  await deps.cart.setLineItemAdjustments(
    cartId,
    result.item_adjustments.map((adj) => ({ ...adjustmentFields(adj), item_id: adj.item_id })),
    ctx,
  )
  await deps.cart.setShippingMethodAdjustments(
    cartId,
    result.shipping_adjustments.map((adj) => ({ ...adjustmentFields(adj), shipping_method_id: adj.shipping_method_id })),
    ctx,
  )
  await deps.cart.updateCheckoutState(cartId, { promotion_codes: kept }, ctx)
}

function codesStep(
  name: string,
  next: (current: readonly string[], input: readonly string[]) => { codes: string[]; strict: readonly string[] },
): FlowStep<Deps, PromotionCodesInput, CartDTO, PromotionCompensation> {
  return {
    name,
    async invoke(deps, input) {
      const compensation = await planOnOpenCart(
        deps.cart,
        input.cart_id,
        async (cart) => {
          const current = await promotionCodesOf(deps, cart.id)
          const { codes, strict } = next(current, input.codes)
          const result = await computePromotions(deps, promotionCartOf(cart), codes)
          const rejected = result.unknown_codes.filter((code) => strict.includes(code))
          if (rejected.length)
            throw InvalidDataError.because(`Promotion code(s) ${rejected.map((code) => `"${code}"`).join(", ")} not found`, ["promo_codes"])
          return { version: cart.version, cart, current, codes, result }
        },
        async ({ cart, current, codes, result }, ctx) => {
          await writePromotions(deps, cart.id, codes, result, ctx)
          const previous = lineChildrenOf(cart, "adjustments", adjustmentFields)
          return { cart_id: cart.id, codes: current, item_adjustments: previous.items, shipping_adjustments: previous.methods }
        },
      )
      return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation }
    },
    async compensate(deps, compensation) {
      await deps.cart.transaction(async (ctx) => {
        await deps.cart.setLineItemAdjustments(compensation.cart_id, [...compensation.item_adjustments], ctx)
        await deps.cart.setShippingMethodAdjustments(compensation.cart_id, [...compensation.shipping_adjustments], ctx)
        await deps.cart.updateCheckoutState(compensation.cart_id, { promotion_codes: [...compensation.codes] }, ctx)
      })
    },
  }
}

/** Adds codes to the cart and recomputes its adjustments; an unknown new code is invalid_data. Undo: previous codes and adjustments. */
export const applyPromotionCodesStep = codesStep("apply-promotion-codes", (current, added) => ({
  codes: [...new Set([...current, ...added])],
  strict: added,
}))

/** Removes codes from the cart and recomputes its adjustments. Undo: previous codes and adjustments. */
export const removePromotionCodesStep = codesStep("remove-promotion-codes", (current, removed) => ({
  codes: current.filter((code) => !removed.includes(code)),
  strict: [],
}))

/** Applies codes (plain-function form of {@link applyPromotionCodesStep}). */
export const applyPromotionCodes = asFlow(applyPromotionCodesStep)

/** Removes codes (plain-function form of {@link removePromotionCodesStep}). */
export const removePromotionCodes = asFlow(removePromotionCodesStep)
