import type { PromotionResult } from "../ports/promotion"
import type { TaxLines } from "../ports/tax"
import type { RefreshDeps } from "./flow-deps"
import { computePromotions, promotionCartOf } from "./promotions"
import type { Draft, DraftCart } from "./refresh-draft"
import { planGiftCards } from "./refresh-gift-cards"
import { planPrices } from "./refresh-prices"
import { planShipping } from "./refresh-shipping"
import { taxQueryOf } from "./refresh-taxes"

/**
 * What changed, so the refresh knows what to recompute: listed lines are re-priced (their quantity
 * moved), a new region, customer or sales channel re-prices every line. Shipping methods are
 * re-checked, and promotions, taxes and gift cards recomputed, whenever anything changed.
 */
export interface CartChanges {
  readonly lines?: readonly string[] | "all"
  readonly region?: boolean
  readonly address?: boolean
  readonly customer?: boolean
  readonly sales_channel?: boolean
}

/**
 * What happens to custom-priced lines when the region (currency) changes: `"reprice"` (default) prices
 * a line with a variant through the pricing port and drops its custom flag; a line the port cannot
 * price, and any custom line with `"remove"`, is removed and reported. A custom number is never
 * carried into another currency.
 */
export type CustomPricePolicy = "reprice" | "remove"

/** Why the refresh removed a line. */
export type RemovedLineReason = "no_price" | "custom_price_in_other_currency" | "not_in_sales_channel"

/** A line the refresh removed, with the reason (for the notice a storefront shows). */
export interface RemovedLine {
  readonly id: string
  readonly variant_id: string | null
  readonly title: string
  readonly reason: RemovedLineReason
}

/** What a refresh did; storefronts show `removed_lines` and `removed_shipping_method_ids` as notices. */
export interface RefreshReport {
  readonly repriced_line_ids: readonly string[]
  readonly removed_lines: readonly RemovedLine[]
  readonly removed_shipping_method_ids: readonly string[]
}

/** Everything the providers answered for one version of the cart; applied only to that version. */
export interface RefreshPlan extends RefreshReport {
  readonly version: number
  readonly cart: DraftCart
  readonly prices: readonly {
    readonly id: string
    readonly unit_price: string
    readonly is_tax_inclusive: boolean
    readonly compare_at_unit_price: string | null
  }[]
  readonly shipping_amounts: readonly { readonly id: string; readonly amount: string }[]
  readonly promotions: { readonly codes: readonly string[]; readonly result: PromotionResult } | null
  readonly taxes: TaxLines | null
  readonly gift_cards: readonly { readonly id: string; readonly amount: string }[]
}

/**
 * Plans a refresh of `cart` (already carrying the caller's field changes, e.g. a new region): asks
 * every port what the cart's prices, shipping, discounts, taxes and gift cards must now be. Runs
 * outside the cart lock; nothing is written.
 */
export async function planRefresh(
  deps: RefreshDeps,
  cart: DraftCart,
  codes: readonly string[],
  changes: CartChanges,
  policy: CustomPricePolicy = "reprice",
): Promise<RefreshPlan> {
  const { prices, removed } = await planPrices(deps, cart, changes, policy)
  const removedIds = new Set(removed.map((line) => line.id))
  const items = (cart.items ?? [])
    .filter((item) => !removedIds.has(item.id))
    .map((item) => {
      const price = prices.find((p) => p.id === item.id)
      return price
        ? {
            ...item,
            unit_price: Number(price.unit_price),
            raw_unit_price: { value: price.unit_price, precision: 20 },
            is_tax_inclusive: price.is_tax_inclusive,
          }
        : item
    })
  const shipping = await planShipping(deps, cart, items, cart.shipping_methods ?? [])
  const methods = (cart.shipping_methods ?? [])
    .filter((method) => !shipping.removed.includes(method.id))
    .map((method) => {
      const amount = shipping.amounts.find((entry) => entry.id === method.id)
      return amount ? { ...method, amount: Number(amount.amount), raw_amount: { value: amount.amount, precision: 20 } } : method
    })
  const draft: Draft = { cart: { ...cart, items, shipping_methods: methods }, items, methods }
  const promotions = codes.length ? { codes, result: await computePromotions(deps, promotionCartOf(draft.cart), codes) } : null
  const taxed =
    (cart.items ?? []).some((item) => item.tax_lines?.length) || (cart.shipping_methods ?? []).some((method) => method.tax_lines?.length)
  const taxes = taxed ? await deps.tax.getTaxLines(taxQueryOf(draft.cart)) : null
  const giftCards = await planGiftCards(deps, draft, promotions?.result ?? null, taxes)
  return {
    version: cart.version,
    cart,
    prices,
    removed_lines: removed,
    repriced_line_ids: prices.map((price) => price.id),
    shipping_amounts: shipping.amounts,
    removed_shipping_method_ids: shipping.removed,
    promotions,
    taxes,
    gift_cards: giftCards,
  }
}
