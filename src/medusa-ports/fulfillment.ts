import type { FulfillmentCart, FulfillmentPort, ShippingOption } from "../ports/fulfillment"
import { rowsAt, stockLocationsOf, stringAt } from "./medusa-query"
import { MedusaQueryAdapter } from "./query-adapter"
import { exactAmount } from "./money"
import type { MedusaPricingModule } from "./pricing"

/** A shipping option as Medusa's fulfillment module lists it (a subset of `ShippingOptionDTO`). */
export interface MedusaShippingOption {
  id: string
  name: string
  price_type: "flat" | "calculated"
  provider_id: string | null
  data: Record<string, unknown> | null
}

/** The address filter of Medusa's `listShippingOptionsForContext` (service zones' geo zones). */
export interface MedusaShippingAddress {
  country_code?: string
}

/** The part of Medusa's fulfillment module (`IFulfillmentModuleService`) the fulfillment adapter calls. */
export interface MedusaFulfillmentModule {
  listShippingOptionsForContext(
    filters: { id?: string[]; fulfillment_set_id?: string[]; address?: MedusaShippingAddress; context: Record<string, unknown> },
    config: { take: null },
  ): Promise<MedusaShippingOption[]>
}

/** Finds the fulfillment sets that ship for a sales channel; `null`: every set (a cart without a channel). */
export type FulfillmentSetResolver = (salesChannelId: string | null) => Promise<readonly string[] | null>

/** Finds the price set of each shipping option; options without one are absent from the map. */
export type ShippingPriceSetResolver = (optionIds: readonly string[]) => Promise<ReadonlyMap<string, string>>

/** Options of {@link MedusaFulfillment}. */
export interface MedusaFulfillmentOptions {
  /** Default: the sales channel's stock locations' fulfillment sets (Medusa's two links), through Query. */
  readonly fulfillmentSets?: FulfillmentSetResolver
  /** Default: Medusa's shipping option ↔ price set link, through Query. */
  readonly priceSets?: ShippingPriceSetResolver
}

/**
 * The rule context Medusa's storefront listing gives shipping option rules: store options only, no
 * returns. Rule values are strings in Medusa ("true"/"false").
 */
const STORE_CONTEXT = { is_return: "false", enabled_in_store: "true" } as const

/**
 * {@link FulfillmentPort} over Medusa's fulfillment module (`container.resolve("fulfillment")`) and, for
 * prices, its pricing module, as Medusa's cart workflows list shipping options: the options of the
 * fulfillment sets of the stock locations serving the cart's sales channel, whose service zone covers
 * the shipping country and whose rules allow the storefront (`enabled_in_store`, not `is_return`).
 * Flat prices come from each option's price set (Medusa keeps it in the pricing module, linked to the
 * option) by `calculatePrices` with the cart's currency, region and `item_total`, so that conditional
 * prices (for example free shipping from an item total) apply; the tax-inclusive flag follows Medusa's
 * price preferences. Options priced by their provider (`price_type: "calculated"`) need the cart's items
 * with weights and dimensions, which this port does not carry: they are left out, as are options without
 * a price in the cart's currency (Medusa's listing refuses those too). Shipping profiles are not matched
 * against the cart's products (the port's cart carries no products): a store with several profiles
 * passes its own `fulfillmentSets` resolver or filters the options itself.
 */
export class MedusaFulfillment extends MedusaQueryAdapter<MedusaFulfillmentOptions> implements FulfillmentPort {
  private readonly fulfillment = this.module<MedusaFulfillmentModule>("fulfillment")
  private readonly pricing = this.module<MedusaPricingModule>("pricing")

  /** The options the cart can use now, priced in its currency. */
  async listShippingOptions(cart: FulfillmentCart): Promise<ShippingOption[]> {
    return this.priced(await this.optionsFor(cart, undefined), cart)
  }

  /** One option priced for the cart, or null when Medusa would not offer it to the cart. */
  async priceShippingOption(optionId: string, cart: FulfillmentCart): Promise<ShippingOption | null> {
    const [option] = await this.priced(await this.optionsFor(cart, [optionId]), cart)
    return option ?? null
  }

  private async optionsFor(cart: FulfillmentCart, ids: string[] | undefined): Promise<MedusaShippingOption[]> {
    const sets = await (this.options.fulfillmentSets ?? ((channel) => this.linkedFulfillmentSets(channel)))(cart.sales_channel_id ?? null)
    // A channel whose locations ship from no fulfillment set has no options (an empty filter would mean "any").
    if (sets && !sets.length) return []
    const country = cart.shipping_address?.country_code?.toLowerCase()
    const options = await this.fulfillment().listShippingOptionsForContext(
      {
        ...(ids ? { id: ids } : {}),
        ...(sets ? { fulfillment_set_id: [...sets] } : {}),
        ...(country ? { address: { country_code: country } } : {}),
        context: { ...STORE_CONTEXT },
      },
      { take: null },
    )
    return options.filter((option) => option.price_type === "flat")
  }

  private async priced(options: readonly MedusaShippingOption[], cart: FulfillmentCart): Promise<ShippingOption[]> {
    if (!options.length) return []
    const priceSets = await (this.options.priceSets ?? ((ids) => this.linkedPriceSets(ids)))(options.map((option) => option.id))
    const priceSetIds = [...new Set(options.flatMap((option) => priceSets.get(option.id) ?? []))]
    if (!priceSetIds.length) return []
    const context: Record<string, unknown> = {
      currency_code: cart.currency_code.toLowerCase(),
      ...(cart.region_id ? { region_id: cart.region_id } : {}),
      // Medusa's conditional shipping prices are rules on the cart's `item_total` (items with tax, after
      // discounts); its rule context holds numbers, so this one value is compared as a JS number, as in Medusa.
      item_total: Number(cart.item_total ?? cart.item_subtotal),
    }
    const prices = new Map((await this.pricing().calculatePrices({ id: priceSetIds }, { context })).map((price) => [price.id, price]))
    return options.flatMap((option) => {
      const price = prices.get(priceSets.get(option.id) ?? "")
      const amount = price ? exactAmount(price.raw_calculated_amount, price.calculated_amount) : null
      if (amount === null) return []
      return [
        {
          id: option.id,
          name: option.name,
          amount,
          is_tax_inclusive: price?.is_calculated_price_tax_inclusive ?? false,
          provider_id: option.provider_id,
          data: option.data ?? {},
        },
      ]
    })
  }

  private async linkedFulfillmentSets(salesChannelId: string | null): Promise<readonly string[] | null> {
    if (!salesChannelId) return null
    const locations = await stockLocationsOf(this.query(), salesChannelId, "fulfillment_sets.id")
    return [...new Set(locations.flatMap((location) => rowsAt(location, "fulfillment_sets").flatMap((set) => stringAt(set, "id") ?? [])))]
  }

  private linkedPriceSets(optionIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.firstLinked("shipping_option", optionIds, "price_set_link", "price_set_id")
  }
}
