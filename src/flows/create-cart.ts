import type { CreateAddressDTO } from "../types/inputs"
import type { MetadataDTO } from "../types/dtos"
import type { CartDTO } from "../types/dtos"
import { retrieveFullCart } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { lineItemsForVariants } from "./price-variants"
import type { VariantRequest } from "./price-variants"
import { countryOfRegion, resolveRegion } from "./resolve-region"

/** Input of {@link createCart}: the Store API's Create-a-Cart body plus customer details. */
export interface CreateCartInput {
  readonly region_id?: string | null
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

type Deps = Pick<FlowDeps, "cart" | "regions" | "catalog" | "pricing">

/** Sums quantities of repeated variants so one variant gives one line. */
function mergeRequests(items: readonly VariantRequest[]): VariantRequest[] {
  const merged = new Map<string, VariantRequest>()
  for (const item of items) {
    const previous = merged.get(item.variant_id)
    merged.set(item.variant_id, previous ? { ...previous, quantity: previous.quantity + item.quantity } : item)
  }
  return [...merged.values()]
}

/** Creates a cart: the region decides the currency, items are priced through the pricing port. Undo: delete the cart. */
export const createCartStep: FlowStep<Deps, CreateCartInput, CartDTO, { cart_id: string }> = {
  name: "create-cart",
  async invoke(deps, input) {
    const region = await resolveRegion(deps.regions, input.region_id)
    // A region with one country fixes the shipping country, as Medusa v1 does.
    const requested = input.country_code ?? input.shipping_address?.country_code ?? (region.countries.length === 1 ? region.countries[0] : undefined)
    const country = requested ? countryOfRegion(region, requested) : undefined
    const scope = { currency_code: region.currency_code, region_id: region.id, sales_channel_id: input.sales_channel_id ?? null, customer_id: input.customer_id ?? null }
    const items = await lineItemsForVariants(deps, scope, mergeRequests(input.items ?? []))
    const metadata = { ...(input.metadata ?? {}), ...(input.context ? { context: { ...input.context } } : {}) }
    const created = await deps.cart.createCarts({
      currency_code: region.currency_code,
      region_id: region.id,
      sales_channel_id: input.sales_channel_id ?? null,
      customer_id: input.customer_id ?? null,
      email: input.email ?? null,
      shipping_address: country || input.shipping_address ? { ...(input.shipping_address ?? {}), ...(country ? { country_code: country } : {}) } : null,
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
