import { InvalidDataError } from "../errors/errors"
import type { CartAddressDTO, CartDTO } from "../types/dtos"
import type { CreateAddressDTO } from "../types/inputs"
import { assertCartOpen, retrieveFullCart, withCartLock } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { countryOfRegion, resolveRegion } from "./resolve-region"

/** Input of {@link updateEmail}. */
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

/** The cart fields as they were, for undo. */
export interface CartFieldsCompensation {
  readonly cart_id: string
  readonly previous: Readonly<Record<string, unknown>>
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const ADDRESS_FIELDS = ["customer_id", "company", "first_name", "last_name", "address_1", "address_2", "city", "country_code", "province", "postal_code", "phone", "metadata"] as const

/** The writable fields of a stored address (no id, so undo writes a fresh copy). */
function addressFields(address: CartAddressDTO | null | undefined): CreateAddressDTO | null {
  if (!address) return null
  const copy: Record<string, unknown> = {}
  for (const field of ADDRESS_FIELDS) if (address[field] !== undefined) copy[field] = address[field]
  return copy as CreateAddressDTO
}

async function undoFields(deps: Pick<FlowDeps, "cart">, compensation: CartFieldsCompensation): Promise<void> {
  await deps.cart.updateCarts(compensation.cart_id, compensation.previous)
}

/** Sets the cart's email (a guest checkout) and optionally its customer. Undo: the previous values. */
export const updateEmailStep: FlowStep<Pick<FlowDeps, "cart">, UpdateEmailInput, CartDTO, CartFieldsCompensation> = {
  name: "update-cart-email",
  async invoke(deps, input) {
    if (!EMAIL.test(input.email)) throw InvalidDataError.because(`"${input.email}" is not an email address`, ["email"])
    const previous = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const cart = await deps.cart.retrieveCart(input.cart_id, { select: ["id", "email", "customer_id", "completed_at"] }, ctx)
      assertCartOpen(cart)
      await deps.cart.updateCarts(input.cart_id, { email: input.email, ...(input.customer_id !== undefined ? { customer_id: input.customer_id } : {}) }, ctx)
      return { email: cart.email ?? null, customer_id: cart.customer_id ?? null }
    })
    return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation: { cart_id: input.cart_id, previous } }
  },
  compensate: undoFields,
}

function addressStep(kind: "shipping_address" | "billing_address"): FlowStep<Pick<FlowDeps, "cart" | "regions">, UpdateAddressInput, CartDTO, CartFieldsCompensation> {
  return {
    name: `update-cart-${kind.replace("_", "-")}`,
    async invoke(deps, input) {
      const previous = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
        const cart = await deps.cart.retrieveCart(input.cart_id, { select: ["id", "region_id", "completed_at", `${kind}.*`], relations: [kind] }, ctx)
        assertCartOpen(cart)
        let address = input.address
        // Only the shipping country must be one the region serves: it decides taxes and shipping.
        if (address?.country_code && kind === "shipping_address") {
          const region = await resolveRegion(deps.regions, cart.region_id)
          address = { ...address, country_code: countryOfRegion(region, address.country_code, [kind, "country_code"]) }
        }
        await deps.cart.updateCarts(input.cart_id, { [kind]: address }, ctx)
        return { [kind]: addressFields(cart[kind]) }
      })
      return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation: { cart_id: input.cart_id, previous } }
    },
    compensate: undoFields,
  }
}

/** Replaces the cart's shipping address (its country must be in the cart's region). Undo: the previous address. */
export const updateShippingAddressStep = addressStep("shipping_address")

/** Replaces the cart's billing address. Undo: the previous address. */
export const updateBillingAddressStep = addressStep("billing_address")

/** Sets the email (plain-function form of {@link updateEmailStep}). */
export const updateEmail = asFlow(updateEmailStep)

/** Replaces the shipping address (plain-function form of {@link updateShippingAddressStep}). */
export const updateShippingAddress = asFlow(updateShippingAddressStep)

/** Replaces the billing address (plain-function form of {@link updateBillingAddressStep}). */
export const updateBillingAddress = asFlow(updateBillingAddressStep)
