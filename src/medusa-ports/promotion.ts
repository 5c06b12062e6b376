import type { ComputedAdjustment, PromotionCart, PromotionPort, PromotionResult, PromotionUsage } from "../ports/promotion"
import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"
import { exactOf } from "./money"

/** One action of Medusa's `computeActions` (the union members the adapter reads; others are skipped). */
export type MedusaComputedAction =
  | { action: "addItemAdjustment"; item_id: string; amount: unknown; code: string; description?: string; is_tax_inclusive?: boolean }
  | { action: "addShippingMethodAdjustment"; shipping_method_id: string; amount: unknown; code: string; description?: string }
  | {
      action: "removeItemAdjustment" | "removeShippingMethodAdjustment" | "campaignBudgetExceeded" | "promotionLimitExceeded"
      code: string
    }

/** The part of Medusa's promotion module (`IPromotionModuleService`) the promotion adapter calls. */
export interface MedusaPromotionModule {
  computeActions(codes: string[], context: Record<string, unknown> & { currency_code: string }): Promise<MedusaComputedAction[]>
  listPromotions(
    filters: { code: string[]; status: ("active" | "draft" | "inactive")[] },
    config: { select: string[]; take: null },
  ): Promise<{ id: string; code?: string | null }[]>
  registerUsage(
    usage: { amount: string | number; code: string }[],
    context: { customer_id: string | null; customer_email: string | null },
  ): Promise<void>
  revertUsage(
    usage: { amount: string | number; code: string }[],
    context: { customer_id: string | null; customer_email: string | null },
  ): Promise<void>
}

/** The cart as Medusa's `ComputeActionContext` describes it. Adjustments are left out: the port replaces them all. */
function actionContextOf(cart: PromotionCart): Record<string, unknown> & { currency_code: string } {
  return {
    currency_code: cart.currency_code.toLowerCase(),
    ...(cart.region_id ? { region_id: cart.region_id, region: { id: cart.region_id } } : {}),
    ...(cart.customer_id ? { customer_id: cart.customer_id, customer: { id: cart.customer_id } } : {}),
    ...(cart.email ? { email: cart.email } : {}),
    ...(cart.sales_channel_id ? { sales_channel_id: cart.sales_channel_id } : {}),
    ...(cart.country_code ? { shipping_address: { country_code: cart.country_code } } : {}),
    items: cart.items.map((item) => {
      // Without the caller's totals, the pre-discount subtotal is the gross price (exact for tax-exclusive prices).
      const gross = exactOf(item.unit_price).times(item.quantity).toString()
      return {
        id: item.id,
        quantity: item.quantity,
        subtotal: item.subtotal ?? gross,
        original_total: item.original_total ?? item.subtotal ?? gross,
        is_discountable: item.is_discountable,
        product_id: item.product_id ?? null,
        variant_id: item.variant_id ?? null,
        product: { id: item.product_id ?? "", ...(item.product_type_id ? { type_id: item.product_type_id } : {}) },
      }
    }),
    shipping_methods: cart.shipping_methods.map((method) => ({
      id: method.id,
      subtotal: method.subtotal ?? String(method.amount),
      original_total: method.original_total ?? method.subtotal ?? String(method.amount),
      ...(method.shipping_option_id ? { shipping_option_id: method.shipping_option_id } : {}),
    })),
  }
}

/**
 * {@link PromotionPort} over Medusa's promotion module (`container.resolve("promotion")`): codes (and
 * Medusa's automatic promotions) become item and shipping adjustments through `computeActions`, with
 * the promotion's id looked up by code as Medusa's cart workflows do. A code Medusa does not know, that
 * is not active, or whose usage limit or campaign budget is spent, is reported unknown. Usage is counted with
 * `registerUsage` when a cart completes and given back with `revertUsage` when that is undone.
 */
export class MedusaPromotions implements PromotionPort {
  private readonly promotions: () => MedusaPromotionModule

  constructor(container: HostContainer) {
    this.promotions = lazyModule<MedusaPromotionModule>(container, MEDUSA_KEYS.promotion)
  }

  /** The adjustments `codes` give the cart now, and the codes that give none because Medusa refuses them. */
  async computeAdjustments(cart: PromotionCart, codes: readonly string[]): Promise<PromotionResult> {
    const actions = await this.promotions().computeActions([...codes], actionContextOf(cart))
    const spent = new Set(
      actions.flatMap((action) =>
        action.action === "campaignBudgetExceeded" || action.action === "promotionLimitExceeded" ? [action.code] : [],
      ),
    )
    const allCodes = [...new Set([...codes, ...actions.map((action) => action.code)])]
    // Only active promotions count: computeActions ignores drafts and inactive ones, so such a code gives nothing.
    const found = await this.promotions().listPromotions({ code: allCodes, status: ["active"] }, { select: ["id", "code"], take: null })
    const idOf = new Map(found.flatMap((promotion) => (promotion.code ? [[promotion.code, promotion.id] as const] : [])))
    const adjustment = (code: string, amount: unknown, description: string | undefined): ComputedAdjustment => ({
      code,
      amount: exactOf(amount).toString(),
      description: description ?? null,
      promotion_id: idOf.get(code) ?? null,
    })
    return {
      item_adjustments: actions.flatMap((action) =>
        action.action === "addItemAdjustment"
          ? [
              {
                ...adjustment(action.code, action.amount, action.description),
                is_tax_inclusive: action.is_tax_inclusive ?? false,
                item_id: action.item_id,
              },
            ]
          : [],
      ),
      shipping_adjustments: actions.flatMap((action) =>
        action.action === "addShippingMethodAdjustment"
          ? [{ ...adjustment(action.code, action.amount, action.description), shipping_method_id: action.shipping_method_id }]
          : [],
      ),
      unknown_codes: codes.filter((code) => !idOf.has(code) || spent.has(code)),
    }
  }

  /** Counts each adjustment's amount against its promotion (usage limit, campaign budget). */
  async registerUsage(usage: PromotionUsage): Promise<void> {
    if (!usage.adjustments.length) return
    await this.promotions().registerUsage(usageOf(usage), { customer_id: usage.customer_id, customer_email: usage.email })
  }

  /** Gives back what {@link MedusaPromotions.registerUsage} counted. */
  async revertUsage(usage: PromotionUsage): Promise<void> {
    if (!usage.adjustments.length) return
    await this.promotions().revertUsage(usageOf(usage), { customer_id: usage.customer_id, customer_email: usage.email })
  }
}

function usageOf(usage: PromotionUsage): { amount: string; code: string }[] {
  return usage.adjustments.map((entry) => ({ code: entry.code, amount: exactOf(entry.amount).toString() }))
}
