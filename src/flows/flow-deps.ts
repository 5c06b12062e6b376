import type { FulfillmentPort } from "../ports/fulfillment"
import type { GiftCardPort } from "../ports/gift-card"
import type { InventoryPort } from "../ports/inventory"
import type { OrderPort } from "../ports/order"
import type { PaymentPort } from "../ports/payment"
import type { PricingPort } from "../ports/pricing"
import type { ProductCatalogPort } from "../ports/product-catalog"
import type { PromotionPort } from "../ports/promotion"
import type { RegionPort } from "../ports/region"
import type { SalesChannelPort } from "../ports/sales-channel"
import type { TaxPort } from "../ports/tax"
import type { CartModuleService } from "../service/cart-module-service"

/** Everything a flow may call: the cart module plus the host's ports. Each flow asks only for what it uses. */
export interface FlowDeps {
  readonly cart: CartModuleService
  readonly regions: RegionPort
  readonly catalog: ProductCatalogPort
  readonly pricing: PricingPort
  readonly tax: TaxPort
  readonly promotions: PromotionPort
  readonly fulfillment: FulfillmentPort
  readonly payment: PaymentPort
  readonly orders: OrderPort
  readonly salesChannels: SalesChannelPort
  readonly inventory: InventoryPort
  readonly giftCards: GiftCardPort
}

/** What the shared refresh (and so every flow that changes a cart's contents) calls. */
export type RefreshDeps = Pick<FlowDeps, "cart" | "catalog" | "pricing" | "fulfillment" | "tax" | "promotions" | "payment" | "giftCards">
