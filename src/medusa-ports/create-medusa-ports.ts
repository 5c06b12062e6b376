import type { FulfillmentPort } from "../ports/fulfillment"
import type { InventoryPort } from "../ports/inventory"
import type { OrderPort } from "../ports/order"
import type { PaymentPort } from "../ports/payment"
import type { PricingPort } from "../ports/pricing"
import type { ProductCatalogPort } from "../ports/product-catalog"
import type { PromotionPort } from "../ports/promotion"
import type { RegionPort } from "../ports/region"
import type { SalesChannelPort } from "../ports/sales-channel"
import type { TaxPort } from "../ports/tax"
import type { MedusaFulfillmentOptions } from "./fulfillment"
import { MedusaFulfillment } from "./fulfillment"
import type { HostContainer } from "./host-container"
import type { MedusaInventoryOptions } from "./inventory"
import { MedusaInventory } from "./inventory"
import type { MedusaOrdersOptions } from "./order"
import { MedusaOrders } from "./order"
import type { MedusaPaymentOptions } from "./payment"
import { MedusaPayment } from "./payment"
import type { MedusaPricingOptions } from "./pricing"
import { MedusaPricing } from "./pricing"
import type { MedusaProductCatalogOptions } from "./product-catalog"
import { MedusaProductCatalog } from "./product-catalog"
import { MedusaPromotions } from "./promotion"
import type { MedusaRegionsOptions } from "./region"
import { MedusaRegions } from "./region"
import { MedusaSalesChannels } from "./sales-channel"
import { MedusaTax } from "./tax"

/** Options of {@link createMedusaPorts}, per adapter. */
export interface MedusaPortsOptions {
  readonly catalog?: MedusaProductCatalogOptions
  readonly pricing?: MedusaPricingOptions
  readonly regions?: MedusaRegionsOptions
  readonly inventory?: MedusaInventoryOptions
  readonly fulfillment?: MedusaFulfillmentOptions
  readonly payment?: MedusaPaymentOptions
  readonly orders?: MedusaOrdersOptions
}

/** The ports with a Medusa adapter, keyed as the flows' dependencies are. */
export interface MedusaPorts {
  readonly catalog: ProductCatalogPort
  readonly pricing: PricingPort
  readonly tax: TaxPort
  readonly promotions: PromotionPort
  readonly regions: RegionPort
  readonly salesChannels: SalesChannelPort
  readonly inventory: InventoryPort
  readonly fulfillment: FulfillmentPort
  readonly payment: PaymentPort
  readonly orders: OrderPort
}

/**
 * Every Medusa adapter over one host container, ready to spread into the flows' dependencies:
 * `{ cart, ...createMedusaPorts(container), giftCards }`. Adapters resolve their module on first
 * use, so a host without (say) Medusa's inventory module simply overrides that port after the spread.
 * @example
 * const ports = createMedusaPorts(medusaApp.sharedContainer)
 * const cart = await createCart({ cart: carts, ...ports }, { region_id, items: [{ variant_id, quantity: 2 }] })
 */
export function createMedusaPorts(container: HostContainer, options: MedusaPortsOptions = {}): MedusaPorts {
  return {
    catalog: new MedusaProductCatalog(container, options.catalog),
    pricing: new MedusaPricing(container, options.pricing),
    tax: new MedusaTax(container),
    promotions: new MedusaPromotions(container),
    regions: new MedusaRegions(container, options.regions),
    salesChannels: new MedusaSalesChannels(container),
    inventory: new MedusaInventory(container, options.inventory),
    fulfillment: new MedusaFulfillment(container, options.fulfillment),
    payment: new MedusaPayment(container, options.payment),
    orders: new MedusaOrders(container, options.orders),
  }
}
