/** The cart as the fulfillment port sees it. */
export interface FulfillmentCart {
  readonly id: string
  readonly region_id?: string | null
  readonly currency_code: string
  readonly shipping_address?: { readonly country_code?: string | null } | null
  readonly item_subtotal: number
}

/** A shipping option a cart can use, with its price in the cart's currency. */
export interface ShippingOption {
  readonly id: string
  readonly name: string
  readonly amount: number | string
  readonly is_tax_inclusive?: boolean
  readonly provider_id?: string | null
  readonly data?: Readonly<Record<string, unknown>> | null
}

/** Where shipping options come from. Called when a customer lists options and when one is chosen. */
export interface FulfillmentPort {
  /** The options available to the cart (its region, address and contents decide). */
  listShippingOptions(cart: FulfillmentCart): Promise<ShippingOption[]>
  /** The option with this id priced for the cart, or null when the cart cannot use it. */
  priceShippingOption(optionId: string, cart: FulfillmentCart): Promise<ShippingOption | null>
}

/** An option of {@link InMemoryFulfillment}: offered in one region at a flat price; `free_above` makes it free over an item subtotal. */
export interface ShippingOptionEntry {
  readonly id: string
  readonly name: string
  readonly region_id: string
  readonly amount: number
  readonly free_above?: number
  readonly provider_id?: string
}

/** Flat-rate shipping options held in memory. */
export class InMemoryFulfillment implements FulfillmentPort {
  constructor(private readonly options: readonly ShippingOptionEntry[]) {}

  /** The options of the cart's region. */
  async listShippingOptions(cart: FulfillmentCart): Promise<ShippingOption[]> {
    return this.options.filter((option) => option.region_id === cart.region_id).map((option) => this.price(option, cart))
  }

  /** One option, when it is offered in the cart's region. */
  async priceShippingOption(optionId: string, cart: FulfillmentCart): Promise<ShippingOption | null> {
    const option = this.options.find((entry) => entry.id === optionId && entry.region_id === cart.region_id)
    return option ? this.price(option, cart) : null
  }

  private price(option: ShippingOptionEntry, cart: FulfillmentCart): ShippingOption {
    const free = option.free_above !== undefined && cart.item_subtotal >= option.free_above
    return { id: option.id, name: option.name, amount: free ? 0 : option.amount, provider_id: option.provider_id ?? "manual", data: {} }
  }
}
