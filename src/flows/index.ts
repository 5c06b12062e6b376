// The flows layer: each flow as a plain async function and as a step with compensation.
export { asFlow } from "./flow-step"
export type { Flow, FlowStep, StepResult } from "./flow-step"
export type { FlowDeps, RefreshDeps } from "./flow-deps"
export { FULL_CART_RELATIONS, planThenApply, retrieveFullCart, withCartLock } from "./cart-state"
export { createCart, createCartStep } from "./create-cart"
export type { CreateCartInput } from "./create-cart"
export { addToCart, addToCartStep, sameMetadata } from "./add-to-cart"
export type { AddToCartCompensation, AddToCartInput } from "./add-to-cart"
export { removeLineItem, removeLineItemStep, updateLineItemQuantity, updateLineItemQuantityStep } from "./update-line-item"
export type { LineChangeCompensation, RemoveLineItemInput, UpdateLineItemInput } from "./update-line-item"
export {
  updateBillingAddress,
  updateBillingAddressStep,
  updateEmail,
  updateEmailStep,
  updateShippingAddress,
  updateShippingAddressStep,
} from "./update-cart-details"
export type { CartFieldsCompensation, UpdateAddressInput, UpdateEmailInput } from "./update-cart-details"
export { updateCart, updateCartStep } from "./update-cart"
export type { UpdateCartCompensation, UpdateCartResult } from "./update-cart"
export type { UpdateCartDeps, UpdateCartInput } from "./update-cart-plan"
export { updateRegion, updateRegionStep } from "./update-region"
export type { UpdateRegionCompensation, UpdateRegionInput } from "./update-region"
export { addShippingMethod, addShippingMethodStep, listShippingOptions, listShippingOptionsStep } from "./shipping"
export type { AddShippingMethodCompensation, AddShippingMethodInput, ListShippingOptionsInput } from "./shipping"
export { refreshTaxes, refreshTaxesStep } from "./refresh-taxes"
export type { RefreshTaxesCompensation, RefreshTaxesInput } from "./refresh-taxes"
export {
  applyPromotionCodes,
  applyPromotionCodesStep,
  promotionCodesOf,
  removePromotionCodes,
  removePromotionCodesStep,
} from "./promotions"
export type { PromotionCodesInput, PromotionCompensation } from "./promotions"
export {
  authorizePaymentSession,
  authorizePaymentSessionStep,
  deletePaymentSession,
  deletePaymentSessionStep,
  initializePaymentSessions,
  initializePaymentSessionsStep,
  isStaleSession,
  paymentSessionsOf,
  refreshPaymentSession,
  refreshPaymentSessionStep,
  refreshPaymentSessions,
  refreshPaymentSessionsStep,
  selectPaymentSession,
  selectPaymentSessionStep,
  selectedSessionOf,
  updatePaymentSession,
  updatePaymentSessionStep,
} from "./payment-sessions"
export type { CartPaymentSession, PaymentSessionCompensation, PaymentSessionFlowInput } from "./payment-sessions"
export { completeCart, completeCartStep } from "./complete-cart"
export type { CompleteCartCompensation, CompleteCartInput, CompleteCartResult } from "./complete-cart"
export { changeAndRefresh, refreshCart, refreshCartFlow, refreshCartStep, syncPaymentSessions } from "./refresh-cart"
export type { CartPatch, RefreshCartCompensation, RefreshCartInput, RefreshCartResult } from "./refresh-cart"
export type { CartChanges, CustomPricePolicy, RefreshReport, RemovedLine, RemovedLineReason } from "./refresh-plan"
export { updateSalesChannel, updateSalesChannelStep } from "./update-sales-channel"
export type { UpdateSalesChannelInput } from "./update-sales-channel"
export { GIFT_CARD_REFERENCE, giftCardTotals } from "./gift-card-totals"
export type { GiftCardTotals } from "./gift-card-totals"
export { applyGiftCard, applyGiftCardStep, removeGiftCard, removeGiftCardStep } from "./gift-cards"
export type { GiftCardCompensation, GiftCardInput } from "./gift-cards"
export { transferCart, transferCartStep } from "./transfer-cart"
export type { TransferCartInput } from "./transfer-cart"
export { mergeCarts, mergeCartsStep } from "./merge-carts"
export type { MergeCartsCompensation, MergeCartsInput, MergeCartsResult, MergeStrategy } from "./merge-carts"
export type { CompletionEffects } from "./completion-effects"
