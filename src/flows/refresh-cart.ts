import { pickDefined } from "../util/pick-defined"
import { ADDRESS_FIELDS } from "../types/address-fields"
import type { AddressFieldsDTO, CartAddressDTO, CartDTO } from "../types/dtos"
import type { UpdateCartDataDTO } from "../types/inputs"
import { planOnOpenCart, retrieveFullCart } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { paymentSessionsOf, repriceSession } from "./payment-sessions"
import { promotionCodesOf } from "./promotions"
import { applyRefresh } from "./refresh-apply"
import type { DraftCart } from "./refresh-draft"
import { planRefresh } from "./refresh-plan"
import { cartChangeEvents } from "./workflow-events"
import type { CartChanges, CustomPricePolicy, RefreshReport } from "./refresh-plan"

// The cart fields a patch may carry, each with how to read its value on the stored cart (for undo).
// Adding a field here adds it to CartPatch and to previousOf.
const PREVIOUS_VALUES = {
  region_id: (cart: CartDTO) => cart.region_id ?? null,
  currency_code: (cart: CartDTO) => cart.currency_code,
  sales_channel_id: (cart: CartDTO) => cart.sales_channel_id ?? null,
  customer_id: (cart: CartDTO) => cart.customer_id ?? null,
  email: (cart: CartDTO) => cart.email ?? null,
  locale: (cart: CartDTO) => cart.locale ?? null,
  shipping_address: (cart: CartDTO) => addressFields(cart.shipping_address),
  billing_address: (cart: CartDTO) => addressFields(cart.billing_address),
}

/** Cart fields a flow changes together with the refresh they cause (one transaction). */
export type CartPatch = Pick<UpdateCartDataDTO, PatchField>

type PatchField = keyof typeof PREVIOUS_VALUES

// The same readers typed per field: each must return what its patch field holds.
const previousValue: { readonly [K in PatchField]: (cart: CartDTO) => CartPatch[K] } = PREVIOUS_VALUES

function isPatchField(key: string): key is PatchField {
  return Object.hasOwn(previousValue, key)
}

function copyPrevious<K extends PatchField>(previous: CartPatch, field: K, cart: CartDTO): void {
  previous[field] = previousValue[field](cart)
}

/** Input of {@link refreshCartStep}: what changed, and optionally the cart fields to change with it. */
export interface RefreshCartInput {
  readonly cart_id: string
  readonly changes: CartChanges
  readonly patch?: CartPatch
  readonly custom_price_policy?: CustomPricePolicy
  /**
   * Checks the cart before the change (e.g. that it belongs to nobody else). It sees the version the
   * change is applied to, since the change is written only if the version did not move.
   */
  readonly guard?: (cart: CartDTO) => void
  /** The patch's `customer_id` is a transfer: emit `cart.customer_transferred`, not `cart.customer_updated`. */
  readonly transfer?: boolean
}

/** The refreshed cart and what the refresh did (lines and shipping methods it removed, lines re-priced). */
export interface RefreshCartResult {
  readonly cart: CartDTO
  readonly report: RefreshReport
}

/** What undoing a change-and-refresh needs: the fields before, the rows it removed. */
export interface RefreshCartCompensation {
  readonly cart_id: string
  readonly previous: CartPatch
  readonly removed_line_ids: readonly string[]
  readonly removed_shipping_method_ids: readonly string[]
  readonly changes: CartChanges
}

/** The cart as it will be once `patch` is written (what the ports are asked about). */
export function draftOf(cart: CartDTO, patch: CartPatch | undefined): DraftCart {
  if (!patch) return cart
  const { shipping_address, billing_address, ...fields } = patch
  return {
    ...cart,
    ...fields,
    shipping_address: draftAddress(cart.shipping_address, shipping_address),
    billing_address: draftAddress(cart.billing_address, billing_address),
  }
}

// A patched address keeps the stored one's other fields; `undefined` leaves it, `null` clears it.
function draftAddress(
  stored: CartAddressDTO | null | undefined,
  patch: CartPatch["shipping_address"],
): AddressFieldsDTO | null | undefined {
  if (patch === undefined) return stored
  return patch === null ? null : { ...(stored ?? {}), ...patch }
}

// The cart's customer owns its address too, so a copy back onto the cart keeps it.
const CART_ADDRESS_FIELDS = ["customer_id", ...ADDRESS_FIELDS] as const

/** The writable fields of a stored address (no id, so a write makes a fresh copy). */
export function addressFields(address: CartAddressDTO | null | undefined): UpdateCartDataDTO["shipping_address"] {
  return address ? pickDefined(address, CART_ADDRESS_FIELDS) : null
}

/** The fields of `cart` that `patch` would change, as they are now (for undo). */
export function previousOf(cart: CartDTO, patch: CartPatch | undefined): CartPatch {
  const previous: CartPatch = {}
  for (const key of Object.keys(patch ?? {})) if (isPatchField(key)) copyPrevious(previous, key, cart)
  return previous
}

/**
 * Re-prices the payment sessions whose amount no longer matches the cart's total, at the payment
 * provider (outside any lock). Runs after the refresh committed; a later change runs it again.
 */
