import type { CreateAddressDTO } from "../types/inputs"
import type { MetadataDTO } from "../types/dtos"
import type { CartDTO } from "../types/dtos"
import { retrieveFullCart } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { lineItemsForVariants } from "./price-variants"
import type { VariantRequest } from "./price-variants"
import { assertInStock } from "./inventory-check"
import { countryOfRegion, resolveRegion } from "./resolve-region"
import { resolveSalesChannel } from "./resolve-sales-channel"

/** Input of {@link createCart}: the Store API's Create-a-Cart body plus customer details. */
export interface CreateCartInput {
  readonly region_id?: string | null
  /** Checked through the sales channel port: unknown or disabled channels are refused. */
  readonly sales_channel_id?: string | null
  /** Sets the shipping address's country; must be one of the region's countries. */
  readonly country_code?: string | null
  /** Stored as `metadata.context` (e.g. `{ ip, user_agent }`). */
  readonly context?: Readonly<Record<string, unknown>> | null
  readonly customer_id?: string | null
  readonly email?: string | null
  readonly items?: readonly VariantRequest[]
  readonly shipping_address?: CreateAddressDTO | null
  readonly billing_address?: CreateAddressDTO | null
  readonly metadata?: MetadataDTO
}

type Deps = Pick<FlowDeps, "cart" | "regions" | "catalog" | "pricing" | "salesChannels" | "inventory">

/** Sums quantities of repeated variants so one variant gives one line. */
function mergeRequests(items: readonly VariantRequest[]): VariantRequest[] {
  const merged = new Map<string, VariantRequest>()
  for (const item of items) {
    const previous = merged.get(item.variant_id)
    merged.set(item.variant_id, previous ? { ...previous, quantity: previous.quantity + item.quantity } : item)
  }
  return [...merged.values()]
}

/**
 * Creates a cart: the region decides the currency, the sales channel is checked through its port,
 * items are priced through the pricing port and checked against the inventory port.
 * `customer_id` must come from the host's authentication, never from a request body.
 * Undo: delete the cart.
 * @throws NotFoundError for an unknown region, variant or sales channel; NotAllowedError for missing stock.
 */
export const createCartStep: FlowStep<Deps, CreateCartInput, CartDTO, { cart_id: string }> = {
  name: "create-cart",
  async invoke(deps, input) {
    const region = await resolveRegion(deps.regions, input.region_id)
    // A region with one country fixes the shipping country, as Medusa v1 does.
    const requested =
      input.country_code ?? input.shipping_address?.country_code ?? (region.countries.length === 1 ? region.countries[0] : undefined)
    const country = requested ? countryOfRegion(region, requested) : undefined
    const salesChannelId = await resolveSalesChannel(deps.salesChannels, input.sales_channel_id)
    const scope = {
      currency_code: region.currency_code,
      region_id: region.id,
      sales_channel_id: salesChannelId,
      customer_id: input.customer_id ?? null,
    }
    const requests = mergeRequests(input.items ?? [])
    const items = await lineItemsForVariants(deps, scope, requests)
    const stock = requests.length
      ? await deps.inventory.availability(
          requests.map((request) => request.variant_id),
          salesChannelId,
        )
      : []
    for (const request of requests)
      assertInStock(request.variant_id, request.quantity, stock.find((entry) => entry.variant_id === request.variant_id)?.available ?? null)
    const metadata = { ...(input.metadata ?? {}), ...(input.context ? { context: { ...input.context } } : {}) }
    const created = await deps.cart.createCarts({
      currency_code: region.currency_code,
      region_id: region.id,
      sales_channel_id: salesChannelId,
      customer_id: input.customer_id ?? null,
      email: input.email ?? null,
      shipping_address:
        country || input.shipping_address ? { ...(input.shipping_address ?? {}), ...(country ? { country_code: country } : {}) } : null,
      billing_address: input.billing_address ?? null,
      items,
      ...(Object.keys(metadata).length ? { metadata } : {}),
    })
    return { output: await retrieveFullCart(deps.cart, created.id), compensation: { cart_id: created.id } }
  },
  async compensate(deps, compensation) {
    await deps.cart.deleteCarts(compensation.cart_id)
  },
}

/** Creates a cart (plain-function form of {@link createCartStep}). */
export const createCart = asFlow(createCartStep)
