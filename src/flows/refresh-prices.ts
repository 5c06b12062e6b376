import type { CartLineItemDTO } from "../types/dtos"
import { toDecimal } from "../money/decimal"
import { exact } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import type { DraftCart } from "./refresh-draft"
import type { CartChanges, CustomPricePolicy, RefreshPlan, RemovedLine, RemovedLineReason } from "./refresh-plan"

/** A line the pricing port is asked about: it has a variant. */
type PricedLine = CartLineItemDTO & { readonly variant_id: string }

function repriceTargets(items: readonly CartLineItemDTO[], changes: CartChanges): PricedLine[] {
  const all = changes.lines === "all" || changes.region || changes.customer || changes.sales_channel
  const listed = new Set(Array.isArray(changes.lines) ? changes.lines : [])
  return items.flatMap((item) =>
    item.variant_id && (all || listed.has(item.id)) && (!item.is_custom_price || changes.region)
      ? [{ ...item, variant_id: item.variant_id }]
      : [],
  )
}

/** Lines that cannot stay: custom prices in another currency, variants no longer sold in the cart's channel. */
async function linesToRemove(
  deps: Pick<RefreshDeps, "catalog">,
  cart: DraftCart,
  changes: CartChanges,
  policy: CustomPricePolicy,
): Promise<RemovedLine[]> {
  const removed: RemovedLine[] = []
  const items = cart.items ?? []
  if (changes.region) {
    for (const item of items)
      if (item.is_custom_price && (!item.variant_id || policy === "remove"))
        removed.push(removedLine(item, "custom_price_in_other_currency"))
  }
  if (changes.sales_channel) {
    const variantIds = [...new Set(items.flatMap((item) => (item.variant_id ? [item.variant_id] : [])))]
    const variants = new Map((await deps.catalog.retrieveVariants(variantIds)).map((variant) => [variant.id, variant]))
    for (const item of items) {
      const channels = item.variant_id ? (variants.get(item.variant_id)?.product.sales_channel_ids ?? []) : []
      if (
        channels.length &&
        (!cart.sales_channel_id || !channels.includes(cart.sales_channel_id)) &&
        !removed.some((r) => r.id === item.id)
      )
        removed.push(removedLine(item, "not_in_sales_channel"))
    }
  }
  return removed
}

function removedLine(item: CartLineItemDTO, reason: RemovedLineReason): RemovedLine {
  return { id: item.id, variant_id: item.variant_id ?? null, title: item.title, reason }
}

/** The lines whose price changes after `changes`, and the lines that must go. */
export async function planPrices(
  deps: Pick<RefreshDeps, "pricing" | "catalog">,
  cart: DraftCart,
  changes: CartChanges,
  policy: CustomPricePolicy,
): Promise<{ prices: RefreshPlan["prices"][number][]; removed: RemovedLine[] }> {
  const removed = await linesToRemove(deps, cart, changes, policy)
  const targets = repriceTargets(cart.items ?? [], changes).filter((item) => !removed.some((r) => r.id === item.id))
  const answers = targets.length
    ? await deps.pricing.calculatePrices(
        targets.map((item) => ({
          variant_id: item.variant_id,
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
    if (!price) return removed.push(removedLine(item, item.is_custom_price ? "custom_price_in_other_currency" : "no_price"))
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
