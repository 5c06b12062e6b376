import type { FulfillmentCart } from "../ports/fulfillment"
import type { PromotionResult } from "../ports/promotion"
import type { TaxLines } from "../ports/tax"
import { computeCartTotals } from "../totals"
import type { TotalsCartInput } from "../totals"
import type { CartDTO, CartLineItemDTO, CartShippingMethodDTO } from "../types/dtos"
import { toDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"
import { exact } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { GIFT_CARD_REFERENCE } from "./gift-card-totals"
import { computePromotions, promotionCartOf } from "./promotions"
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
  readonly cart: CartDTO
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

/** The cart after the planned changes, as the ports and the totals engine see it. */
interface Draft {
  readonly cart: CartDTO
  readonly items: CartLineItemDTO[]
  readonly methods: CartShippingMethodDTO[]
}

function repriceTargets(cart: CartDTO, changes: CartChanges): CartLineItemDTO[] {
  const all = changes.lines === "all" || changes.region || changes.customer || changes.sales_channel
  const listed = new Set(Array.isArray(changes.lines) ? changes.lines : [])
  return (cart.items ?? []).filter((item) => item.variant_id && (all || listed.has(item.id)) && (!item.is_custom_price || changes.region))
}

async function planPrices(deps: Pick<RefreshDeps, "pricing" | "catalog">, cart: CartDTO, changes: CartChanges, policy: CustomPricePolicy) {
  const removed: RemovedLine[] = []
  const removedLine = (item: CartLineItemDTO, reason: RemovedLineReason) =>
    removed.push({ id: item.id, variant_id: item.variant_id ?? null, title: item.title, reason })
  if (changes.region) {
    for (const item of cart.items ?? [])
      if (item.is_custom_price && (!item.variant_id || policy === "remove")) removedLine(item, "custom_price_in_other_currency")
  }
  if (changes.sales_channel) {
    const variantIds = [...new Set((cart.items ?? []).flatMap((item) => (item.variant_id ? [item.variant_id] : [])))]
    const variants = new Map((await deps.catalog.retrieveVariants(variantIds)).map((variant) => [variant.id, variant]))
    for (const item of cart.items ?? []) {
      const channels = item.variant_id ? (variants.get(item.variant_id)?.product.sales_channel_ids ?? []) : []
      if (
        channels.length &&
        (!cart.sales_channel_id || !channels.includes(cart.sales_channel_id)) &&
        !removed.some((r) => r.id === item.id)
      )
        removedLine(item, "not_in_sales_channel")
    }
  }
  const targets = repriceTargets(cart, changes).filter((item) => !removed.some((r) => r.id === item.id))
  const answers = targets.length
    ? await deps.pricing.calculatePrices(
        targets.map((item) => ({
          variant_id: item.variant_id!,
          currency_code: cart.currency_code,
          region_id: cart.region_id ?? null,
          quantity: Number(item.quantity),
          customer_id: cart.customer_id ?? null,
          sales_channel_id: cart.sales_channel_id ?? null,
        })),
      )
    : []
  const prices: RefreshPlan["prices"][number][] = []
  targets.forEach((item, index) => {
    const price = answers[index]
    if (!price) return removedLine(item, item.is_custom_price ? "custom_price_in_other_currency" : "no_price")
    const next = {
      id: item.id,
      unit_price: toDecimal(price.amount).toFixed(),
      is_tax_inclusive: price.is_tax_inclusive ?? false,
      compare_at_unit_price: price.compare_at_amount == null ? null : toDecimal(price.compare_at_amount).toFixed(),
    }
    const same =
      toDecimal(next.unit_price).eq(toDecimal(exact(item.unit_price, item.raw_unit_price))) &&
      next.is_tax_inclusive === item.is_tax_inclusive &&
      !item.is_custom_price
    if (!same) prices.push(next)
  })
  return { prices, removed }
}

function totalsInput(draft: Draft, creditLines: TotalsCartInput["credit_lines"]): TotalsCartInput {
  return {
    currency_code: draft.cart.currency_code,
    items: draft.items.map((item) => ({
      id: item.id,
      unit_price: exact(item.unit_price, item.raw_unit_price),
      quantity: item.quantity,
      is_tax_inclusive: item.is_tax_inclusive,
      tax_lines: (item.tax_lines ?? []).map((line) => ({ rate: line.rate })),
      adjustments: (item.adjustments ?? []).map((adj) => ({
        amount: exact(adj.amount, adj.raw_amount),
        is_tax_inclusive: adj.is_tax_inclusive ?? false,
      })),
    })),
    shipping_methods: draft.methods.map((method) => ({
      id: method.id,
      amount: exact(method.amount, method.raw_amount),
      is_tax_inclusive: method.is_tax_inclusive,
      tax_lines: (method.tax_lines ?? []).map((line) => ({ rate: line.rate })),
      adjustments: (method.adjustments ?? []).map((adj) => ({ amount: exact(adj.amount, adj.raw_amount) })),
    })),
    credit_lines: creditLines,
  }
}

/** The fulfillment port's view of a (draft) cart: the item subtotal comes from the totals engine. */
export function fulfillmentCartFor(cart: CartDTO, items: readonly CartLineItemDTO[] = cart.items ?? []): FulfillmentCart {
  const totals = computeCartTotals(totalsInput({ cart, items: [...items], methods: [] }, []))
  return {
    id: cart.id,
    region_id: cart.region_id ?? null,
    currency_code: cart.currency_code,
    sales_channel_id: cart.sales_channel_id ?? null,
    shipping_address: cart.shipping_address ? { country_code: cart.shipping_address.country_code ?? null } : null,
    item_subtotal: totals.cart.item_subtotal.toFixed(),
    item_total: totals.cart.item_total.toFixed(),
  }
}

async function planShipping(deps: Pick<RefreshDeps, "fulfillment">, draft: Draft) {
  const removed: string[] = []
  const amounts: { id: string; amount: string }[] = []
  const fulfillmentCart = fulfillmentCartFor(draft.cart, draft.items)
  for (const method of draft.methods) {
    if (!method.shipping_option_id) continue
    const option = await deps.fulfillment.priceShippingOption(method.shipping_option_id, fulfillmentCart)
    if (!option) removed.push(method.id)
    else if (!toDecimal(option.amount).eq(toDecimal(exact(method.amount, method.raw_amount))))
      amounts.push({ id: method.id, amount: toDecimal(option.amount).toFixed() })
  }
  return { removed, amounts }
}

async function planGiftCards(
  deps: Pick<RefreshDeps, "giftCards">,
  draft: Draft,
  promotions: PromotionResult | null,
  taxes: TaxLines | null,
) {
  const cards = (draft.cart.credit_lines ?? []).filter((line) => line.reference === GIFT_CARD_REFERENCE)
  if (!cards.length) return []
  // The total the cards pay for is the draft's after its new discounts and taxes, before any gift card.
  const withNew: Draft = {
    ...draft,
    items: draft.items.map((item) => ({
      ...item,
      ...(promotions
        ? {
            adjustments: promotions.item_adjustments
              .filter((adj) => adj.item_id === item.id)
              .map((adj) => ({ ...adj, raw_amount: { value: adj.amount, precision: 20 } })) as unknown as CartLineItemDTO["adjustments"],
          }
        : {}),
      ...(taxes
        ? { tax_lines: taxes.item_tax_lines.filter((line) => line.item_id === item.id) as unknown as CartLineItemDTO["tax_lines"] }
        : {}),
    })),
    methods: draft.methods.map((method) => ({
      ...method,
      ...(promotions
        ? {
            adjustments: promotions.shipping_adjustments
              .filter((adj) => adj.shipping_method_id === method.id)
              .map((adj) => ({
                ...adj,
                raw_amount: { value: adj.amount, precision: 20 },
              })) as unknown as CartShippingMethodDTO["adjustments"],
          }
        : {}),
      ...(taxes
        ? {
            tax_lines: taxes.shipping_tax_lines.filter(
              (line) => line.shipping_method_id === method.id,
            ) as unknown as CartShippingMethodDTO["tax_lines"],
          }
        : {}),
    })),
  }
  const others = (draft.cart.credit_lines ?? [])
    .filter((line) => line.reference !== GIFT_CARD_REFERENCE)
    .map((line) => ({ amount: exact(line.amount, line.raw_amount) }))
  let remaining = computeCartTotals(totalsInput(withNew, others)).cart.total
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

/**
 * Plans a refresh of `cart` (already carrying the caller's field changes, e.g. a new region): asks
 * every port what the cart's prices, shipping, discounts, taxes and gift cards must now be. Runs
 * outside the cart lock; nothing is written.
 */
export async function planRefresh(
  deps: RefreshDeps,
  cart: CartDTO,
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
  const shipping = await planShipping(deps, { cart, items, methods: cart.shipping_methods ?? [] })
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
