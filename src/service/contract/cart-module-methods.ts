import type {
  CartAddressDTO,
  CartCreditLineDTO,
  CartLineItemDTO,
  CartShippingMethodDTO,
  LineItemAdjustmentDTO,
  LineItemTaxLineDTO,
  ShippingMethodAdjustmentDTO,
  ShippingMethodTaxLineDTO,
} from "../../types/dtos"
import type {
  CreateAddressDTO,
  CreateCreditLineDTO,
  CreateLineItemAdjustmentDTO,
  CreateLineItemForCartDTO,
  CreateLineItemTaxLineDTO,
  CreateShippingMethodAdjustmentDTO,
  CreateShippingMethodDTO,
  CreateShippingMethodTaxLineDTO,
  UpdateAddressDTO,
  UpdateCreditLineDTO,
  UpdateLineItemWithIdDTO,
  UpdateShippingMethodDTO,
  UpsertLineItemAdjustmentDTO,
  UpsertLineItemTaxLineDTO,
  UpsertShippingMethodAdjustmentDTO,
  UpsertShippingMethodTaxLineDTO,
} from "../../types/inputs"
import type { CartMethods } from "./cart-methods"
import type { OneOrManyMethod } from "./method-shapes"
import type { CartLineFamily, ChildFamily, ModelFamily, NamedMethods, PricingLineFamily } from "./model-methods"

/** The address methods: a standalone model, updated by id only. */
type AddressMethods = NamedMethods<ModelFamily<CartAddressDTO, CreateAddressDTO>, "Address"> & {
  /** Updates addresses by id. @throws NotFoundError */
  updateAddresses: OneOrManyMethod<UpdateAddressDTO, CartAddressDTO>
}

/** Every method of Medusa's `ICartModuleService` contract, grouped by model. */
export interface CartModuleMethods
  extends
    CartMethods,
    AddressMethods,
    NamedMethods<CartLineFamily<CartLineItemDTO, CreateLineItemForCartDTO, UpdateLineItemWithIdDTO>, "LineItem">,
    NamedMethods<CartLineFamily<CartShippingMethodDTO, CreateShippingMethodDTO, UpdateShippingMethodDTO>, "ShippingMethod">,
    NamedMethods<
      PricingLineFamily<
        LineItemAdjustmentDTO,
        CreateLineItemAdjustmentDTO,
        UpsertLineItemAdjustmentDTO,
        LineItemAdjustmentDTO[],
        CreateLineItemAdjustmentDTO[]
      >,
      "LineItemAdjustment"
    >,
    NamedMethods<
      PricingLineFamily<
        LineItemTaxLineDTO,
        CreateLineItemTaxLineDTO,
        UpsertLineItemTaxLineDTO,
        LineItemTaxLineDTO,
        CreateLineItemTaxLineDTO | CreateLineItemTaxLineDTO[]
      >,
      "LineItemTaxLine"
    >,
    NamedMethods<
      PricingLineFamily<
        ShippingMethodAdjustmentDTO,
        CreateShippingMethodAdjustmentDTO,
        UpsertShippingMethodAdjustmentDTO,
        ShippingMethodAdjustmentDTO,
        CreateShippingMethodAdjustmentDTO[]
      >,
      "ShippingMethodAdjustment"
    >,
    NamedMethods<
      PricingLineFamily<
        ShippingMethodTaxLineDTO,
        CreateShippingMethodTaxLineDTO,
        UpsertShippingMethodTaxLineDTO,
        ShippingMethodTaxLineDTO,
        CreateShippingMethodTaxLineDTO | CreateShippingMethodTaxLineDTO[]
      >,
      "ShippingMethodTaxLine"
    >,
    NamedMethods<ChildFamily<CartCreditLineDTO, CreateCreditLineDTO, UpdateCreditLineDTO>, "CreditLine"> {}
