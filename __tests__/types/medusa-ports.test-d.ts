/**
 * Type test: Medusa's own module services (@medusajs/types 2.21, a dev dependency) fit the structural
 * interfaces the `cartwright/medusa-ports` adapters declare, so a host hands its modules over unchanged
 * while cartwright's published types never mention `@medusajs/*`. Type-checked by `npm run typecheck`.
 */
import type {
  ICustomerModuleService,
  IFulfillmentModuleService,
  IInventoryService,
  IOrderModuleService,
  IPaymentModuleService,
  IPricingModuleService,
  IProductModuleService,
  IPromotionModuleService,
  IRegionModuleService,
  ISalesChannelModuleService,
  ITaxModuleService,
  RemoteQueryFunction,
} from "@medusajs/types"
import type { MedusaFulfillmentModule } from "../../src/medusa-ports/fulfillment"
import type { MedusaInventoryModule } from "../../src/medusa-ports/inventory"
import type { MedusaOrderModule } from "../../src/medusa-ports/order"
import type { MedusaPaymentModule } from "../../src/medusa-ports/payment"
import type { MedusaCustomerModule, MedusaPricingModule } from "../../src/medusa-ports/pricing"
import type { MedusaProductModule } from "../../src/medusa-ports/product-catalog"
import type { MedusaPromotionModule } from "../../src/medusa-ports/promotion"
import type { MedusaQuery } from "../../src/medusa-ports/medusa-query"
import type { MedusaRegionModule } from "../../src/medusa-ports/region"
import type { MedusaSalesChannelModule } from "../../src/medusa-ports/sales-channel"
import type { MedusaTaxModule } from "../../src/medusa-ports/tax"

/** Medusa's module services, each under the name of the adapter input it is handed to. */
declare const medusa: {
  product: IProductModuleService
  pricing: IPricingModuleService
  customer: ICustomerModuleService
  tax: ITaxModuleService
  promotion: IPromotionModuleService
  region: IRegionModuleService
  salesChannel: ISalesChannelModuleService
  query: Omit<RemoteQueryFunction, symbol>
  inventory: IInventoryService
  fulfillment: IFulfillmentModuleService
  payment: IPaymentModuleService
  order: IOrderModuleService
}

// Assigning the whole set checks each property on its own: a service that no longer fits its port fails here, naming it.
export const adapterInputs: {
  product: MedusaProductModule
  pricing: MedusaPricingModule
  customer: MedusaCustomerModule
  tax: MedusaTaxModule
  promotion: MedusaPromotionModule
  region: MedusaRegionModule
  salesChannel: MedusaSalesChannelModule
  query: MedusaQuery
  inventory: MedusaInventoryModule
  fulfillment: MedusaFulfillmentModule
  payment: MedusaPaymentModule
  order: MedusaOrderModule
} = medusa
