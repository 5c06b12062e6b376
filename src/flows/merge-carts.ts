import { InvalidDataError, NotAllowedError } from "../errors/errors"
import { pickDefined } from "../util/pick-defined"
import type { CartDTO, CartLineItemDTO } from "../types/dtos"
import type { CreateLineItemForCartDTO } from "../types/inputs"
import { sameMetadata } from "./add-to-cart"
import { assertCartOpen, exact } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { changeAndRefresh } from "./refresh-cart"
import type { RefreshCartResult } from "./refresh-cart"
import { assertTransferable } from "./transfer-cart"
import { cartChangeEvents } from "./workflow-events"

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
  "subtitle",
  "thumbnail",
  "variant_id",
  "product_id",
  "product_title",
  "product_description",
  "product_subtitle",
  "product_type",
  "product_type_id",
  "product_collection",
  "product_handle",
  "variant_sku",
  "variant_barcode",
  "variant_title",
  "variant_option_values",
  "requires_shipping",
  "is_discountable",
  "is_giftcard",
  "is_tax_inclusive",
  "is_custom_price",
  "metadata",
] as const

function copyOf(line: CartLineItemDTO, cartId: string): CreateLineItemForCartDTO {
  return {
    cart_id: cartId,
    title: line.title,
    quantity: Number(line.quantity),
    unit_price: exact(line.unit_price, line.raw_unit_price),
    ...pickDefined(line, LINE_FIELDS),
    ...(line.compare_at_unit_price != null
      ? { compare_at_unit_price: exact(line.compare_at_unit_price, line.raw_compare_at_unit_price) }
      : {}),
  }
}

function assertMergeable(guest: CartDTO, target: CartDTO, input: MergeCartsInput): void {
  assertCartOpen(guest)
  assertCartOpen(target)
  assertTransferable(guest, input.customer_id)
  if (target.customer_id !== input.customer_id)
    throw NotAllowedError.because(`Cart with id "${target.id}" does not belong to customer "${input.customer_id}"`)
  if (input.strategy === "merge_lines" && guest.currency_code !== target.currency_code) {
    throw NotAllowedError.because(
      `Carts "${guest.id}" (${guest.currency_code}) and "${target.id}" (${target.currency_code}) are in different currencies; keep one of them`,
    )
  }
}

/** What undoing a merge needs: the dropped cart, the guest's previous customer, the line changes made. */
export interface MergeCartsCompensation {
  readonly strategy: MergeStrategy
  readonly kept_cart_id: string
  readonly dropped_cart_id: string
  /** `keep_guest`: the guest cart's customer before the merge (null: a guest cart). */
  readonly guest_previous_customer_id: string | null
  /** `merge_lines`: lines of the kept cart whose quantity grew, with the quantity before. */
  readonly increased_lines: readonly { readonly id: string; readonly previous_quantity: number }[]
  /** `merge_lines`: lines copied into the kept cart. */
  readonly created_line_ids: readonly string[]
}

function checkInput(input: MergeCartsInput): void {
  if (!["keep_guest", "keep_customer", "merge_lines"].includes(input.strategy))
    throw InvalidDataError.because(`Unknown merge strategy "${String(input.strategy)}"`, ["strategy"])
  if (input.guest_cart_id === input.customer_cart_id)
    throw InvalidDataError.because("A cart cannot be merged into itself", ["guest_cart_id"])
}

/**
 * Merges a guest cart into a logged-in customer's cart by the host's `strategy`, atomically: both
 * carts are locked in one transaction, always in the same order (by id) so two merges of the same
 * pair cannot deadlock; the dropped cart is soft-deleted. The remaining cart then gets the shared
 * refresh (every line re-priced for the customer, shipping, taxes, promotions). `keep_guest` emits
 * `cart.customer_transferred` for the guest cart.
 * Undo: the dropped cart restored with its lines, the kept cart's lines and customer as they were, both refreshed.
 * @throws NotAllowedError when the guest cart belongs to another customer, the customer's cart is
 * not theirs, either is completed, or `merge_lines` meets two currencies.
 */
