// The public API: an explicit list of named exports.
export { createCartModule } from "./module/create-cart-module"
export type { CartModule } from "./module/create-cart-module"
export { DEFAULT_TIMEOUTS, validateOptions } from "./module/options"
export type { CartDatabaseOptions, CartModuleOptions, CartTimeoutOptions } from "./module/options"
export { registerCartModule } from "./container/register-cart-module"
export type { RegisterCartModuleOptions } from "./container/register-cart-module"
export { CartModuleService } from "./service/cart-module-service"
export type { LinkableKeys } from "./service/linkable-keys"
export type { CheckoutState, CheckoutStatePatch, CompletionRecord, LockedCart } from "./service/checkout-state"
export type { PurgeCartsResult } from "./service/purge-carts"
export { parseDuration } from "./validation/purge-options"
export type { PurgeBatchProgress, PurgeCartsOptions, PurgeMode } from "./validation/purge-options"
export type { CartContext } from "./persistence/unit-of-work"
export type { FindConfig, OrderBy, OrderDirection } from "./persistence/find-config"
export type { Filters } from "./persistence/filters"
export { CartErrorType, CartModuleError } from "./errors/cart-module-error"
export type { ValidationIssue } from "./errors/cart-module-error"
export {
  CheckConstraintError,
  ConflictError,
  DuplicateError,
  InvalidDataError,
  NotAllowedError,
  NotFoundError,
  UnexpectedStateError,
} from "./errors/errors"
export { cartEvent, cartWorkflowEvent, CartWorkflowEvents, EventEntity } from "./events/cart-events"
export type { CartEvent, CartEventName, CartWorkflowAction, CartWorkflowEventName, EventAction } from "./events/cart-events"
export { InMemoryEventBus, noopEventBus } from "./ports/event-bus"
export type { EventBusPort } from "./ports/event-bus"
export { consoleLogger, createConsoleLogger } from "./ports/logger"
export type { LoggerPort, LogLevel } from "./ports/logger"
export { BigNumber, CURRENCY_MINOR_UNITS, minorUnitOf } from "./money"
export type { BigNumberRawValue } from "./money"
export { bigNumberFactory } from "./money"
export type { BigNumberClass, BigNumberFactory, ExactRawValue } from "./money"
export { computeCartTotals, toTotalsFields } from "./totals"
export type { CartTotals, CartTotalsResult, LineTotals, RoundingMode, TotalsOptions, TotalsRounding } from "./totals"
export { MODELS, ENTITY_SCHEMAS } from "../models"
export { MIGRATIONS } from "../migrations"
export type {
  BigNumberInput,
  AddressFieldsDTO,
  BaseDTO,
  MetadataDTO,
  LineTotalsDTO,
  CartAddressDTO,
  TaxLineDTO,
  AdjustmentDTO,
  LineItemTaxLineDTO,
  LineItemAdjustmentDTO,
  ShippingMethodTaxLineDTO,
  ShippingMethodAdjustmentDTO,
  CartLineItemDTO,
  CartShippingMethodDTO,
  CartCreditLineDTO,
  CartDTO,
  CartOnlyTotalsDTO,
} from "./types/dtos"
export type {
  CreateAddressDTO,
  UpdateAddressDTO,
  CreateLineItemDTO,
  CreateLineItemForCartDTO,
  UpdateLineItemDTO,
  UpdateLineItemWithIdDTO,
  CreateShippingMethodDTO,
  CreateShippingMethodForSingleCartDTO,
  UpdateShippingMethodDTO,
  CreateAdjustmentDTO,
  CreateLineItemAdjustmentDTO,
  CreateShippingMethodAdjustmentDTO,
  UpsertLineItemAdjustmentDTO,
  UpsertShippingMethodAdjustmentDTO,
  CreateTaxLineDTO,
  CreateLineItemTaxLineDTO,
  CreateShippingMethodTaxLineDTO,
  UpsertLineItemTaxLineDTO,
  UpsertShippingMethodTaxLineDTO,
  CreateCreditLineDTO,
  UpdateCreditLineDTO,
  CreateCartDTO,
  UpdateCartDataDTO,
  UpdateCartDTO,
} from "./types/inputs"

