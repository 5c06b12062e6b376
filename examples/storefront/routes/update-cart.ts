import type { z } from "zod"
import { ADDRESS_FIELDS } from "../../../src/types/address-fields"
import { NotFoundError } from "../../../src/errors/errors"
import { isPlainObject } from "../../../src/validation/arguments"
import { updateCart } from "../../../src/flows/update-cart"
import { pickDefined } from "../../../src/util/pick-defined"
import type { CartAddressDTO } from "../../../src/types/dtos"
import type { CreateAddressDTO } from "../../../src/types/inputs"
import type { updateCartBody } from "../v1/v1-schemas"
import type { StoreDeps } from "./store-context"

type UpdateCartBody = z.infer<typeof updateCartBody>
type AddressBody = UpdateCartBody["shipping_address"]

// v1 takes a saved address's id as a string; this storefront keeps no address book.
function addressInput(address: AddressBody, field: string): CreateAddressDTO | null | undefined {
  if (typeof address === "string") throw NotFoundError.forId(`Address (${field})`, address)
  return address
}

// What a shopper may write on an address: the fields an address copy carries, never the links the module sets.
function fieldsOf(address: CartAddressDTO | null | undefined): CreateAddressDTO {
  return address ? pickDefined(address, ADDRESS_FIELDS, { nulls: "drop" }) : {}
}

/**
 * Applies a v1 Update-a-Cart body as ONE flow (`updateCart`): region, customer and email, addresses,
 * sales channel, discounts, gift cards and context are validated and planned first, then written in
 * one transaction; a failing part (an unknown discount code, a country outside the region...) changes
 * nothing. A logged-in customer updating a guest cart takes it over (v1 sets `customer_id` from the
 * session on update).
 */
export async function updateCartDetails(deps: StoreDeps, cartId: string, body: UpdateCartBody, customerId: string | null): Promise<void> {
  const flows = deps.flows
  const current = await flows.cart.retrieveCart(cartId, {
    select: ["id", "customer_id", "metadata", "shipping_address.*"],
    relations: ["shipping_address"],
  })
  const customer = customerId ? deps.customers.retrieve(customerId) : null
  const takesOver = customer !== null && current.customer_id !== customer.id
  const shipping = addressInput(body.shipping_address, "shipping_address")
  const billing = addressInput(body.billing_address, "billing_address")
  // A country alone changes the country of the address the cart has, as v1 does.
  const base = shipping === undefined ? fieldsOf(current.shipping_address) : shipping
  const shippingAddress = body.country_code !== undefined ? { ...(base ?? {}), country_code: body.country_code.toLowerCase() } : shipping
  const email = takesOver ? (body.email ?? customer.email) : body.email
  await updateCart(flows, {
    cart_id: cartId,
    ...(body.region_id !== undefined ? { region_id: body.region_id } : {}),
    ...(takesOver ? { customer_id: customer.id } : {}),
    ...(email !== undefined && email !== null ? { email } : {}),
    ...(shippingAddress !== undefined ? { shipping_address: shippingAddress } : {}),
    ...(billing !== undefined ? { billing_address: billing } : {}),
    ...(body.sales_channel_id !== undefined ? { sales_channel_id: body.sales_channel_id } : {}),
    // v1 replaces the cart's discounts with the codes given (an empty list changes nothing).
    ...(body.discounts?.length ? { promotion_codes: body.discounts.map((discount) => discount.code) } : {}),
    // v1 replaces the cart's gift cards with the ones given (an empty list removes them all).
    ...(body.gift_cards !== undefined ? { gift_card_codes: body.gift_cards.map((card) => card.code) } : {}),
    // v1 merges the new context into the cart's (kept in metadata.context, where create-cart puts it).
    ...(body.context !== undefined ? { metadata: { context: { ...contextOf(current.metadata), ...body.context } } } : {}),
  })
}

function contextOf(metadata: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const context = metadata?.context
  return isPlainObject(context) ? context : {}
}