export const mergeCartsStep: FlowStep<RefreshDeps, MergeCartsInput, MergeCartsResult, MergeCartsCompensation> = {
  name: "merge-carts",
  async invoke(deps, input) {
    checkInput(input)
    const keptId = input.strategy === "keep_guest" ? input.guest_cart_id : input.customer_cart_id
    const droppedId = keptId === input.guest_cart_id ? input.customer_cart_id : input.guest_cart_id
    const compensation = await deps.cart.transaction(async (ctx): Promise<MergeCartsCompensation> => {
      for (const id of [input.guest_cart_id, input.customer_cart_id].sort()) await deps.cart.lockCart(id, ctx)
      const relations = { relations: ["items"] }
      const [guest, target] = await Promise.all([
        deps.cart.retrieveCart(input.guest_cart_id, relations, ctx),
        deps.cart.retrieveCart(input.customer_cart_id, relations, ctx),
      ])
      assertMergeable(guest, target, input)
      // merge_lines: quantities of the customer's lines after the guest's are added, by line id.
      const quantities = new Map<string, number>()
      let created: string[] = []
      if (input.strategy === "merge_lines") {
        const targetLines = target.items ?? []
        const copies: CreateLineItemForCartDTO[] = []
        for (const line of guest.items ?? []) {
          const same = targetLines.find(
            (candidate) =>
              candidate.variant_id && candidate.variant_id === line.variant_id && sameMetadata(candidate.metadata, line.metadata),
          )
          if (same) quantities.set(same.id, (quantities.get(same.id) ?? Number(same.quantity)) + Number(line.quantity))
          else copies.push(copyOf(line, target.id))
        }
        if (quantities.size)
          await deps.cart.updateLineItems(
            [...quantities].map(([id, quantity]) => ({ id, quantity })),
            ctx,
          )
        if (copies.length) created = (await deps.cart.createLineItems(copies, ctx)).map((line) => line.id)
      }
      const increased = (target.items ?? [])
        .filter((line) => quantities.has(line.id))
        .map((line) => ({ id: line.id, previous_quantity: Number(line.quantity) }))
      if (input.strategy === "keep_guest") {
        await deps.cart.updateCarts(guest.id, { customer_id: input.customer_id }, ctx)
        await deps.cart.emitEvents(cartChangeEvents(guest, { customer_id: input.customer_id }, true), ctx)
      }
      await deps.cart.softDeleteCarts(droppedId, undefined, ctx)
      return {
        strategy: input.strategy,
        kept_cart_id: keptId,
        dropped_cart_id: droppedId,
        guest_previous_customer_id: guest.customer_id ?? null,
        increased_lines: increased,
        created_line_ids: created,
      }
    })
    const result = await changeAndRefresh(deps, { cart_id: keptId, changes: { lines: "all", customer: true } })
    return { output: { cart: result.cart, report: result.report, deleted_cart_id: droppedId }, compensation }
  },
  async compensate(deps, compensation) {
    await deps.cart.transaction(async (ctx) => {
      await deps.cart.restoreCarts(compensation.dropped_cart_id, undefined, ctx)
      if (compensation.created_line_ids.length) await deps.cart.deleteLineItems([...compensation.created_line_ids], ctx)
      if (compensation.increased_lines.length)
        await deps.cart.updateLineItems(
          compensation.increased_lines.map((line) => ({ id: line.id, quantity: line.previous_quantity })),
          ctx,
        )
      if (compensation.strategy === "keep_guest")
        await deps.cart.updateCarts(compensation.kept_cart_id, { customer_id: compensation.guest_previous_customer_id }, ctx)
    })
    await changeAndRefresh(deps, { cart_id: compensation.kept_cart_id, changes: { lines: "all", customer: true } })
    await changeAndRefresh(deps, { cart_id: compensation.dropped_cart_id, changes: { lines: "all" } })
  },
}

/** Merges a guest cart into the customer's cart (plain-function form of {@link mergeCartsStep}). */
export const mergeCarts = asFlow(mergeCartsStep)
