import type { z } from "zod"
import { NotAllowedError, NotFoundError } from "../../../src/errors/errors"
import { applyPromotionCodes, promotionCodesOf, removePromotionCodes } from "../../../src/flows/promotions"
import { updateBillingAddress, updateEmail, updateShippingAddress } from "../../../src/flows/update-cart-details"
import { updateRegion } from "../../../src/flows/update-region"
import { updateSalesChannel } from "../../../src/flows/update-sales-channel"
import type { CartAddressDTO } from "../../../src/types/dtos"
import type { CreateAddressDTO } from "../../../src/types/inputs"
import type { updateCartBody } from "../v1/v1-schemas"
import type { StoreDeps } from "./store-context"

type UpdateCartBody = z.infer<typeof updateCartBody>
type AddressBody = UpdateCartBody["shipping_address"]

const ADDRESS_FIELDS = ["first_name", "last_name", "phone", "company", "address_1", "address_2", "city", "country_code", "province", "postal_code", "metadata"] as const

// v1 takes a saved address's id as a string; this storefront keeps no address book.
function addressInput(address: AddressBody, field: string): CreateAddressDTO | null | undefined {
  if (typeof address === "string") throw NotFoundError.forId(`Address (${field})`, address)
  return address
}

function fieldsOf(address: CartAddressDTO | null | undefined): CreateAddressDTO {
  const copy: Record<string, unknown> = {}
  for (const field of ADDRESS_FIELDS) if (address?.[field] !== undefined && address[field] !== null) copy[field] = address[field]
  return copy
}

/**
 * Applies a v1 Update-a-Cart body through the flows, in v1's order: region first (it decides the
 * countries an address may use), then customer and email, addresses, discounts, context. A logged-in
 * customer updating a guest cart takes it over (v1 sets `customer_id` from the session on update).
 */
export async function updateCartDetails(deps: StoreDeps, cartId: string, body: UpdateCartBody, customerId: string | null): Promise<void> {
  const flows = deps.flows
  // Refused before anything is written, so the request changes nothing.
  if (body.gift_cards?.length) throw NotAllowedError.because("Gift cards are not available in this store")
  if (body.region_id !== undefined) await updateRegion(flows, { cart_id: cartId, region_id: body.region_id })

  const current = await flows.cart.retrieveCart(cartId, { select: ["id", "customer_id", "metadata", "shipping_address.*"], relations: ["shipping_address"] })
  const customer = customerId ? deps.customers.retrieve(customerId) : null
  if (customer && current.customer_id !== customer.id) {
    await updateEmail(flows, { cart_id: cartId, email: body.email ?? customer.email, customer_id: customer.id })
  } else if (body.email !== undefined) {
    await updateEmail(flows, { cart_id: cartId, email: body.email })
  }

  const shipping = addressInput(body.shipping_address, "shipping_address")
  if (shipping !== undefined || body.country_code !== undefined) {
    // A country alone changes the country of the address the cart has, as v1 does.
    const base = shipping === undefined ? fieldsOf(current.shipping_address) : shipping
    const address = body.country_code !== undefined ? { ...(base ?? {}), country_code: body.country_code.toLowerCase() } : base
    await updateShippingAddress(flows, { cart_id: cartId, address })
  }
  const billing = addressInput(body.billing_address, "billing_address")
  if (billing !== undefined) await updateBillingAddress(flows, { cart_id: cartId, address: billing })

  // v1 replaces the cart's discounts with the codes given (an empty list changes nothing).
  if (body.discounts?.length) {
    const codes = body.discounts.map((discount) => discount.code)
    await applyPromotionCodes(flows, { cart_id: cartId, codes })
    const wanted = new Set(codes.map((code) => code.toLowerCase()))
    const stale = (await promotionCodesOf(flows, cartId)).filter((code) => !wanted.has(code.toLowerCase()))
    if (stale.length) await removePromotionCodes(flows, { cart_id: cartId, codes: stale })
  }
  if (body.sales_channel_id !== undefined) await updateSalesChannel(flows, { cart_id: cartId, sales_channel_id: body.sales_channel_id })
  // v1 merges the new context into the cart's (kept in metadata.context, where create-cart puts it).
  if (body.context !== undefined) await flows.cart.updateCarts(cartId, { metadata: { context: { ...contextOf(current.metadata), ...body.context } } })
}

function contextOf(metadata: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const context = metadata?.context
  return typeof context === "object" && context !== null ? (context as Record<string, unknown>) : {}
}
