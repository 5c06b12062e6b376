import { InvalidDataError } from "../errors/errors"
import type { CartCreditLineDTO, CartDTO, MetadataDTO } from "../types/dtos"
import type { CreateAddressDTO } from "../types/inputs"
import { assertCartOpen, retrieveFullCart } from "./cart-state"
import type { FlowDeps, RefreshDeps } from "./flow-deps"
import { GIFT_CARD_REFERENCE } from "./gift-card-totals"
import { assertUsable } from "./gift-cards"
import { promotionCodesOf } from "./promotions"
import { draftOf } from "./refresh-cart"
import type { DraftCart } from "./refresh-draft"
import type { CartPatch } from "./refresh-cart"
import { planRefresh } from "./refresh-plan"
import type { CartChanges, CustomPricePolicy, RefreshPlan } from "./refresh-plan"
import { resolveRegion } from "./resolve-region"
import { resolveSalesChannel } from "./resolve-sales-channel"
import { assertTransferable } from "./transfer-cart"
import { assertEmail, shippingAddressFor } from "./update-cart-details"
import { regionPatch } from "./update-region"

/** Input of `updateCart`: every part optional; all of it is written in one transaction, or nothing. */
export interface UpdateCartInput {
  readonly cart_id: string
  readonly region_id?: string
  readonly custom_price_policy?: CustomPricePolicy
  /** The customer from the host's authentication (never a request body); another customer's cart is refused. */
  readonly customer_id?: string
  readonly email?: string
  /** Null clears the address; its country must be in the (new) region. */
  readonly shipping_address?: CreateAddressDTO | null
  readonly billing_address?: CreateAddressDTO | null
  readonly sales_channel_id?: string | null
  /** Replaces the cart's promotion codes (`[]` removes them all); an unknown code is `invalid_data`. */
  readonly promotion_codes?: readonly string[]
  /**
   * Replaces the cart's gift cards (`[]` removes them all), as v1's Update a Cart does: a card already on
   * the cart keeps its credit line, the others are removed, new ones are added; an unknown code is `not_found`.
   */
  readonly gift_card_codes?: readonly string[]
  /** Merged into the cart's metadata (top-level keys; `""` removes one). */
  readonly metadata?: MetadataDTO
}

/** Everything `updateCart` asked the ports for one version of the cart; written only to that version. */
export interface UpdateCartPlan {
  readonly version: number
  readonly before: CartDTO
  readonly patch: CartPatch
  readonly changes: CartChanges
  readonly metadata: MetadataDTO | undefined
  readonly previous_codes: readonly string[]
  /** Promotion codes to store, when they change. */
  readonly codes: readonly string[] | undefined
  /** Gift cards to add: their codes and planned amounts. */
  readonly new_gift_cards: readonly { readonly code: string; readonly amount: string }[]
  /** The gift card credit lines the new list no longer has. */
  readonly removed_gift_card_ids: readonly string[]
  readonly refresh: RefreshPlan
}

/** The ports a composite update asks. */
export type UpdateCartDeps = RefreshDeps & Pick<FlowDeps, "regions" | "salesChannels">

// Gift cards planned before their credit line exists carry this id prefix in the draft.
const PENDING = "pending_gift_card:"

async function fieldsPatch(
  deps: UpdateCartDeps,
  cart: CartDTO,
  input: UpdateCartInput,
): Promise<{ patch: CartPatch; changes: CartChanges }> {
  const patch: CartPatch = {}
  const changes: { region?: boolean; address?: boolean; customer?: boolean; sales_channel?: boolean } = {}
  if (input.region_id !== undefined && input.region_id !== cart.region_id) {
    Object.assign(patch, regionPatch(cart, await resolveRegion(deps.regions, input.region_id)))
    changes.region = true
    if ("shipping_address" in patch) changes.address = true
  }
  if (input.customer_id !== undefined && input.customer_id !== cart.customer_id) {
    patch.customer_id = input.customer_id
    changes.customer = true
  }
  if (input.email !== undefined) patch.email = assertEmail(input.email)
  if (input.shipping_address !== undefined) {
    patch.shipping_address = await shippingAddressFor(deps, patch.region_id ?? cart.region_id, input.shipping_address)
    changes.address = true
  }
  if (input.billing_address !== undefined) patch.billing_address = input.billing_address
  if (input.sales_channel_id !== undefined) {
    patch.sales_channel_id = await resolveSalesChannel(deps.salesChannels, input.sales_channel_id)
    changes.sales_channel = true
  }
  return { patch, changes }
}

