import type { AddressFieldsDTO, BigNumberInput, MetadataDTO } from "./dtos"

/** Fields of a new address. */
export interface CreateAddressDTO extends AddressFieldsDTO {
  /** Attach the address to this cart (the cart is locked and its version bumped). */
  cart_id?: string | null
}

/** An address update: its id plus the fields to change. */
export interface UpdateAddressDTO extends CreateAddressDTO {
  id: string
}

/** Fields of a new line item; `cart_id` is optional where the method takes the cart id separately. */
export interface CreateLineItemDTO {
  cart_id?: string
  title: string
  subtitle?: string | null
  thumbnail?: string | null
  quantity: BigNumberInput
  unit_price: BigNumberInput
  compare_at_unit_price?: BigNumberInput | null
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
  requires_shipping?: boolean
  is_discountable?: boolean
  is_giftcard?: boolean
  is_tax_inclusive?: boolean
  is_custom_price?: boolean
  metadata?: MetadataDTO
}

/** A line item for a specific cart. */
export interface CreateLineItemForCartDTO extends CreateLineItemDTO {
  cart_id: string
}

/** Fields a line item update may change. */
export type UpdateLineItemDTO = Partial<Omit<CreateLineItemDTO, "cart_id">>

/** A line item update carrying its id. */
export interface UpdateLineItemWithIdDTO extends UpdateLineItemDTO {
  id: string
}

/** Fields of a new shipping method. */
export interface CreateShippingMethodDTO {
  cart_id?: string
  name: string
  amount: BigNumberInput
  description?: unknown
  is_tax_inclusive?: boolean
  shipping_option_id?: string | null
  data?: Record<string, unknown> | null
  metadata?: MetadataDTO
}

/** A shipping method for a specific cart. */
export interface CreateShippingMethodForSingleCartDTO extends Omit<CreateShippingMethodDTO, "cart_id"> {
  cart_id?: string
}

/** A shipping method update carrying its id. */
export interface UpdateShippingMethodDTO extends Partial<Omit<CreateShippingMethodDTO, "cart_id">> {
  id: string
}

/** Fields of a new adjustment (the positive discount amount). */
export interface CreateAdjustmentDTO {
  id?: string
  amount: BigNumberInput
  code?: string | null
  description?: string | null
  is_tax_inclusive?: boolean
  provider_id?: string | null
  promotion_id?: string | null
  metadata?: MetadataDTO
}

/** A line item adjustment. */
export interface CreateLineItemAdjustmentDTO extends CreateAdjustmentDTO {
  item_id: string
}

/** A shipping method adjustment. */
export interface CreateShippingMethodAdjustmentDTO extends CreateAdjustmentDTO {
  shipping_method_id: string
}

/** An adjustment update or upsert entry (`id` present: update). */
export type UpsertLineItemAdjustmentDTO = Partial<CreateLineItemAdjustmentDTO> & { id?: string }

/** A shipping method adjustment update or upsert entry. */
export type UpsertShippingMethodAdjustmentDTO = Partial<CreateShippingMethodAdjustmentDTO> & { id?: string }

/** Fields of a new tax line; `rate` is a percentage 0–100. */
export interface CreateTaxLineDTO {
  id?: string
  code: string
  rate: BigNumberInput
  description?: string | null
  tax_rate_id?: string | null
  provider_id?: string | null
  metadata?: MetadataDTO
  /** What the tax provider returned for this line (Medusa 2.17.3+); stored as given. */
  data?: Record<string, unknown> | null
}

/** A line item tax line. `item_id` is required at run time; optional in the type, as Medusa declares it. */
export interface CreateLineItemTaxLineDTO extends CreateTaxLineDTO {
  item_id?: string
}

/** A shipping method tax line. */
export interface CreateShippingMethodTaxLineDTO extends CreateTaxLineDTO {
  shipping_method_id: string
}

/** A tax line update or upsert entry. */
export type UpsertLineItemTaxLineDTO = Partial<CreateLineItemTaxLineDTO> & { id?: string }

/** A shipping method tax line update or upsert entry. */
export type UpsertShippingMethodTaxLineDTO = Partial<CreateShippingMethodTaxLineDTO> & { id?: string }

/** Fields of a new credit line (amount may be negative). */
export interface CreateCreditLineDTO {
  cart_id: string
  amount: BigNumberInput
  reference?: string | null
  reference_id?: string | null
  metadata?: MetadataDTO
}

/** A credit line update. */
export interface UpdateCreditLineDTO extends Partial<Omit<CreateCreditLineDTO, "cart_id">> {
  id: string
}

/** Fields of a new cart, with nested items and addresses. */
export interface CreateCartDTO {
  currency_code: string
  region_id?: string | null
  customer_id?: string | null
  sales_channel_id?: string | null
  email?: string | null
  locale?: string | null
  shipping_address_id?: string | null
  billing_address_id?: string | null
  /** A new address, or an existing address's id (the same as `shipping_address_id`). */
  shipping_address?: CreateAddressDTO | string | null
  /** A new address, or an existing address's id (the same as `billing_address_id`). */
  billing_address?: CreateAddressDTO | string | null
  items?: CreateLineItemDTO[]
  metadata?: MetadataDTO
  completed_at?: Date | string | null
}

/** Fields a cart update may change; an address object replaces the cart's address. */
export interface UpdateCartDataDTO extends Partial<Omit<CreateCartDTO, "items">> {
  shipping_address?: (CreateAddressDTO & { id?: string }) | null
  billing_address?: (CreateAddressDTO & { id?: string }) | null
}

/** A cart update carrying its id. */
export interface UpdateCartDTO extends UpdateCartDataDTO {
  id: string
}
