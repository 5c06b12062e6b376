import type { CalculatedPrice, PriceQuery, PricingPort } from "../ports/pricing"
import { MedusaQueryAdapter } from "./query-adapter"
import type { MedusaRawAmount } from "./money"
import { exactAmount, sameAmount } from "./money"

/** One result of Medusa's `calculatePrices` (a subset of its `CalculatedPriceSet`). */
export interface MedusaCalculatedPriceSet {
  id: string
  calculated_amount: unknown
  raw_calculated_amount: MedusaRawAmount | null
  is_calculated_price_tax_inclusive?: boolean
  original_amount: unknown
  raw_original_amount: MedusaRawAmount | null
}

/** The part of Medusa's pricing module (`IPricingModuleService`) the pricing adapter calls. */
export interface MedusaPricingModule {
  calculatePrices(filters: { id: string[] }, context?: { context?: Record<string, unknown> }): Promise<MedusaCalculatedPriceSet[]>
}

/** The part of Medusa's customer module (`ICustomerModuleService`) used to find a customer's groups. */
export interface MedusaCustomerModule {
  listCustomers(filters: { id: string[] }, config: { relations: string[] }): Promise<{ id: string; groups?: { id: string }[] | null }[]>
}

/** Finds the price set of each variant; variants without one are absent from the map. */
export type PriceSetResolver = (variantIds: readonly string[]) => Promise<ReadonlyMap<string, string>>

/** Finds the customer groups of a customer (price lists can be limited to groups). */
export type CustomerGroupResolver = (customerId: string) => Promise<readonly string[]>

/** Options of {@link MedusaPricing}. */
export interface MedusaPricingOptions {
  /** Default: Medusa's variant ↔ price set link, read through Query. */
  readonly priceSets?: PriceSetResolver
  /** Default: the customer module's groups of the customer; `"none"` prices every customer as a guest. */
  readonly customerGroups?: CustomerGroupResolver | "none"
}

/** One call per distinct context: Medusa's `calculatePrices` takes one context for many price sets. */
function contextKey(query: PriceQuery): string {
  return JSON.stringify([query.currency_code.toLowerCase(), query.region_id ?? null, query.quantity, query.customer_id ?? null])
}

function toCalculatedPrice(result: MedusaCalculatedPriceSet): CalculatedPrice | null {
  const amount = exactAmount(result.raw_calculated_amount, result.calculated_amount)
  if (amount === null) return null
  const original = exactAmount(result.raw_original_amount, result.original_amount)
  return {
    amount,
    is_tax_inclusive: result.is_calculated_price_tax_inclusive ?? false,
    // As Medusa's cart workflows: the original price is shown struck through only when a price list lowered it.
    compare_at_amount: original !== null && !sameAmount(original, amount) ? original : null,
  }
}

/**
 * {@link PricingPort} over Medusa's pricing module (`container.resolve("pricing")`): each variant's
 * price set (Medusa's link, through Query) priced by `calculatePrices` with the context Medusa's cart
 * workflows give it: currency, region, quantity (tiers by `min_quantity`/`max_quantity`) and the
 * customer's groups (price lists). The tax-inclusive flag comes from Medusa's price preferences.
 */
export class MedusaPricing extends MedusaQueryAdapter<MedusaPricingOptions> implements PricingPort {
  private readonly pricing = this.module<MedusaPricingModule>("pricing")
  private readonly customers = this.module<MedusaCustomerModule>("customer")

  /** The unit price of each query, in order; null where the variant has no price set or no price in the context. */
  async calculatePrices(queries: readonly PriceQuery[]): Promise<(CalculatedPrice | null)[]> {
    const priceSets = await (this.options.priceSets ?? ((ids) => this.linkedPriceSets(ids)))([
      ...new Set(queries.map((query) => query.variant_id)),
    ])
    const groups = new Map<string, Promise<ReadonlyMap<string, CalculatedPrice | null>>>()
    for (const query of queries) {
      const key = contextKey(query)
      if (!groups.has(key)) {
        const ids = queries.filter((other) => contextKey(other) === key).flatMap((other) => priceSets.get(other.variant_id) ?? [])
        groups.set(key, this.priceGroup(query, [...new Set(ids)]))
      }
    }
    return Promise.all(
      queries.map(async (query) => {
        const priceSetId = priceSets.get(query.variant_id)
        return priceSetId ? ((await groups.get(contextKey(query))!).get(priceSetId) ?? null) : null
      }),
    )
  }

  private async priceGroup(query: PriceQuery, priceSetIds: string[]): Promise<ReadonlyMap<string, CalculatedPrice | null>> {
    if (!priceSetIds.length) return new Map()
    const groupIds = query.customer_id ? await this.groupsOf(query.customer_id) : []
    const context: Record<string, unknown> = {
      currency_code: query.currency_code.toLowerCase(),
      quantity: query.quantity,
      ...(query.region_id ? { region_id: query.region_id } : {}),
      // Medusa flattens the context to rule attributes; price lists for groups use "customer.groups.id".
      ...(query.customer_id ? { customer: { id: query.customer_id, groups: { id: [...groupIds] } } } : {}),
    }
    const results = await this.pricing().calculatePrices({ id: priceSetIds }, { context })
    return new Map(results.map((result) => [result.id, toCalculatedPrice(result)]))
  }

  private async groupsOf(customerId: string): Promise<readonly string[]> {
    const resolver = this.options.customerGroups
    if (resolver === "none") return []
    if (resolver) return resolver(customerId)
    const [customer] = await this.customers().listCustomers({ id: [customerId] }, { relations: ["groups"] })
    return (customer?.groups ?? []).map((group) => group.id)
  }

  private async linkedPriceSets(variantIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (!variantIds.length) return new Map()
    return this.firstLinked("variant", variantIds, "price_set", "id")
  }
}