export async function syncPaymentSessions(deps: Pick<RefreshDeps, "cart" | "payment">, cart: CartDTO): Promise<void> {
  const sessions = await paymentSessionsOf(deps, cart.id)
  for (const session of sessions) await repriceSession(deps, session, cart)
}

/**
 * The one refresh every flow that changes a cart ends with: applies `patch` (region, address,
 * customer, sales channel...) and, in the same transaction, what follows from `changes`: lines
 * re-priced through the pricing port (quantity tiers, customer groups, region), shipping methods
 * re-checked (ineligible ones removed, the rest re-priced through the fulfillment port), promotions,
 * taxes and gift card amounts recomputed. Ports are asked outside the cart lock; their answers are
 * written only if the cart is still the version they were computed for (else it plans again).
 * Payment sessions whose amount changed are then re-priced at the provider.
 */
export async function changeAndRefresh(deps: RefreshDeps, input: RefreshCartInput): Promise<RefreshCartResult & { previous: CartPatch }> {
  const plan = await planOnOpenCart(
    deps.cart,
    input.cart_id,
    async (cart) => {
      input.guard?.(cart)
      const codes = await promotionCodesOf(deps, cart.id)
      return { ...(await planRefresh(deps, draftOf(cart, input.patch), codes, input.changes, input.custom_price_policy)), before: cart }
    },
    async (planned, ctx) => {
      if (input.patch && Object.keys(input.patch).length) await deps.cart.updateCarts(input.cart_id, { ...input.patch }, ctx)
      await applyRefresh(deps, planned, ctx)
      await deps.cart.emitEvents(cartChangeEvents(planned.before, input.patch, input.transfer === true), ctx)
      return planned
    },
  )
  const cart = await retrieveFullCart(deps.cart, input.cart_id)
  await syncPaymentSessions(deps, cart)
  const report = {
    repriced_line_ids: plan.repriced_line_ids,
    removed_lines: plan.removed_lines,
    removed_shipping_method_ids: plan.removed_shipping_method_ids,
  }
  return { cart, report, previous: previousOf(plan.before, input.patch) }
}

/** The shared refresh as a step. Undo: the previous fields, the removed rows restored, refreshed again. */
export const refreshCartStep: FlowStep<RefreshDeps, RefreshCartInput, RefreshCartResult, RefreshCartCompensation> = {
  name: "refresh-cart",
  async invoke(deps, input) {
    const { cart, report, previous } = await changeAndRefresh(deps, input)
    return {
      output: { cart, report },
      compensation: {
        cart_id: input.cart_id,
        previous,
        removed_line_ids: report.removed_lines.map((line) => line.id),
        removed_shipping_method_ids: report.removed_shipping_method_ids,
        changes: input.changes,
      },
    }
  },
  async compensate(deps, compensation) {
    await undoRefresh(deps, compensation)
  },
}

/** What undoing `result` needs: the fields before, the rows it removed, and `changes` for the undo's own refresh. */
export function compensationOf(
  cartId: string,
  result: RefreshCartResult & { readonly previous: CartPatch },
  changes: CartChanges,
): RefreshCartCompensation {
  return {
    cart_id: cartId,
    previous: result.previous,
    removed_line_ids: result.report.removed_lines.map((line) => line.id),
    removed_shipping_method_ids: result.report.removed_shipping_method_ids,
    changes,
  }
}

/** Undoes a change-and-refresh: restores removed rows, puts the fields back and refreshes again. */
export async function undoRefresh(deps: RefreshDeps, compensation: RefreshCartCompensation): Promise<void> {
  await deps.cart.transaction(async (ctx) => {
    if (compensation.removed_line_ids.length) await deps.cart.restoreLineItems([...compensation.removed_line_ids], undefined, ctx)
    if (compensation.removed_shipping_method_ids.length)
      await deps.cart.restoreShippingMethods([...compensation.removed_shipping_method_ids], undefined, ctx)
  })
  // Every line is re-priced for the restored fields, but the removal rules (custom prices in another
  // currency, lines outside the channel) are not applied again: the restored lines belong to the old state.
  await changeAndRefresh(deps, { cart_id: compensation.cart_id, changes: { lines: "all" }, patch: compensation.previous })
}

/** Runs the shared refresh (plain-function form of {@link refreshCartStep}). */
export const refreshCartFlow = asFlow(refreshCartStep)

/**
 * Brings everything that depends on the cart's contents up to date (every line re-priced, shipping
 * re-checked, promotions, taxes, gift cards, payment sessions). Flows already end with a refresh;
 * call this after changing a cart through the service directly.
 */
export async function refreshCart(deps: RefreshDeps, cartId: string, changes: CartChanges = { lines: "all" }): Promise<CartDTO> {
  const cart = await deps.cart.retrieveCart(cartId, { select: ["id", "completed_at"] })
  if (cart.completed_at) return retrieveFullCart(deps.cart, cartId)
  return (await changeAndRefresh(deps, { cart_id: cartId, changes })).cart
}
