import { InvalidDataError } from "../errors/errors"
import type { CartDTO } from "../types/dtos"
import { assertCartOpen, retrieveFullCart, withCartLock } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { resolveRegion } from "./resolve-region"

/** Input of {@link updateRegion}. */
export interface UpdateRegionInput {
  readonly cart_id: string
  readonly region_id: string
}

/** What undoing a region change needs: the old region, currency, prices and the shipping methods removed. */
export interface UpdateRegionCompensation {
  readonly cart_id: string
  readonly region_id: string | null
  readonly currency_code: string
  readonly prices: readonly { readonly id: string; readonly unit_price: number; readonly is_tax_inclusive: boolean }[]
  readonly removed_shipping_method_ids: readonly string[]
}

type Deps = Pick<FlowDeps, "cart" | "regions" | "pricing">

/**
 * Moves the cart to another region: new currency, every line re-priced, shipping methods removed
 * (they were priced for the old region), and a shipping country the new region does not serve dropped.
 * Undo: the old region, currency, prices and shipping methods.
 */
export const updateRegionStep: FlowStep<Deps, UpdateRegionInput, CartDTO, UpdateRegionCompensation> = {
  name: "update-cart-region",
  async invoke(deps, input) {
    const region = await resolveRegion(deps.regions, input.region_id)
    const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const cart = await deps.cart.retrieveCart(input.cart_id, { relations: ["items", "shipping_methods", "shipping_address"] }, ctx)
      assertCartOpen(cart)
      const items = (cart.items ?? []).filter((item) => item.variant_id && !item.is_custom_price)
      const prices = await deps.pricing.calculatePrices(
        items.map((item) => ({ variant_id: item.variant_id!, currency_code: region.currency_code, region_id: region.id, quantity: Number(item.quantity), customer_id: cart.customer_id ?? null })),
      )
      const unpriced = items.filter((_, index) => !prices[index])
      if (unpriced.length) {
        throw InvalidDataError.because(`Variant(s) ${unpriced.map((item) => `"${item.variant_id}"`).join(", ")} have no price in currency "${region.currency_code}"`, ["region_id"])
      }
      const country = cart.shipping_address?.country_code?.toLowerCase()
      const keepsCountry = !country || region.countries.includes(country)
      await deps.cart.updateCarts(
        input.cart_id,
        {
          region_id: region.id,
          currency_code: region.currency_code,
          ...(keepsCountry ? {} : { shipping_address: { ...addressWithout(cart.shipping_address), country_code: region.countries.length === 1 ? region.countries[0]! : null } }),
        },
        ctx,
      )
      if (items.length) {
        await deps.cart.updateLineItems(items.map((item, index) => ({ id: item.id, unit_price: prices[index]!.amount, is_tax_inclusive: prices[index]!.is_tax_inclusive ?? false })), ctx)
      }
      const methodIds = (cart.shipping_methods ?? []).map((method) => method.id)
      if (methodIds.length) await deps.cart.softDeleteShippingMethods(methodIds, undefined, ctx)
      return {
        cart_id: cart.id,
        region_id: cart.region_id ?? null,
        currency_code: cart.currency_code,
        prices: items.map((item) => ({ id: item.id, unit_price: Number(item.unit_price), is_tax_inclusive: item.is_tax_inclusive })),
        removed_shipping_method_ids: methodIds,
      }
    })
    return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation }
  },
  async compensate(deps, compensation) {
    await deps.cart.transaction(async (ctx) => {
      await deps.cart.updateCarts(compensation.cart_id, { region_id: compensation.region_id, currency_code: compensation.currency_code }, ctx)
      if (compensation.prices.length) await deps.cart.updateLineItems(compensation.prices.map((price) => ({ ...price })), ctx)
      if (compensation.removed_shipping_method_ids.length) await deps.cart.restoreShippingMethods([...compensation.removed_shipping_method_ids], undefined, ctx)
    })
  },
}

function addressWithout(address: CartDTO["shipping_address"]): Record<string, unknown> {
  if (!address) return {}
  const { id: _id, created_at: _c, updated_at: _u, deleted_at: _d, cart_id: _cart, ...rest } = address
  return rest
}

/** Moves the cart to another region (plain-function form of {@link updateRegionStep}). */
export const updateRegion = asFlow(updateRegionStep)
