import type { ModelName } from "../../models"
import type { Dto } from "../persistence/row-mapper"
import type * as Dtos from "../types/dtos"

/** Each model's DTO, by model name. */
export interface DtoByModel {
  Cart: Dtos.CartDTO
  Address: Dtos.CartAddressDTO
  LineItem: Dtos.CartLineItemDTO
  LineItemAdjustment: Dtos.LineItemAdjustmentDTO
  LineItemTaxLine: Dtos.LineItemTaxLineDTO
  ShippingMethod: Dtos.CartShippingMethodDTO
  ShippingMethodAdjustment: Dtos.ShippingMethodAdjustmentDTO
  ShippingMethodTaxLine: Dtos.ShippingMethodTaxLineDTO
  CreditLine: Dtos.CartCreditLineDTO
}

/**
 * Rows the persistence layer mapped for model `name`, typed as that model's DTO: the one place a row gets
 * its type. The row mapper builds every column the model declares and `DtoByModel`'s types derive from the
 * same declarations (types/model-row), so the two cannot drift apart by a field.
 */
export function typed<N extends ModelName>(_name: N, rows: Dto[]): DtoByModel[N][] {
  return rows as unknown as DtoByModel[N][]
}
