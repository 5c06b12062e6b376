import type { BigNumber, BigNumberRawValue } from "../money/big-number"

/** A money value as the module accepts it (see the money module's {@link BigNumberInput}). */
export type { BigNumberInput } from "../money/big-number"

/** Columns every stored row has. */
export interface BaseDTO {
  id: string
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** Free-form key/value data; updates merge top-level keys and `""` removes one. */
export type MetadataDTO = Record<string, unknown> | null

/** The nine totals every cart, item and shipping method can carry, plus their raw twins. */
export interface LineTotalsDTO {
  total?: BigNumber
  subtotal?: BigNumber
  tax_total?: BigNumber
  discount_total?: BigNumber
  discount_subtotal?: BigNumber
  discount_tax_total?: BigNumber
  original_total?: BigNumber
  original_subtotal?: BigNumber
  original_tax_total?: BigNumber
  raw_total?: BigNumberRawValue
  raw_subtotal?: BigNumberRawValue
  raw_tax_total?: BigNumberRawValue
  raw_discount_total?: BigNumberRawValue
  raw_discount_subtotal?: BigNumberRawValue
  raw_discount_tax_total?: BigNumberRawValue
  raw_original_total?: BigNumberRawValue
  raw_original_subtotal?: BigNumberRawValue
  raw_original_tax_total?: BigNumberRawValue
}

/** The editable fields of an address, shared by the stored address and its create/update inputs. */
export interface AddressFieldsDTO {
  customer_id?: string | null
  company?: string | null
  first_name?: string | null
  last_name?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  country_code?: string | null
  province?: string | null
  postal_code?: string | null
  phone?: string | null
  metadata?: MetadataDTO
}

/** A cart address. */
export interface CartAddressDTO extends BaseDTO, AddressFieldsDTO {
  cart_id?: string | null
}

/** A tax line on an item or shipping method; `rate` is a percentage. */
export interface TaxLineDTO extends BaseDTO {
  cart_id: string
  description?: string | null
  tax_rate_id?: string | null
  code: string
  /** The rate as a number, for display; it may round beyond 15 significant digits. */
  rate: number
  /** The exact rate as stored (up to 20 decimals); totals are computed from it. */
  raw_rate?: BigNumberRawValue
  provider_id?: string | null
  /** What the tax provider returned for this line (Medusa 2.17.3+). */
  data?: Record<string, unknown> | null
  metadata?: MetadataDTO
}

/** A discount on an item or shipping method; `amount` is the positive discount. */
export interface AdjustmentDTO extends BaseDTO {
  cart_id: string
  description?: string | null
  code?: string | null
  amount: number
  raw_amount: BigNumberRawValue
  is_tax_inclusive: boolean
  provider_id?: string | null
  promotion_id?: string | null
  metadata?: MetadataDTO
}

/** A line item's tax line. */
export interface LineItemTaxLineDTO extends TaxLineDTO {
  item_id: string
}

/** A line item's adjustment. */
export interface LineItemAdjustmentDTO extends AdjustmentDTO {
  item_id: string
}

/** A shipping method's tax line. */
export interface ShippingMethodTaxLineDTO extends TaxLineDTO {
  shipping_method_id: string
}

/** A shipping method's adjustment. */
export interface ShippingMethodAdjustmentDTO extends AdjustmentDTO {
  shipping_method_id: string
}

/** A line item with its product/variant snapshot and (when loaded) totals. */
export interface CartLineItemDTO extends BaseDTO, LineTotalsDTO {
  cart_id: string
  title: string
  subtitle?: string | null
  thumbnail?: string | null
  quantity: number
  variant_id?: string | null
  product_id?: string | null
  product_title?: string | null
  product_description?: string | null
  product_subtitle?: string | null
  product_type?: string | null
  product_type_id?: string | null
  product_collection?: string | null
  product_handle?: string | null
  variant_sku?: string | null
  variant_barcode?: string | null
  variant_title?: string | null
  variant_option_values?: Record<string, unknown> | null
  requires_shipping: boolean
  is_discountable: boolean
  is_giftcard: boolean
  is_tax_inclusive: boolean
  is_custom_price: boolean
  compare_at_unit_price?: number | null
  raw_compare_at_unit_price?: BigNumberRawValue | null
  unit_price: number
  raw_unit_price: BigNumberRawValue
  metadata?: MetadataDTO
  tax_lines?: LineItemTaxLineDTO[]
  adjustments?: LineItemAdjustmentDTO[]
  cart?: CartDTO
}

/** A shipping method with (when loaded) totals. */
export interface CartShippingMethodDTO extends BaseDTO, LineTotalsDTO {
  cart_id: string
  name: string
  description?: unknown
  amount: number
  raw_amount: BigNumberRawValue
  is_tax_inclusive: boolean
  shipping_option_id?: string | null
  data?: Record<string, unknown> | null
  metadata?: MetadataDTO
  tax_lines?: ShippingMethodTaxLineDTO[]
  adjustments?: ShippingMethodAdjustmentDTO[]
  cart?: CartDTO
}

/** Store credit on a cart. */
export interface CartCreditLineDTO extends BaseDTO {
  cart_id: string
  reference: string | null
  reference_id: string | null
  amount: number
  raw_amount: BigNumberRawValue
  metadata: MetadataDTO
}

/** A cart with whatever relations and totals were asked for. */
export interface CartDTO extends BaseDTO, LineTotalsDTO, CartOnlyTotalsDTO {
  region_id?: string | null
  customer_id?: string | null
  sales_channel_id?: string | null
  email?: string | null
  currency_code: string
  locale?: string | null
  shipping_address_id?: string | null
  billing_address_id?: string | null
  metadata?: MetadataDTO
  completed_at?: Date | null
  /** cartwright: bumped by every write to the cart or its children; pass it back as `expectedVersion`. */
  version: number
  items?: CartLineItemDTO[]
  shipping_methods?: CartShippingMethodDTO[]
  credit_lines?: CartCreditLineDTO[]
  shipping_address?: CartAddressDTO | null
  billing_address?: CartAddressDTO | null
}

type TotalName = "total" | "subtotal" | "tax_total" | "discount_total" | "discount_subtotal" | "discount_tax_total"
type CartOnlyTotalName =
  | `${"item" | "shipping"}_${TotalName}`
  | `original_${"item" | "shipping"}_${"total" | "subtotal" | "tax_total"}`
  | `credit_line_${"total" | "subtotal" | "tax_total"}`

/** The totals only a cart has: per-kind sums (`item_total`, `shipping_tax_total`...) and credit lines, with raw twins. */
export type CartOnlyTotalsDTO = { [K in CartOnlyTotalName]?: BigNumber } & { [K in `raw_${CartOnlyTotalName}`]?: BigNumberRawValue }
