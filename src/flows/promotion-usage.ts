import type { PromotionPort, PromotionUsage } from "../ports/promotion"
import type { CartDTO } from "../types/dtos"

/** The promotion usage of a cart about to complete: every adjustment that carries a code. */
export function promotionUsageOf(cart: CartDTO): PromotionUsage {
  const adjustments = [
    ...(cart.items ?? []).flatMap((item) => item.adjustments ?? []),
    ...(cart.shipping_methods ?? []).flatMap((method) => method.adjustments ?? []),
  ]
  return {
    cart_id: cart.id,
    customer_id: cart.customer_id ?? null,
    email: cart.email ?? null,
    adjustments: adjustments.flatMap((adjustment) =>
      adjustment.code ? [{ code: adjustment.code, amount: adjustment.amount.toString() }] : [],
    ),
  }
}

/** Registers usage when the port counts it; returns what to revert on undo (null: nothing registered). */
export async function registerPromotionUsage(promotions: PromotionPort | undefined, cart: CartDTO): Promise<PromotionUsage | null> {
  const usage = promotionUsageOf(cart)
  if (!promotions?.registerUsage || !usage.adjustments.length) return null
  await promotions.registerUsage(usage)
  return usage
}

/** Gives back registered usage (completion undone or rolled back). */
export async function revertPromotionUsage(promotions: PromotionPort | undefined, usage: PromotionUsage | null | undefined): Promise<void> {
  if (usage && promotions?.revertUsage) await promotions.revertUsage(usage)
}
