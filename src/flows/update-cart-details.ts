import { InvalidDataError } from "../errors/errors"
import type { CartDTO } from "../types/dtos"
import type { CreateAddressDTO } from "../types/inputs"
import type { FlowDeps, RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { changeAndRefresh, compensationOf, undoRefresh } from "./refresh-cart"
import type { CartPatch, RefreshCartCompensation } from "./refresh-cart"
import type { CartChanges } from "./refresh-plan"
import { countryOfRegion, resolveRegion } from "./resolve-region"

/** Input of {@link updateEmail}; `customer_id` must come from the host's authentication, never from a request body. */
export interface UpdateEmailInput {
  readonly cart_id: string
  readonly email: string
  readonly customer_id?: string | null
}

/** Input of {@link updateShippingAddress} and {@link updateBillingAddress}; null clears the address. */
export interface UpdateAddressInput {
  readonly cart_id: string
  readonly address: CreateAddressDTO | null
}

/** The cart fields as they were, for undo (the shared refresh's compensation). */
export type CartFieldsCompensation = RefreshCartCompensation

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Checks an email address. @throws InvalidDataError */
export function assertEmail(email: string): string {
  if (!EMAIL.test(email)) throw InvalidDataError.because(`"${email}" is not an email address`, ["email"])
  return email
}

/** Validates a shipping address against the cart's region (its country decides taxes and shipping). */
export async function shippingAddressFor(
  deps: Pick<FlowDeps, "regions">,
  regionId: string | null | undefined,
  address: CreateAddressDTO | null,
): Promise<CreateAddressDTO | null> {
  if (!address?.country_code) return address
  const region = await resolveRegion(deps.regions, regionId)
  return { ...address, country_code: countryOfRegion(region, address.country_code, ["shipping_address", "country_code"]) }
}

async function patchStep(deps: RefreshDeps, cartId: string, patch: CartPatch, changes: CartChanges) {
  const result = await changeAndRefresh(deps, { cart_id: cartId, patch, changes })
  return { output: result.cart, compensation: compensationOf(cartId, result, changes) }
}

/**
 * Sets the cart's email (a guest checkout) and optionally its customer; a new customer re-prices
 * the lines (customer-group prices) through the shared refresh. Undo: the previous values.
 */
export const updateEmailStep: FlowStep<RefreshDeps, UpdateEmailInput, CartDTO, CartFieldsCompensation> = {
  name: "update-cart-email",
  async invoke(deps, input) {
    assertEmail(input.email)
    const patch: CartPatch = { email: input.email, ...(input.customer_id !== undefined ? { customer_id: input.customer_id } : {}) }
    return patchStep(deps, input.cart_id, patch, { customer: input.customer_id !== undefined })
  },
  compensate: undoRefresh,
}

function addressStep(
  kind: "shipping_address" | "billing_address",
): FlowStep<RefreshDeps & Pick<FlowDeps, "regions">, UpdateAddressInput, CartDTO, CartFieldsCompensation> {
  return {
    name: `update-cart-${kind.replace("_", "-")}`,
    async invoke(deps, input) {
      let address = input.address
      if (kind === "shipping_address") {
        const cart = await deps.cart.retrieveCart(input.cart_id, { select: ["id", "region_id"] })
        address = await shippingAddressFor(deps, cart.region_id, address)
      }
      return patchStep(deps, input.cart_id, { [kind]: address }, { address: kind === "shipping_address" })
    },
    compensate: undoRefresh,
  }
}

/** Replaces the cart's shipping address (its country must be in the cart's region); shipping and taxes follow. Undo: the previous address. */
export const updateShippingAddressStep = addressStep("shipping_address")

/** Replaces the cart's billing address. Undo: the previous address. */
export const updateBillingAddressStep = addressStep("billing_address")

/** Sets the email (plain-function form of {@link updateEmailStep}). */
export const updateEmail = asFlow(updateEmailStep)

/** Replaces the shipping address (plain-function form of {@link updateShippingAddressStep}). */
export const updateShippingAddress = asFlow(updateShippingAddressStep)

/** Replaces the billing address (plain-function form of {@link updateBillingAddressStep}). */
export const updateBillingAddress = asFlow(updateBillingAddressStep)
