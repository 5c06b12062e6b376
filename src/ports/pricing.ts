import { toDecimal } from "../money/decimal"

/** What a price is asked for: the variant, the cart's currency and region, the line's quantity and who buys. */
export interface PriceQuery {
  readonly variant_id: string
  readonly currency_code: string
  readonly region_id?: string | null
  readonly quantity: number
  /** The cart's customer, for customer-group prices; null for a guest. */
  readonly customer_id?: string | null
  readonly sales_channel_id?: string | null
}

/** A calculated unit price: `amount` is an exact decimal string in major units. */
export interface CalculatedPrice {
  readonly amount: string
  readonly is_tax_inclusive?: boolean
  readonly compare_at_amount?: string | null
}

/**
 * Where prices come from. Called outside the cart lock when an item is added, and by the refresh
 * after every change that can move a price: a line's quantity (tiers), the region (currency), the
 * customer (groups) or the sales channel.
 */
export interface PricingPort {
  /** The unit price of each query, in order; null where the variant has no price for it. */
  calculatePrices(queries: readonly PriceQuery[]): Promise<(CalculatedPrice | null)[]>
}

/**
 * One price list entry of {@link InMemoryPricing}: without `region_id` it applies to every region;
 * `min_quantity` gives tiers; `customer_group_id` limits it to that group's customers.
 */
export interface PriceEntry {
  readonly variant_id: string
  readonly currency_code: string
  readonly amount: number | string
  readonly is_tax_inclusive?: boolean
  readonly compare_at_amount?: number | string | null
  readonly region_id?: string
  readonly min_quantity?: number
  readonly customer_group_id?: string
}

/** Prices held in memory: the most specific matching entry wins (group over region over currency, then the highest tier reached). */
export class InMemoryPricing implements PricingPort {
  /**
   * @param prices the price list
   * @param customerGroups the groups of each customer id, for `customer_group_id` entries
   */
  constructor(
    private readonly prices: readonly PriceEntry[],
    private readonly customerGroups: Readonly<Record<string, readonly string[]>> = {},
  ) {}

  /** Finds the best entry per query. */
  async calculatePrices(queries: readonly PriceQuery[]): Promise<(CalculatedPrice | null)[]> {
    return queries.map((query) => {
      const groups = query.customer_id ? (this.customerGroups[query.customer_id] ?? []) : []
      const candidates = this.prices.filter(
        (price) =>
          price.variant_id === query.variant_id &&
          price.currency_code.toLowerCase() === query.currency_code.toLowerCase() &&
          (price.region_id === undefined || price.region_id === query.region_id) &&
          (price.customer_group_id === undefined || groups.includes(price.customer_group_id)) &&
          (price.min_quantity ?? 1) <= query.quantity,
      )
      const score = (price: PriceEntry): number =>
        (price.customer_group_id ? 2_000_000_000 : 0) + (price.region_id ? 1_000_000 : 0) + (price.min_quantity ?? 1)
      const best = [...candidates].sort((a, b) => score(b) - score(a))[0]
      if (!best) return null
      const compareAt = best.compare_at_amount ?? null
      return {
        amount: toDecimal(best.amount).toFixed(),
        is_tax_inclusive: best.is_tax_inclusive ?? false,
        compare_at_amount: compareAt === null ? null : toDecimal(compareAt).toFixed(),
      }
    })
  }
}
