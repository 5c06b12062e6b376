import type { PortLineItem } from "./port-line-item"
import type { PortShippingMethod } from "./port-shipping-method"

/** The address taxes are computed for (the cart's shipping address). */
export interface TaxAddress {
  readonly country_code?: string | null
  readonly province?: string | null
  readonly postal_code?: string | null
}

/** What the tax port is asked: the cart's items and shipping methods where they ship to; money as exact decimal strings. */
export interface TaxQuery {
  readonly cart_id: string
  readonly region_id?: string | null
  readonly currency_code: string
  readonly customer_id?: string | null
  readonly address: TaxAddress | null
  readonly items: readonly PortLineItem[]
  readonly shipping_methods: readonly PortShippingMethod[]
}

/** One tax line as the port returns it; `rate` is a percentage. */
export interface ComputedTaxLine {
  readonly code: string
  readonly rate: number
  readonly description?: string | null
  readonly tax_rate_id?: string | null
  readonly provider_id?: string | null
}

/** The port's answer: tax lines per item id and per shipping method id. */
export interface TaxLines {
  readonly item_tax_lines: readonly (ComputedTaxLine & { readonly item_id: string })[]
  readonly shipping_tax_lines: readonly (ComputedTaxLine & { readonly shipping_method_id: string })[]
}

/** Where tax rates come from. Called outside the cart lock when a cart's taxes are calculated, and by the refresh after every change to a taxed cart. */
export interface TaxPort {
  /** The tax lines that apply to each item and shipping method of the query. */
  getTaxLines(query: TaxQuery): Promise<TaxLines>
}

/** One rate of {@link InMemoryTax}: for a region, optionally narrowed to a country. */
export interface TaxRateEntry {
  readonly region_id: string
  readonly country_code?: string
  readonly rate: number
  readonly code: string
  readonly name?: string
}

/** Flat rates held in memory: a country-specific rate beats the region's rate; no rate, no tax line. */
export class InMemoryTax implements TaxPort {
  constructor(private readonly rates: readonly TaxRateEntry[]) {}

  /** One line per item and shipping method at the matching rate. */
  async getTaxLines(query: TaxQuery): Promise<TaxLines> {
    const rate = this.rateFor(query.region_id ?? null, query.address?.country_code?.toLowerCase() ?? null)
    if (!rate) return { item_tax_lines: [], shipping_tax_lines: [] }
    const line = { code: rate.code, rate: rate.rate, description: rate.name ?? rate.code, provider_id: "in-memory" }
    return {
      item_tax_lines: query.items.map((item) => ({ ...line, item_id: item.id })),
      shipping_tax_lines: query.shipping_methods.map((method) => ({ ...line, shipping_method_id: method.id })),
    }
  }

  private rateFor(regionId: string | null, country: string | null): TaxRateEntry | undefined {
    const ofRegion = this.rates.filter((rate) => rate.region_id === regionId)
    return (
      ofRegion.find((rate) => rate.country_code !== undefined && rate.country_code.toLowerCase() === country) ??
      ofRegion.find((rate) => rate.country_code === undefined)
    )
  }
}
