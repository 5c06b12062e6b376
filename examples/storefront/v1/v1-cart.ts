import type { Region } from "../../../src/ports/region"
import type { BigNumberInput } from "../../../src/money/big-number"
import type { CartAddressDTO, CartDTO, CartLineItemDTO, CartShippingMethodDTO, TaxLineDTO } from "../../../src/types/dtos"
import { toMinorUnits } from "./money"
import { v1CartTotals, v1ItemTotals, v1ShippingTotals } from "./v1-totals"
import { toV1Region } from "./v1-region"

/** A payment session as the storefront reads it from the payment side, before v1 mapping. */
export interface SessionView {
  readonly id: string
  readonly provider_id: string
  readonly amount: BigNumberInput
  readonly status: string
  readonly data: Readonly<Record<string, unknown>>
  readonly is_selected: boolean
}

/** An applied discount code with what is known of its rule. */
export interface DiscountView {
  readonly code: string
  readonly promotion_id?: string | null
  readonly description?: string | null
  readonly type: "percentage" | "fixed" | "free_shipping"
  readonly value?: number | null
}

/** An applied gift card: its code and balance (major units) and how much of it the cart uses. */
export interface GiftCardView {
  readonly id: string
  readonly code: string
  readonly balance: BigNumberInput
  readonly region_id?: string | null
}

/** Everything a v1 cart shows: the module's cart plus what lives outside it. */
export interface CartView {
  readonly cart: CartDTO
  readonly region: Region | null
  readonly sessions: readonly SessionView[]
  readonly discounts: readonly DiscountView[]
  readonly giftCards: readonly GiftCardView[]
}

type Json = Record<string, unknown>

/** v1's address fields, null unless the address has them (a read with `select` may leave some out). */
const V1_ADDRESS_FIELDS: Json = {
  customer_id: null,
  company: null,
  first_name: null,
  last_name: null,
  address_1: null,
  address_2: null,
  city: null,
  province: null,
  postal_code: null,
  phone: null,
  metadata: null,
}

/** A v1 Address. */
export function toV1Address(address: CartAddressDTO | null | undefined): Json | null {
  if (!address) return null
  const { cart_id: _cartId, ...fields } = address
  return {
    ...V1_ADDRESS_FIELDS,
    ...fields,
    country_code: address.country_code ?? null,
  }
}

function toV1Item(item: CartLineItemDTO, currency: string): Json {
  return {
    id: item.id,
    cart_id: item.cart_id,
    order_id: null,
    title: item.title,
    description: item.variant_title ?? item.subtitle ?? null,
    thumbnail: item.thumbnail ?? null,
    is_return: false,
    is_giftcard: item.is_giftcard,
    should_merge: true,
    allow_discounts: item.is_discountable,
    has_shipping: null,
    includes_tax: item.is_tax_inclusive,
    variant_id: item.variant_id ?? null,
    product_id: item.product_id ?? null,
    variant: item.variant_id
      ? {
          id: item.variant_id,
          title: item.variant_title ?? null,
          sku: item.variant_sku ?? null,
          product_id: item.product_id ?? null,
          product: {
            id: item.product_id ?? null,
            title: item.product_title ?? null,
            handle: item.product_handle ?? null,
            thumbnail: item.thumbnail ?? null,
          },
        }
      : null,
    quantity: item.quantity,
    fulfilled_quantity: null,
    returned_quantity: null,
    shipped_quantity: null,
    metadata: item.metadata ?? null,
    adjustments: (item.adjustments ?? []).map((adjustment) => ({
      id: adjustment.id,
      item_id: item.id,
      description: adjustment.description ?? null,
      discount_id: adjustment.promotion_id ?? null,
      amount: toMinorUnits(adjustment.raw_amount ?? adjustment.amount, currency),
      metadata: adjustment.metadata ?? null,
    })),
    tax_lines: toV1TaxLines(item.tax_lines, { item_id: item.id }),
    created_at: item.created_at,
    updated_at: item.updated_at,
    ...v1ItemTotals(item, currency),
  }
}

// v1 names a tax line's owner by its kind (`item_id` or `shipping_method_id`) and calls the description its name.
function toV1TaxLines(lines: readonly TaxLineDTO[] | undefined, owner: { item_id: string } | { shipping_method_id: string }): Json[] {
  return (lines ?? []).map((line) => ({
    id: line.id,
    ...owner,
    rate: line.rate,
    name: line.description ?? line.code,
    code: line.code,
    metadata: line.metadata ?? null,
  }))
}