// Flows: the seeds' shopping journeys over host ports.
export {
  FULL_CART_RELATIONS,
  addShippingMethod,
  addShippingMethodStep,
  addToCart,
  addToCartStep,
  applyGiftCard,
  applyGiftCardStep,
  applyPromotionCodes,
  applyPromotionCodesStep,
  GIFT_CARD_REFERENCE,
  asFlow,
  authorizePaymentSession,
  authorizePaymentSessionStep,
  completeCart,
  completeCartStep,
  changeAndRefresh,
  createCart,
  createCartStep,
  deletePaymentSession,
  deletePaymentSessionStep,
  giftCardTotals,
  initializePaymentSessions,
  initializePaymentSessionsStep,
  isStaleSession,
  listShippingOptions,
  listShippingOptionsStep,
  mergeCarts,
  mergeCartsStep,
  paymentSessionsOf,
  promotionCodesOf,
  planThenApply,
  refreshCart,
  refreshCartFlow,
  refreshCartStep,
  refreshPaymentSession,
  refreshPaymentSessionStep,
  refreshPaymentSessions,
  refreshPaymentSessionsStep,
  refreshTaxes,
  refreshTaxesStep,
  removeGiftCard,
  removeGiftCardStep,
  removeLineItem,
  removeLineItemStep,
  removePromotionCodes,
  removePromotionCodesStep,
  retrieveFullCart,
  sameMetadata,
  selectPaymentSession,
  selectPaymentSessionStep,
  selectedSessionOf,
  syncPaymentSessions,
  transferCart,
  transferCartStep,
  updateBillingAddress,
  updateBillingAddressStep,
  updateCart,
  updateCartStep,
  updateEmail,
  updateEmailStep,
  updateLineItemQuantity,
  updateLineItemQuantityStep,
  updatePaymentSession,
  updatePaymentSessionStep,
  updateRegion,
  updateRegionStep,
  updateShippingAddress,
  updateSalesChannel,
  updateSalesChannelStep,
  updateShippingAddressStep,
  withCartLock,
} from "./flows"
export type {
  AddShippingMethodCompensation,
  AddShippingMethodInput,
  AddToCartCompensation,
  AddToCartInput,
  CartChanges,
  CartFieldsCompensation,
  CartPatch,
  CartPaymentSession,
  CompleteCartCompensation,
  CompleteCartInput,
  CompleteCartResult,
  CompletionEffects,
  CreateCartInput,
  CustomPricePolicy,
  Flow,
  FlowDeps,
  FlowStep,
  GiftCardCompensation,
  GiftCardInput,
  GiftCardTotals,
  LineChangeCompensation,
  ListShippingOptionsInput,
  MergeCartsCompensation,
  MergeCartsInput,
  MergeCartsResult,
  MergeStrategy,
  PaymentSessionCompensation,
  PaymentSessionFlowInput,
  PromotionCodesInput,
  PromotionCompensation,
  RefreshCartCompensation,
  RefreshCartInput,
  RefreshCartResult,
  RefreshDeps,
  RefreshReport,
  RefreshTaxesCompensation,
  RefreshTaxesInput,
  RemoveLineItemInput,
  RemovedLine,
  RemovedLineReason,
  StepResult,
  TransferCartInput,
  UpdateAddressInput,
  UpdateCartCompensation,
  UpdateCartDeps,
  UpdateCartInput,
  UpdateCartResult,
  UpdateEmailInput,
  UpdateLineItemInput,
  UpdateRegionCompensation,
  UpdateRegionInput,
  UpdateSalesChannelInput,
} from "./flows"

// Host ports, each with an in-memory default.
export { InMemoryFulfillment } from "./ports/fulfillment"
export type { FulfillmentCart, ShippingOption, FulfillmentPort, ShippingOptionEntry } from "./ports/fulfillment"
export { InMemoryOrders } from "./ports/order"
export type { OrderSummary, CreateOrderInput, OrderPort } from "./ports/order"
export { InMemoryPayment } from "./ports/payment"
export type { PaymentSessionStatus, ProviderSession, PaymentSessionInput, PaymentSessionUpdate, PaymentPort } from "./ports/payment"
export { InMemoryPricing } from "./ports/pricing"
export type { PriceQuery, CalculatedPrice, PricingPort, PriceEntry } from "./ports/pricing"
export { InMemoryProductCatalog } from "./ports/product-catalog"
export type { CatalogVariant, ProductCatalogPort } from "./ports/product-catalog"
export { InMemoryPromotions } from "./ports/promotion"
export type { PromotionCart, ComputedAdjustment, PromotionResult, PromotionPort, PromotionEntry, PromotionUsage } from "./ports/promotion"
export { InMemoryInventory, InsufficientStockError } from "./ports/inventory"
export type { InventoryPort, Reservation, ReservationRequest, StockEntry, VariantAvailability } from "./ports/inventory"
export { InMemoryGiftCards } from "./ports/gift-card"
export type { GiftCard, GiftCardPort, GiftCardRedemption } from "./ports/gift-card"
export { InMemorySalesChannels } from "./ports/sales-channel"
export type { SalesChannel, SalesChannelPort } from "./ports/sales-channel"
export { InMemoryRegions } from "./ports/region"
export type { Region, RegionPort } from "./ports/region"
export type { PortLineItem } from "./ports/port-line-item"
export type { PortShippingMethod } from "./ports/port-shipping-method"
export { InMemoryTax } from "./ports/tax"
export type { TaxAddress, TaxQuery, ComputedTaxLine, TaxLines, TaxPort, TaxRateEntry } from "./ports/tax"
