import type { CartDTO } from "../types/dtos"
import type { FlowDeps, RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { addressFields, changeAndRefresh, compensationOf, undoRefresh } from "./refresh-cart"
import type { CartPatch, RefreshCartCompensation } from "./refresh-cart"
import type { CustomPricePolicy } from "./refresh-plan"
import { resolveRegion } from "./resolve-region"

/** Input of {@link updateRegion}; `custom_price_policy` decides what happens to custom-priced lines (default `"reprice"`). */
export interface UpdateRegionInput {
  readonly cart_id: string
  readonly region_id: string
  readonly custom_price_policy?: CustomPricePolicy
}

/** What undoing a region change needs (the shared refresh's compensation). */
export type UpdateRegionCompensation = RefreshCartCompensation

type Deps = RefreshDeps & Pick<FlowDeps, "regions">

/** The region patch for a cart: new currency, and a shipping country the new region does not serve replaced. */
export function regionPatch(
  cart: Pick<CartDTO, "shipping_address">,
  region: { id: string; currency_code: string; countries: readonly string[] },
): CartPatch {
  const country = cart.shipping_address?.country_code?.toLowerCase()
  const keepsCountry = !country || region.countries.includes(country)
  const replacement = region.countries.length === 1 ? region.countries[0]! : null
  return {
    region_id: region.id,
    currency_code: region.currency_code,
    ...(keepsCountry ? {} : { shipping_address: { ...addressFields(cart.shipping_address), country_code: replacement } }),
  }
}

/**
 * Moves the cart to another region in one transaction: new currency, every line re-priced through
 * the pricing port, custom-priced lines handled by `custom_price_policy` (never their number carried
 * into the new currency), shipping methods re-checked (options of the old region go), taxes and
 * promotions recomputed, and a shipping country the new region does not serve replaced.
 * The removed lines are reported in `report.removed_lines`.
 * Undo: the old region and fields, removed rows restored, refreshed again.
 */
export const updateRegionStep: FlowStep<Deps, UpdateRegionInput, CartDTO, UpdateRegionCompensation> = {
  name: "update-cart-region",
  async invoke(deps, input) {
    const region = await resolveRegion(deps.regions, input.region_id)
    const current = await deps.cart.retrieveCart(input.cart_id, { select: ["id", "shipping_address.*"], relations: ["shipping_address"] })
    const patch = regionPatch(current, region)
    const result = await changeAndRefresh(deps, {
      cart_id: input.cart_id,
      patch,
      changes: { region: true, address: "shipping_address" in patch },
      ...(input.custom_price_policy ? { custom_price_policy: input.custom_price_policy } : {}),
    })
    return {
      output: result.cart,
      compensation: compensationOf(input.cart_id, result, { region: true }),
    }
  },
  async compensate(deps, compensation) {
    await undoRefresh(deps, compensation)
  },
}

/** Moves the cart to another region (plain-function form of {@link updateRegionStep}). */
export const updateRegion = asFlow(updateRegionStep)
