/** What a price is asked for. */
export interface PriceQuery {
  readonly variant_id: string
  readonly currency_code: string
  readonly region_id?: string | null
  readonly quantity: number
  /** The cart's customer, when known: hosts with customer-group price lists price by it. */
  readonly customer_id?: string | null
}

/** A calculated unit price; `amount` is an exact decimal string or a number in major units. */
export interface CalculatedPrice {
  readonly amount: number | string
  readonly is_tax_inclusive?: boolean
  readonly compare_at_amount?: number | string | null
}

/** Where prices come from. Called when an item is added or the cart's region (currency) changes. */
export interface PricingPort {
  /** The unit price of each query, in order; null where the variant has no price in that currency/region. */
  calculatePrices(queries: readonly PriceQuery[]): Promise<(CalculatedPrice | null)[]>
}

/** One price list entry of {@link InMemoryPricing}; without `region_id` it applies to every region; `min_quantity` gives tiers. */
export interface PriceEntry extends CalculatedPrice {
  readonly variant_id: string
  readonly currency_code: string
  readonly region_id?: string
  readonly min_quantity?: number
}

/** Prices held in memory: the most specific matching entry wins (region over currency, highest tier reached). */
export class InMemoryPricing implements PricingPort {
  constructor(private readonly prices: readonly PriceEntry[]) {}

  /** Finds the best entry per query. */
  async calculatePrices(queries: readonly PriceQuery[]): Promise<(CalculatedPrice | null)[]> {
    return queries.map((query) => {
      const candidates = this.prices.filter(
        (price) =>
          price.variant_id === query.variant_id &&
          price.currency_code.toLowerCase() === query.currency_code.toLowerCase() &&
          (price.region_id === undefined || price.region_id === query.region_id) &&
          (price.min_quantity ?? 1) <= query.quantity,
      )
      const score = (price: PriceEntry): number => (price.region_id ? 1_000_000 : 0) + (price.min_quantity ?? 1)
      const best = [...candidates].sort((a, b) => score(b) - score(a))[0]
      return best ? { amount: best.amount, is_tax_inclusive: best.is_tax_inclusive ?? false, compare_at_amount: best.compare_at_amount ?? null } : null
    })
  }
}
