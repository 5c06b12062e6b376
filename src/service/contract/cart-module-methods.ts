import type { AddressMethods, CartMethods } from "./cart-methods"
import type { CreditLineMethods, LineItemMethods, ShippingMethodMethods } from "./child-methods"
import type {
  LineItemAdjustmentMethods,
  LineItemTaxLineMethods,
  ShippingMethodAdjustmentMethods,
  ShippingMethodTaxLineMethods,
} from "./pricing-line-methods"

/** Every method of Medusa's `ICartModuleService` contract, grouped by model. */
export interface CartModuleMethods
  extends
    CartMethods,
    AddressMethods,
    LineItemMethods,
    ShippingMethodMethods,
    LineItemAdjustmentMethods,
    LineItemTaxLineMethods,
    ShippingMethodAdjustmentMethods,
    ShippingMethodTaxLineMethods,
    CreditLineMethods {}
