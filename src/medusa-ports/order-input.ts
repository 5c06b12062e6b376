import { ADDRESS_FIELDS } from "../types/address-fields"
import type { CartAddressDTO, CartDTO, CartLineItemDTO, CartShippingMethodDTO, MetadataDTO, TaxLineDTO } from "../types/dtos"
import type { BigNumberRawValue } from "../money/big-number"
import { pickDefined } from "../util/pick-defined"
import { exactAmount } from "./money"

/** An order line's tax line as Medusa's `createOrders` takes it (`CreateOrderTaxLineDTO`). */
export interface MedusaOrderTaxLineInput {
  description?: string
  tax_rate_id?: string
  code: string
  rate: string
  provider_id?: string
}

/** An order line's adjustment as Medusa's `createOrders` takes it (`CreateOrderAdjustmentDTO`). */
export interface MedusaOrderAdjustmentInput {
  code?: string
  amount: string
  description?: string
  promotion_id?: string
  provider_id?: string
  is_tax_inclusive: boolean
}

/** An order line as Medusa's `createOrders` takes it (a subset of `CreateOrderLineItemDTO`). */
export interface MedusaOrderItemInput {
  title: string
  subtitle?: string
  thumbnail?: string
  quantity: number
  product_id?: string
  product_title?: string
  product_description?: string
  product_subtitle?: string
  product_type?: string
  product_collection?: string
  product_handle?: string
  variant_id?: string
  variant_sku?: string
  variant_barcode?: string
  variant_title?: string
  variant_option_values?: Record<string, unknown>
  requires_shipping: boolean
  is_discountable: boolean
  is_tax_inclusive: boolean
  compare_at_unit_price?: string
  unit_price: string
  tax_lines: MedusaOrderTaxLineInput[]
  adjustments: MedusaOrderAdjustmentInput[]
  metadata: Record<string, unknown> | null
}

/** An order shipping method as Medusa's `createOrders` takes it (a subset of `CreateOrderShippingMethodDTO`). */
export interface MedusaOrderShippingInput {
  name: string
  amount: string
  is_tax_inclusive: boolean
  shipping_option_id?: string
  data: Record<string, unknown>
  tax_lines: MedusaOrderTaxLineInput[]
  adjustments: MedusaOrderAdjustmentInput[]
}

/** The order Medusa's `createOrders` creates from a completed cart (a subset of `CreateOrderDTO`). */
export interface MedusaCreateOrderInput {
  region_id?: string
  customer_id?: string
  sales_channel_id?: string
  status: "pending"
  email?: string
  currency_code: string
  shipping_address?: Record<string, unknown>
  billing_address?: Record<string, unknown>
  items: MedusaOrderItemInput[]
  shipping_methods: MedusaOrderShippingInput[]
  metadata: Record<string, unknown> | null
  promo_codes: string[]
}

// Medusa's order inputs take optional fields, not nulls: a field without a value stays out.
const NO_NULLS = { nulls: "drop" } as const

// The product and variant snapshot a line carries into the order.
const SNAPSHOT_FIELDS = [
  "subtitle",
  "thumbnail",
  "product_id",
  "product_title",
  "product_description",
  "product_subtitle",
  "product_type",
  "product_collection",
  "product_handle",
  "variant_id",
  "variant_sku",
  "variant_barcode",
  "variant_title",
] as const

/** An exact decimal string from a DTO's number and its raw twin. */
function money(numeric: unknown, raw: BigNumberRawValue | null | undefined): string {
  return exactAmount(raw, numeric) ?? "0"
}

function address(source: CartAddressDTO | null | undefined): Record<string, unknown> | undefined {
  if (!source) return undefined
  return pickDefined(source, ADDRESS_FIELDS, NO_NULLS)
}

function taxLines(lines: readonly TaxLineDTO[] | undefined): MedusaOrderTaxLineInput[] {
  return (lines ?? []).map((line) => ({
    code: line.code,
    rate: money(line.rate, line.raw_rate),
    ...pickDefined(line, ["description", "tax_rate_id", "provider_id"], NO_NULLS),
  }))
}

function adjustments(lines: CartLineItemDTO["adjustments"] | CartShippingMethodDTO["adjustments"]): MedusaOrderAdjustmentInput[] {
  return (lines ?? []).map((line) => ({
    amount: money(line.amount, line.raw_amount),
    is_tax_inclusive: line.is_tax_inclusive,
    ...pickDefined(line, ["code", "description", "promotion_id", "provider_id"], NO_NULLS),
  }))
}

function metadataOf(metadata: MetadataDTO | undefined): Record<string, unknown> | null {
  return metadata ? { ...metadata } : null
}

function itemInput(item: CartLineItemDTO): MedusaOrderItemInput {
  const { title, variant_option_values } = item
  return {
    ...pickDefined(item, SNAPSHOT_FIELDS, NO_NULLS),
    ...(variant_option_values ? { variant_option_values: { ...variant_option_values } } : {}),
    title,
    quantity: item.quantity,
    unit_price: money(item.unit_price, item.raw_unit_price),
    ...(item.compare_at_unit_price !== null && item.compare_at_unit_price !== undefined
      ? { compare_at_unit_price: money(item.compare_at_unit_price, item.raw_compare_at_unit_price) }
      : {}),
    requires_shipping: item.requires_shipping,
    is_discountable: item.is_discountable,
    is_tax_inclusive: item.is_tax_inclusive,
    tax_lines: taxLines(item.tax_lines),
    adjustments: adjustments(item.adjustments),
    metadata: metadataOf(item.metadata),
  }
}

function shippingInput(method: CartShippingMethodDTO): MedusaOrderShippingInput {
  return {
    name: method.name,
    amount: money(method.amount, method.raw_amount),
    is_tax_inclusive: method.is_tax_inclusive,
    ...pickDefined(method, ["shipping_option_id"], NO_NULLS),
    data: { ...(method.data ?? {}) },
    tax_lines: taxLines(method.tax_lines),
    adjustments: adjustments(method.adjustments),
  }
}

/**
 * The order Medusa's cart completion creates from a cart: the same snapshot fields, lines with their
 * tax lines and adjustments, shipping methods and the promotion codes used, status `pending`. Money
 * goes over as exact decimal strings from the raw values. Credit lines (gift cards) are not carried:
 * Medusa's order credit lines need the order's id, so a host adds them after creation if it uses them.
 */
export function orderInputOf(cart: CartDTO): MedusaCreateOrderInput {
  const codes = [
    ...(cart.items ?? []).flatMap((item) => item.adjustments ?? []),
    ...(cart.shipping_methods ?? []).flatMap((method) => method.adjustments ?? []),
  ].flatMap((adjustment) => adjustment.code ?? [])
  const shipping_address = address(cart.shipping_address)
  const billing_address = address(cart.billing_address)
  return {
    ...pickDefined(cart, ["region_id", "customer_id", "sales_channel_id", "email"], NO_NULLS),
    status: "pending",
    currency_code: cart.currency_code,
    ...(shipping_address ? { shipping_address } : {}),
    ...(billing_address ? { billing_address } : {}),
    items: (cart.items ?? []).map(itemInput),
    shipping_methods: (cart.shipping_methods ?? []).map(shippingInput),
    metadata: metadataOf(cart.metadata),
    promo_codes: [...new Set(codes)],
  }
}
