// `cartwright/medusa-ports`: the flows' ports over Medusa 2's own modules, taken from the host's container.
export { createMedusaPorts } from "./create-medusa-ports"
export type { MedusaPorts, MedusaPortsOptions } from "./create-medusa-ports"
export { MEDUSA_KEYS } from "./host-container"
export type { HostContainer } from "./host-container"
export type { MedusaQuery } from "./medusa-query"
export { MedusaProductCatalog } from "./product-catalog"
export type { MedusaProduct, MedusaProductCatalogOptions, MedusaProductModule, MedusaProductVariant } from "./product-catalog"
export { MedusaPricing } from "./pricing"
export type {
  CustomerGroupResolver,
  MedusaCalculatedPriceSet,
  MedusaCustomerModule,
  MedusaPricingModule,
  MedusaPricingOptions,
  PriceSetResolver,
} from "./pricing"
export { MedusaTax } from "./tax"
export type { MedusaTaxableItem, MedusaTaxableShipping, MedusaTaxLine, MedusaTaxModule } from "./tax"
export { MedusaPromotions } from "./promotion"
export type { MedusaComputedAction, MedusaPromotionModule } from "./promotion"
export { MedusaRegions } from "./region"
export type { MedusaRegion, MedusaRegionModule, MedusaRegionsOptions } from "./region"
export { MedusaSalesChannels } from "./sales-channel"
export type { MedusaSalesChannelModule } from "./sales-channel"
export { MedusaInventory } from "./inventory"
export type {
  MedusaInventoryLevel,
  MedusaInventoryModule,
  MedusaInventoryOptions,
  MedusaVariantStock,
  StockLocationResolver,
  VariantStockResolver,
} from "./inventory"
export { MedusaFulfillment } from "./fulfillment"
export type {
  FulfillmentSetResolver,
  MedusaFulfillmentModule,
  MedusaFulfillmentOptions,
  MedusaShippingAddress,
  MedusaShippingOption,
  ShippingPriceSetResolver,
} from "./fulfillment"
export { MedusaPayment } from "./payment"
export type { MedusaPaymentModule, MedusaPaymentOptions, MedusaPaymentSession } from "./payment"
export { MedusaCartPaymentCollections } from "./payment-collections"
export type { MedusaLink, PaymentCollectionStore } from "./payment-collections"
export { MedusaOrderCarts, MedusaOrders } from "./order"
export type { MedusaDismissingLink, MedusaOrder, MedusaOrderModule, MedusaOrdersOptions, OrderCartStore } from "./order"
export { MedusaOrderPayments } from "./order-payments"
export type { MedusaSessionLookup } from "./order-payments"
export type {
  MedusaCreateOrderInput,
  MedusaOrderAdjustmentInput,
  MedusaOrderItemInput,
  MedusaOrderShippingInput,
  MedusaOrderTaxLineInput,
} from "./order-input"
export type { MedusaRawAmount } from "./money"