function toV1ShippingMethod(method: CartShippingMethodDTO, currency: string, regionId: string | null): Json {
  const totals = v1ShippingTotals(method, currency)
  return {
    id: method.id,
    cart_id: method.cart_id,
    order_id: null,
    shipping_option_id: method.shipping_option_id ?? null,
    shipping_option: {
      id: method.shipping_option_id ?? null,
      name: method.name,
      region_id: regionId,
      amount: toMinorUnits(method.raw_amount ?? method.amount, currency),
      price_type: "flat_rate",
      is_return: false,
      admin_only: false,
    },
    data: method.data ?? {},
    includes_tax: method.is_tax_inclusive,
    tax_lines: toV1TaxLines(method.tax_lines, { shipping_method_id: method.id }),
    ...totals,
  }
}

function toV1Session(session: SessionView, cartId: string, currency: string): Json {
  return {
    id: session.id,
    cart_id: cartId,
    provider_id: session.provider_id,
    is_selected: session.is_selected,
    is_initiated: true,
    status: session.status,
    data: session.data,
    idempotency_key: null,
    amount: toMinorUnits(session.amount, currency),
    payment_authorized_at: null,
  }
}

function toV1Discount(discount: DiscountView, regionId: string | null): Json {
  const ruleId = `dru_${discount.code}`
  return {
    id: discount.promotion_id ?? discount.code,
    code: discount.code,
    is_dynamic: false,
    is_disabled: false,
    rule_id: ruleId,
    rule: {
      id: ruleId,
      type: discount.type,
      value: discount.value ?? null,
      allocation: discount.type === "percentage" ? "total" : "item",
      description: discount.description ?? null,
    },
    parent_discount_id: null,
    starts_at: null,
    ends_at: null,
    valid_duration: null,
    usage_limit: null,
    usage_count: 0,
    regions: regionId ? [{ id: regionId }] : [],
    metadata: null,
  }
}

function toV1GiftCard(card: GiftCardView, currency: string): Json {
  return {
    id: card.id,
    code: card.code,
    value: toMinorUnits(card.balance, currency),
    balance: toMinorUnits(card.balance, currency),
    region_id: card.region_id ?? null,
    is_disabled: false,
    ends_at: null,
    metadata: null,
  }
}

/** A module cart as Medusa v1's Store API shows it: v1 field names and meanings, money in the smallest unit. */
export function toV1Cart(view: CartView): Json {
  const { cart } = view
  const currency = cart.currency_code
  const regionId = cart.region_id ?? null
  const sessions = view.sessions.map((session) => toV1Session(session, cart.id, currency))
  const context = cart.metadata?.context ?? null
  return {
    object: "cart",
    id: cart.id,
    type: "default",
    email: cart.email ?? null,
    customer_id: cart.customer_id ?? null,
    region_id: regionId,
    region: view.region ? toV1Region(view.region) : null,
    currency_code: currency,
    sales_channel_id: cart.sales_channel_id ?? null,
    billing_address_id: cart.billing_address_id ?? null,
    billing_address: toV1Address(cart.billing_address),
    shipping_address_id: cart.shipping_address_id ?? null,
    shipping_address: toV1Address(cart.shipping_address),
    items: (cart.items ?? []).map((item) => toV1Item(item, currency)),
    shipping_methods: (cart.shipping_methods ?? []).map((method) => toV1ShippingMethod(method, currency, regionId)),
    discounts: view.discounts.map((discount) => toV1Discount(discount, regionId)),
    gift_cards: view.giftCards.map((card) => toV1GiftCard(card, currency)),
    payment_sessions: sessions,
    payment_session: sessions.find((session) => session.is_selected) ?? null,
    payment_id: null,
    payment: null,
    payment_authorized_at: null,
    idempotency_key: null,
    context: typeof context === "object" ? context : null,
    metadata: userMetadata(cart.metadata),
    completed_at: cart.completed_at ?? null,
    created_at: cart.created_at,
    updated_at: cart.updated_at,
    deleted_at: cart.deleted_at,
    ...v1CartTotals(cart),
  }
}

// `context` has its own v1 field; the rest of metadata is the client's.
function userMetadata(metadata: CartDTO["metadata"]): Json | null {
  if (!metadata) return null
  const { context: _context, ...rest } = metadata
  return rest
}
