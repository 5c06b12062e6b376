import { toDecimal } from "../money/decimal"

/**
 * The cart as the fulfillment port sees it; `item_subtotal` is an exact decimal string (items before
 * discounts and tax), `item_total` the items after discounts and with tax (what Medusa's conditional
 * shipping prices compare against).
 */
export interface FulfillmentCart {
  readonly id: string
  readonly region_id?: string | null
  readonly currency_code: string
  readonly sales_channel_id?: string | null
  readonly shipping_address?: { readonly country_code?: string | null } | null
  readonly item_subtotal: string
  readonly item_total?: string
}

/** A shipping option a cart can use, with its price (an exact decimal string) in the cart's currency. */
export interface ShippingOption {
  readonly id: string
  readonly name: string
  readonly amount: string
  readonly is_tax_inclusive?: boolean
  readonly provider_id?: string | null
  readonly data?: Readonly<Record<string, unknown>> | null
}

/**
 * Where shipping options come from. Called outside the cart lock when a customer lists options, when
 * one is chosen, and by the refresh after every change to items, address or region: an option that
 * no longer applies is removed from the cart, the others are re-priced.
 */
export interface FulfillmentPort {
  /** The options available to the cart (its region, address and contents decide). */
  listShippingOptions(cart: FulfillmentCart): Promise<ShippingOption[]>
  /** The option with this id priced for the cart, or null when the cart cannot use it. */
  priceShippingOption(optionId: string, cart: FulfillmentCart): Promise<ShippingOption | null>
}

/**
 * An option of {@link InMemoryFulfillment}: offered in one region at a flat price; `free_above` makes
 * it free from that item subtotal; `countries` limits it to those shipping countries.
 */
export interface ShippingOptionEntry {
  readonly id: string
  readonly name: string
  readonly region_id: string
  readonly amount: number | string
  readonly free_above?: number | string
  readonly countries?: readonly string[]
  readonly provider_id?: string
}

/** Flat-rate shipping options held in memory. */
export class InMemoryFulfillment implements FulfillmentPort {
  constructor(private readonly options: readonly ShippingOptionEntry[]) {}

  /** The options of the cart's region (and shipping country). */
  async listShippingOptions(cart: FulfillmentCart): Promise<ShippingOption[]> {
    return this.options.filter((option) => this.applies(option, cart)).map((option) => this.price(option, cart))
  }

  /** One option, when it is offered to the cart. */
  async priceShippingOption(optionId: string, cart: FulfillmentCart): Promise<ShippingOption | null> {
    const option = this.options.find((entry) => entry.id === optionId && this.applies(entry, cart))
    return option ? this.price(option, cart) : null
  }

  private applies(option: ShippingOptionEntry, cart: FulfillmentCart): boolean {
    if (option.region_id !== cart.region_id) return false
    const country = cart.shipping_address?.country_code?.toLowerCase()
    return !option.countries || !country || option.countries.includes(country)
  }

  private price(option: ShippingOptionEntry, cart: FulfillmentCart): ShippingOption {
    const free = option.free_above !== undefined && toDecimal(cart.item_subtotal).gte(toDecimal(option.free_above))
    return {
      id: option.id,
      name: option.name,
      amount: free ? "0" : toDecimal(option.amount).toFixed(),
      provider_id: option.provider_id ?? "manual",
      data: {},
    }
  }
}