/** The draft's gift cards once `codes` replace them: the ones kept, the ones removed, the new ones (pending). */
async function replaceGiftCards(
  deps: UpdateCartDeps,
  draft: DraftCart,
  codes: readonly string[] | undefined,
): Promise<{ kept: CartCreditLineDTO[]; removed: CartCreditLineDTO[]; pending: CartCreditLineDTO[] }> {
  const lines = draft.credit_lines ?? []
  if (codes === undefined) return { kept: [...lines], removed: [], pending: [] }
  const wanted = new Map<string, string>()
  for (const code of codes) {
    if (!code) throw InvalidDataError.because("a gift card code is required", ["gift_cards"])
    // Checked against the cart as it will be: a card in another currency than the new region's is refused.
    const card = assertUsable(await deps.giftCards.retrieveByCode(code), code, draft)
    wanted.set(card.code.toLowerCase(), card.code)
  }
  const codeOf = (line: CartCreditLineDTO) => (line.reference === GIFT_CARD_REFERENCE ? (line.reference_id?.toLowerCase() ?? "") : null)
  const kept: CartCreditLineDTO[] = []
  const removed: CartCreditLineDTO[] = []
  for (const line of lines) {
    const code = codeOf(line)
    if (code === null || wanted.has(code)) kept.push(line)
    else removed.push(line)
  }
  // A card the cart keeps needs no new credit line.
  for (const line of kept) wanted.delete(codeOf(line) ?? "")
  const pending = [...wanted.values()].map((code): CartCreditLineDTO => ({
    id: `${PENDING}${code}`,
    cart_id: draft.id,
    reference: GIFT_CARD_REFERENCE,
    reference_id: code,
    amount: 0,
    raw_amount: { value: "0", precision: 20 },
    metadata: null,
    // Never stored as such: applying the plan creates the real credit line.
    created_at: draft.updated_at,
    updated_at: draft.updated_at,
    deleted_at: null,
  }))
  return { kept, removed, pending }
}

/**
 * Plans a composite update outside the cart lock: validates every part through its port (region,
 * sales channel, address country, email, customer ownership, promotion codes, gift cards) and plans
 * the shared refresh for the cart as it will be. Throws before anything is written.
 * @throws NotFoundError, InvalidDataError, NotAllowedError
 */
export async function planCartUpdate(deps: UpdateCartDeps, input: UpdateCartInput): Promise<UpdateCartPlan> {
  const cart = await retrieveFullCart(deps.cart, input.cart_id)
  assertCartOpen(cart)
  if (input.customer_id !== undefined) assertTransferable(cart, input.customer_id)
  const { patch, changes } = await fieldsPatch(deps, cart, input)
  const fieldsDraft = draftOf(cart, patch)
  const { kept, removed, pending } = await replaceGiftCards(deps, fieldsDraft, input.gift_card_codes)
  const draft = { ...fieldsDraft, credit_lines: [...kept, ...pending] }
  const previousCodes = await promotionCodesOf(deps, cart.id)
  const codes = input.promotion_codes ? [...new Set(input.promotion_codes)] : previousCodes
  const refresh = await planRefresh(deps, draft, codes, changes, input.custom_price_policy)
  const rejected = input.promotion_codes ? (refresh.promotions?.result.unknown_codes ?? []) : []
  if (rejected.length)
    throw InvalidDataError.because(`Promotion code(s) ${rejected.map((code) => `"${code}"`).join(", ")} not found`, ["promo_codes"])
  const amounts = new Map(refresh.gift_cards.map((entry) => [entry.id, entry.amount]))
  return {
    version: cart.version,
    before: cart,
    patch,
    changes,
    metadata: input.metadata,
    previous_codes: previousCodes,
    codes: input.promotion_codes ? codes : undefined,
    new_gift_cards: pending.map((line) => ({ code: line.reference_id!, amount: amounts.get(line.id) ?? "0" })),
    removed_gift_card_ids: removed.map((line) => line.id),
    refresh: { ...refresh, gift_cards: refresh.gift_cards.filter((entry) => !entry.id.startsWith(PENDING)) },
  }
}
