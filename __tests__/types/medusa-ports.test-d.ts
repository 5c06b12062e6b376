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

declare const product: IProductModuleService
declare const pricing: IPricingModuleService
declare const customer: ICustomerModuleService
declare const tax: ITaxModuleService
declare const promotion: IPromotionModuleService
declare const region: IRegionModuleService
declare const salesChannel: ISalesChannelModuleService
declare const query: Omit<RemoteQueryFunction, symbol>
declare const inventory: IInventoryService
declare const fulfillment: IFulfillmentModuleService
declare const payment: IPaymentModuleService
declare const order: IOrderModuleService

export const productFits: MedusaProductModule = product
export const pricingFits: MedusaPricingModule = pricing
export const customerFits: MedusaCustomerModule = customer
export const taxFits: MedusaTaxModule = tax
export const promotionFits: MedusaPromotionModule = promotion
export const regionFits: MedusaRegionModule = region
export const salesChannelFits: MedusaSalesChannelModule = salesChannel
export const queryFits: MedusaQuery = query
export const inventoryFits: MedusaInventoryModule = inventory
export const fulfillmentFits: MedusaFulfillmentModule = fulfillment
export const paymentFits: MedusaPaymentModule = payment
export const orderFits: MedusaOrderModule = order
