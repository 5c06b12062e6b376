/**
 * Type test (ratchet): members of the facade that are assignable to @medusajs/types 2.21's `ICartModuleService`
 * member as Medusa declares it, with no widening at all (medusa-contract.test-d.ts compares the rest with its
 * documented widenings). Type-checked by `npm run typecheck`; nothing here runs.
 *
 * Not yet plainly assignable (issue #11, item 6), by cause:
 * - returns: Medusa declares on-demand keys as always present (`total`, `raw_*`, `gift_card_total`, back-relations
 *   `item`/`shipping_method`) and nullable columns as `field?: T`, where ours say optional and `T | null`;
 * - money inputs: Medusa's `BigNumberInput` admits bignumber.js values, which our reader refuses;
 * - overload order: createCarts/createAddresses declare the array overload first in Medusa's interface;
 * - restore*: Medusa's generic `Promise<void | Record<TReturnableLinkableKeys, string[]>>`.
 * Move a member here once it passes.
 */
import type { ICartModuleService } from "@medusajs/types"
import type { CartModuleService } from "../../src/service/cart-module-service"

declare const service: CartModuleService

/** The members that already match Medusa's declaration exactly. */
export const plainlyAssignable: Pick<
  ICartModuleService,
  | "deleteAddresses"
  | "deleteCarts"
  | "deleteLineItemAdjustments"
  | "deleteLineItemTaxLines"
  | "deleteLineItems"
  | "deleteShippingMethodAdjustments"
  | "deleteShippingMethodTaxLines"
  | "deleteShippingMethods"
> = service
