import type { ModelOf } from "../../models"
import type { BigNumber, BigNumberRawValue } from "../money/big-number"
import type { RowOf } from "./model-row"

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
export type AddressFieldsDTO = Partial<Omit<RowOf<ModelOf<"Address">>, "cart_id">>

/** A cart address. */
export interface CartAddressDTO extends BaseDTO, RowOf<ModelOf<"Address">> {}

/** The subtotal and total a tax line or adjustment carries once the cart's totals are computed. */
export interface RowTotalsDTO {
  subtotal?: BigNumber
  total?: BigNumber
  raw_subtotal?: BigNumberRawValue
  raw_total?: BigNumberRawValue
}

/** What every tax line has beyond its columns: the exact rate, and its totals when computed. */
interface TaxLineExtrasDTO extends RowTotalsDTO {
  /** The exact rate as stored (up to 20 decimals); `rate` is a number for display. Totals use this. */
  raw_rate?: BigNumberRawValue
}

/** A tax line on an item or shipping method (the columns both kinds share); `rate` is a percentage. */
export interface TaxLineDTO extends BaseDTO, Omit<RowOf<ModelOf<"LineItemTaxLine">>, "item_id">, TaxLineExtrasDTO {}

/** A discount on an item or shipping method (the columns both kinds share); `amount` is the positive discount. */
export interface AdjustmentDTO extends BaseDTO, Omit<RowOf<ModelOf<"LineItemAdjustment">>, "item_id">, RowTotalsDTO {}

/** A line item's tax line. */
export interface LineItemTaxLineDTO extends BaseDTO, RowOf<ModelOf<"LineItemTaxLine">>, TaxLineExtrasDTO {
  /** The item: loaded with `relations`, else (on a top-level row) Medusa's reference `{ id }`. */
  item?: CartLineItemDTO
}

/** A line item's adjustment. */
export interface LineItemAdjustmentDTO extends BaseDTO, RowOf<ModelOf<"LineItemAdjustment">>, RowTotalsDTO {
  /** The item: loaded with `relations`, else (on a top-level row) Medusa's reference `{ id }`. */
  item?: CartLineItemDTO
}

/** A shipping method's tax line. */
export interface ShippingMethodTaxLineDTO extends BaseDTO, RowOf<ModelOf<"ShippingMethodTaxLine">>, TaxLineExtrasDTO {
  /** The shipping method: loaded with `relations`, else (on a top-level row) Medusa's reference `{ id }`. */
  shipping_method?: CartShippingMethodDTO
}

/** A shipping method's adjustment. */
export interface ShippingMethodAdjustmentDTO extends BaseDTO, RowOf<ModelOf<"ShippingMethodAdjustment">>, RowTotalsDTO {
  /** The shipping method: loaded with `relations`, else (on a top-level row) Medusa's reference `{ id }`. */
  shipping_method?: CartShippingMethodDTO
}

/** A line item with its product/variant snapshot and (when loaded) totals. */
export interface CartLineItemDTO extends BaseDTO, RowOf<ModelOf<"LineItem">>, LineTotalsDTO {
  tax_lines?: LineItemTaxLineDTO[]
  adjustments?: LineItemAdjustmentDTO[]
  /** The cart: loaded with `relations`, else (on a top-level row) Medusa's reference `{ id }`. */
  cart?: CartDTO
}

/** A shipping method with (when loaded) totals. */
export interface CartShippingMethodDTO extends BaseDTO, RowOf<ModelOf<"ShippingMethod">>, LineTotalsDTO {
  tax_lines?: ShippingMethodTaxLineDTO[]
  adjustments?: ShippingMethodAdjustmentDTO[]
  /** The cart: loaded with `relations`, else (on a top-level row) Medusa's reference `{ id }`. */
  cart?: CartDTO
}

/** Store credit on a cart. */
export interface CartCreditLineDTO extends BaseDTO, RowOf<ModelOf<"CreditLine">> {
  /** The cart: loaded with `relations`, else (on a top-level row) Medusa's reference `{ id }`. */
  cart?: CartDTO
}

/**
 * A cart with whatever relations and totals were asked for. `version` is cartwright's: bumped by every write to
 * the cart or its children; pass it back as `expectedVersion`.
 */
export interface CartDTO extends BaseDTO, RowOf<ModelOf<"Cart">>, LineTotalsDTO, CartOnlyTotalsDTO {
  items?: CartLineItemDTO[]
  shipping_methods?: CartShippingMethodDTO[]
  credit_lines?: CartCreditLineDTO[]
  /** Loaded with `relations`; else, on a top-level row whose key was read, Medusa's reference `{ id }` (or null). */
  shipping_address?: CartAddressDTO | null
  /** Loaded with `relations`; else, on a top-level row whose key was read, Medusa's reference `{ id }` (or null). */
  billing_address?: CartAddressDTO | null
}

type TotalName = "total" | "subtotal" | "tax_total" | "discount_total" | "discount_subtotal" | "discount_tax_total"
type CartOnlyTotalName =
  | `${"item" | "shipping"}_${TotalName}`
  | `original_${"item" | "shipping"}_${"total" | "subtotal" | "tax_total"}`
  | `credit_line_${"total" | "subtotal" | "tax_total"}`

/** The totals only a cart has: per-kind sums (`item_total`, `shipping_tax_total`...) and credit lines, with raw twins. */
export type CartOnlyTotalsDTO = { [K in CartOnlyTotalName]?: BigNumber } & { [K in `raw_${CartOnlyTotalName}`]?: BigNumberRawValue }
