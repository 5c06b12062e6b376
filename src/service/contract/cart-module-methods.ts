import type * as Dto from "../../types/dtos"
import type * as Input from "../../types/inputs"
import type { CartMethods } from "./cart-methods"
import type { OneOrManyMethod } from "./method-shapes"
import type { CartLineFamily, ChildFamily, ModelFamily, NamedMethods, PricingLineFamily, TaxLineFamily } from "./model-methods"

/** The address methods: a standalone model, updated by id only. */
type AddressMethods = NamedMethods<ModelFamily<Dto.CartAddressDTO, Input.CreateAddressDTO>, "Address"> & {
  /** Updates addresses by id. @throws NotFoundError */
  updateAddresses: OneOrManyMethod<Input.UpdateAddressDTO, Dto.CartAddressDTO>
}

/** Every method of Medusa's `ICartModuleService` contract, grouped by model. */
export interface CartModuleMethods
  extends
    CartMethods,
    AddressMethods,
    NamedMethods<CartLineFamily<Dto.CartLineItemDTO, Input.CreateLineItemForCartDTO, Input.UpdateLineItemWithIdDTO>, "LineItem">,
    NamedMethods<CartLineFamily<Dto.CartShippingMethodDTO, Input.CreateShippingMethodDTO, Input.UpdateShippingMethodDTO>, "ShippingMethod">,
    NamedMethods<
      PricingLineFamily<
        Dto.LineItemAdjustmentDTO,
        Input.CreateLineItemAdjustmentDTO,
        Input.UpsertLineItemAdjustmentDTO,
        Dto.LineItemAdjustmentDTO[]
      >,
      "LineItemAdjustment"
    >,
    NamedMethods<TaxLineFamily<Dto.LineItemTaxLineDTO, Input.CreateLineItemTaxLineDTO, Input.UpsertLineItemTaxLineDTO>, "LineItemTaxLine">,
    NamedMethods<
      PricingLineFamily<Dto.ShippingMethodAdjustmentDTO, Input.CreateShippingMethodAdjustmentDTO, Input.UpsertShippingMethodAdjustmentDTO>,
      "ShippingMethodAdjustment"
    >,
    NamedMethods<
      TaxLineFamily<Dto.ShippingMethodTaxLineDTO, Input.CreateShippingMethodTaxLineDTO, Input.UpsertShippingMethodTaxLineDTO>,
      "ShippingMethodTaxLine"
    >,
    NamedMethods<ChildFamily<Dto.CartCreditLineDTO, Input.CreateCreditLineDTO, Input.UpdateCreditLineDTO>, "CreditLine"> {}
