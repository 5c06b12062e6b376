import type { ModelOf } from "../../models"
import type { AddressFieldsDTO, BigNumberInput } from "./dtos"
import type { CreateOf } from "./model-row"

/** Fields of a new address. */
export interface CreateAddressDTO extends AddressFieldsDTO {
  /** Attach the address to this cart (the cart is locked and its version bumped). */
  cart_id?: string | null
}

/** An address update: its id plus the fields to change. */
export interface UpdateAddressDTO extends CreateAddressDTO {
  id: string
}

/**
 * Fields of a new line item (the model's columns); `cart_id` is optional where the method takes the cart id
 * separately. `tax_lines` and `adjustments` are created with the item, as Medusa's `CreateLineItemDTO` allows.
 */
export type CreateLineItemDTO = CreateOf<ModelOf<"LineItem">, BigNumberInput, "cart_id"> & {
  tax_lines?: Omit<CreateTaxLineDTO, "id">[]
  adjustments?: Omit<CreateAdjustmentDTO, "id">[]
}

/** A line item for a specific cart. */
export interface CreateLineItemForCartDTO extends CreateLineItemDTO {
  cart_id: string
}

/** Fields a line item update may change. */
export type UpdateLineItemDTO = Partial<Omit<CreateLineItemDTO, "cart_id" | "tax_lines" | "adjustments">>

/** A line item update carrying its id. */
export interface UpdateLineItemWithIdDTO extends UpdateLineItemDTO {
  id: string
}

/** Fields of a new shipping method (the model's columns). */
export type CreateShippingMethodDTO = CreateOf<ModelOf<"ShippingMethod">, BigNumberInput, "cart_id">

/** A shipping method for a specific cart. */
export interface CreateShippingMethodForSingleCartDTO extends Omit<CreateShippingMethodDTO, "cart_id"> {
  cart_id?: string
}

/** A shipping method update carrying its id. */
export interface UpdateShippingMethodDTO extends Partial<Omit<CreateShippingMethodDTO, "cart_id">> {
  id: string
}

/** Fields of a new adjustment (the positive discount amount); the cart and owner columns are added per kind. */
export type CreateAdjustmentDTO = { id?: string } & CreateOf<ModelOf<"LineItemAdjustment">, BigNumberInput, never, "cart_id" | "item_id">

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

/** Fields of a new tax line; `rate` is a percentage 0–100, `data` what the tax provider returned (stored as given). */
export type CreateTaxLineDTO = { id?: string } & CreateOf<ModelOf<"LineItemTaxLine">, BigNumberInput, never, "cart_id" | "item_id">

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
export type CreateCreditLineDTO = CreateOf<ModelOf<"CreditLine">, BigNumberInput>

/** A credit line update. */
export interface UpdateCreditLineDTO extends Partial<Omit<CreateCreditLineDTO, "cart_id">> {
  id: string
}

/** Fields of a new cart (the model's columns but cartwright's own `version` and `last_active_at`), with nested items and addresses. */
export type CreateCartDTO = CreateOf<ModelOf<"Cart">, BigNumberInput, never, "version" | "last_active_at"> & {
  /** A new address, or an existing address's id (the same as `shipping_address_id`). */
  shipping_address?: CreateAddressDTO | string | null
  /** A new address, or an existing address's id (the same as `billing_address_id`). */
  billing_address?: CreateAddressDTO | string | null
  items?: CreateLineItemDTO[]
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
