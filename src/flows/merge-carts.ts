import { InvalidDataError, NotAllowedError } from "../errors/errors"
import type { CartDTO, CartLineItemDTO } from "../types/dtos"
import type { CreateLineItemForCartDTO } from "../types/inputs"
import { sameMetadata } from "./add-to-cart"
import { assertCartOpen, exact } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { changeAndRefresh } from "./refresh-cart"
import type { RefreshCartResult } from "./refresh-cart"
import { assertTransferable } from "./transfer-cart"

/**
 * How two carts become one when a guest logs in and already has a cart:
 * - `keep_guest`: the guest cart becomes the customer's cart; the customer's old cart is deleted.
 * - `keep_customer`: the customer's cart stays; the guest cart is deleted.
 * - `merge_lines`: the guest's lines move into the customer's cart; a line of the same variant and
 *   metadata adds its quantity to the existing line; every line is then re-priced.
 */
export type MergeStrategy = "keep_guest" | "keep_customer" | "merge_lines"

/** Input of {@link mergeCarts}; `customer_id` must come from the host's authentication. */
export interface MergeCartsInput {
  readonly guest_cart_id: string
  readonly customer_cart_id: string
  readonly customer_id: string
  readonly strategy: MergeStrategy
}

/** The cart that remains, refreshed, and the id of the one that was (soft) deleted. */
export interface MergeCartsResult extends RefreshCartResult {
  readonly deleted_cart_id: string
}

const LINE_FIELDS = [
  "title", "subtitle", "thumbnail", "variant_id", "product_id", "product_title", "product_description", "product_subtitle", "product_type", "product_type_id",
  "product_collection", "product_handle", "variant_sku", "variant_barcode", "variant_title", "variant_option_values", "requires_shipping", "is_discountable",
  "is_giftcard", "is_tax_inclusive", "is_custom_price", "metadata",
] as const

function copyOf(line: CartLineItemDTO, cartId: string): CreateLineItemForCartDTO {
  const copy: Record<string, unknown> = { cart_id: cartId, quantity: Number(line.quantity), unit_price: exact(line.unit_price, line.raw_unit_price) }
  for (const field of LINE_FIELDS) if (line[field] !== undefined) copy[field] = line[field]
  if (line.compare_at_unit_price != null) copy.compare_at_unit_price = exact(line.compare_at_unit_price, line.raw_compare_at_unit_price)
  return copy as unknown as CreateLineItemForCartDTO
}

function assertMergeable(guest: CartDTO, target: CartDTO, input: MergeCartsInput): void {
  assertCartOpen(guest)
  assertCartOpen(target)
  assertTransferable(guest, input.customer_id)
  if (target.customer_id !== input.customer_id) throw NotAllowedError.because(`Cart with id "${target.id}" does not belong to customer "${input.customer_id}"`)
  if (input.strategy === "merge_lines" && guest.currency_code !== target.currency_code) {
    throw NotAllowedError.because(`Carts "${guest.id}" (${guest.currency_code}) and "${target.id}" (${target.currency_code}) are in different currencies; keep one of them`)
  }
}

/**
 * Merges a guest cart into a logged-in customer's cart by the host's `strategy`, atomically: both
 * carts are locked in one transaction, always in the same order (by id) so two merges of the same
 * pair cannot deadlock; the dropped cart is soft-deleted. The remaining cart then gets the shared
 * refresh (every line re-priced for the customer, shipping, taxes, promotions).
 * @throws NotAllowedError when the guest cart belongs to another customer, the customer's cart is
 * not theirs, either is completed, or `merge_lines` meets two currencies.
 */
export async function mergeCarts(deps: RefreshDeps, input: MergeCartsInput): Promise<MergeCartsResult> {
  if (!["keep_guest", "keep_customer", "merge_lines"].includes(input.strategy)) throw InvalidDataError.because(`Unknown merge strategy "${String(input.strategy)}"`, ["strategy"])
  if (input.guest_cart_id === input.customer_cart_id) throw InvalidDataError.because("A cart cannot be merged into itself", ["guest_cart_id"])
  const keptId = input.strategy === "keep_guest" ? input.guest_cart_id : input.customer_cart_id
  const droppedId = keptId === input.guest_cart_id ? input.customer_cart_id : input.guest_cart_id
  await deps.cart.transaction(async (ctx) => {
    for (const id of [input.guest_cart_id, input.customer_cart_id].sort()) await deps.cart.lockCart(id, ctx)
    const relations = { relations: ["items"] }
    const [guest, target] = await Promise.all([deps.cart.retrieveCart(input.guest_cart_id, relations, ctx), deps.cart.retrieveCart(input.customer_cart_id, relations, ctx)])
    assertMergeable(guest, target, input)
    if (input.strategy === "merge_lines") {
      const targetLines = target.items ?? []
      const copies: CreateLineItemForCartDTO[] = []
      for (const line of guest.items ?? []) {
        const same = targetLines.find((candidate) => candidate.variant_id && candidate.variant_id === line.variant_id && sameMetadata(candidate.metadata, line.metadata))
        if (same) await deps.cart.updateLineItems(same.id, { quantity: Number(same.quantity) + Number(line.quantity) }, ctx)
        else copies.push(copyOf(line, target.id))
      }
      if (copies.length) await deps.cart.createLineItems(copies, ctx)
    }
    if (input.strategy === "keep_guest") await deps.cart.updateCarts(guest.id, { customer_id: input.customer_id }, ctx)
    await deps.cart.softDeleteCarts(droppedId, undefined, ctx)
  })
  const result = await changeAndRefresh(deps, { cart_id: keptId, changes: { lines: "all", customer: true } })
  return { cart: result.cart, report: result.report, deleted_cart_id: droppedId }
}
