import type { CartEvent } from "../events/cart-events"
import type { CartContext, UnitOfWork } from "../persistence/unit-of-work"
import { checkPurgeOptions } from "../validation/purge-options"
import type { PurgeCartsOptions } from "../validation/purge-options"
import { Addresses } from "./addresses"
import { addCall, updateCall, updateCartsCall } from "./call-forms"
import { Carts } from "./carts"
import type { CheckoutState, CheckoutStatePatch, LockedCart } from "./checkout-state"
import { CheckoutStates } from "./checkout-states"
import { Children } from "./children"
import type { CartModuleMethods } from "./contract/cart-module-methods"
import { defineMethods } from "./contract/implementations"
import { ModelReads } from "./model-reads"
import { asAdded, oneForAnId, sameShape } from "./one-or-many"
import { PricingLines } from "./pricing-lines"
import { purgeCarts } from "./purge-carts"
import type { PurgeCartsResult } from "./purge-carts"
import type { CartServiceDeps } from "./service-deps"
import { Transactions } from "./transactions"

/** The `ICartModuleService` methods, typed once per overload shape (contract/); defined below from one table. */
// The merge is safe: `defineMethods` below defines every member on the prototype, and its table does not
// compile with one missing.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface CartModuleService extends CartModuleMethods {}

/**
 * The cart module service: Medusa v2's `ICartModuleService` contract over PostgreSQL.
 * Every call is atomic; pass `sharedContext.transactionManager` to join a host transaction.
 *
 * @example
 * const cart = await service.createCarts({ currency_code: "usd", items: [{ title: "Tee", quantity: 1, unit_price: 20 }] })
 * const withTotals = await service.retrieveCart(cart.id, { relations: ["items"] })
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class CartModuleService {
  private readonly unitOfWork: UnitOfWork
  private readonly reads: ModelReads
  private readonly carts: Carts
  private readonly addresses: Addresses
  private readonly children: Children
  private readonly pricingLines: PricingLines
  private readonly checkout: CheckoutStates
  private readonly transactions: Transactions

  constructor(deps: CartServiceDeps) {
    this.unitOfWork = deps.unitOfWork
    this.reads = new ModelReads(deps)
    this.carts = new Carts(deps)
    this.addresses = new Addresses(deps)
    this.children = new Children(deps)
    this.pricingLines = new PricingLines(deps)
    this.checkout = new CheckoutStates(deps.unitOfWork)
    this.transactions = new Transactions(deps.unitOfWork)
  }

  /** Runs several calls in one transaction: pass the given context to each; all commit or none. */
  transaction<T>(work: (sharedContext: CartContext) => Promise<T>): Promise<T> {
    return this.transactions.run(work)
  }

  // ---- cartwright's own: checkout state and locks (not in Medusa's contract) ----

  /**
   * Locks the cart row for the rest of `sharedContext`'s transaction (from {@link transaction})
   * without writing: no version bump, no event. Returns the version to compare with one read earlier.
   * @example await service.transaction(async (ctx) => { const { version } = await service.lockCart(id, ctx) })
   * @throws NotFoundError
   */
  async lockCart(cartId: string, sharedContext?: CartContext): Promise<LockedCart> {
    return this.checkout.lock(cartId, sharedContext)
  }

  /**
   * Hands events to the module's event bus after `sharedContext`'s transaction commits (dropped if it
   * rolls back; at once without a transaction). The flows emit Medusa's workflow events through it
   * (`cart.region_updated`, `cart.customer_transferred`...); it writes nothing.
   * @example await service.emitEvents([cartWorkflowEvent("cart.region_updated", { id: cartId })], ctx)
   * @throws InvalidDataError when `events` is not a list
   */
  async emitEvents(events: readonly CartEvent[], sharedContext?: CartContext): Promise<void> {
    await this.transactions.emitAfterCommit(events, sharedContext)
  }

  /**
   * The module-owned checkout state of a cart: selected payment provider, promotion codes, completion.
   * @example const { completion } = await service.retrieveCheckoutState(cartId)
   * @throws NotFoundError
   */
  async retrieveCheckoutState(cartId: string, sharedContext?: CartContext): Promise<CheckoutState> {
    return this.checkout.retrieve(cartId, sharedContext)
  }

  /**
   * Changes the checkout state under the cart's lock. For trusted server code (the flows): never map
   * a client's request body onto it.
   * @example await service.updateCheckoutState(cartId, { promotion_codes: ["SAVE10"] }, ctx)
   * @throws NotFoundError
   */
  async updateCheckoutState(cartId: string, patch: CheckoutStatePatch, sharedContext?: CartContext): Promise<CheckoutState> {
    return this.checkout.update(cartId, patch, sharedContext)
  }

  /**
   * Deletes (or soft-deletes) carts inactive for longer than `inactiveFor` (by `last_active_at`), in
   * batches of `batchSize`, each its own transaction. A cart a writer holds is skipped, never waited
   * for; completed carts stay unless `includeCompleted`. Emits `cart.deleted` per cart after each batch.
   * Not in Medusa's contract; it never joins a host transaction.
   * @example const { carts } = await service.purgeCarts({ inactiveFor: "30d", onBatch: (b) => console.log(b) })
   * @throws InvalidDataError for a malformed duration, batch size or mode (nothing is deleted)
   */
  async purgeCarts(options: PurgeCartsOptions): Promise<PurgeCartsResult> {
    return purgeCarts(this.unitOfWork, checkPurgeOptions(options))
  }

  // Medusa's contract: one delegation per method, each checked against its member's overloads. Every entry
  // is async so that a bad argument rejects the returned promise rather than throwing at the call.
  static {
    defineMethods<CartModuleMethods, CartModuleService>(this, {
      // carts
      retrieveCart: async (s, ...a) => s.reads.retrieve("Cart", ...a),
      listCarts: async (s, ...a) => s.reads.list("Cart", ...a),
      listAndCountCarts: async (s, ...a) => s.reads.listAndCount("Cart", ...a),
      createCarts: async (s, data, ctx?) => sameShape(data, await s.carts.create(data, ctx)),
      updateCarts: async (s, ...a) => oneForAnId(a[0], await s.carts.update(updateCartsCall(a))),
      deleteCarts: async (s, ids, ctx) => s.carts.delete(ids, ctx),
      softDeleteCarts: async (s, ids, _config, ctx) => s.carts.setDeleted(ids, true, ctx),
      restoreCarts: async (s, ids, _config, ctx) => s.carts.setDeleted(ids, false, ctx),
      // addresses
      retrieveAddress: async (s, ...a) => s.reads.retrieve("Address", ...a),
      listAddresses: async (s, ...a) => s.reads.list("Address", ...a),
      listAndCountAddresses: async (s, ...a) => s.reads.listAndCount("Address", ...a),
      createAddresses: async (s, data, ctx?) => sameShape(data, await s.addresses.create(data, ctx)),
      updateAddresses: async (s, data, ctx?) => sameShape(data, await s.addresses.update(data, ctx)),
      deleteAddresses: async (s, ids, ctx) => s.addresses.delete(ids, ctx),
      softDeleteAddresses: async (s, ids, _config, ctx) => s.addresses.setDeleted(ids, true, ctx),
      restoreAddresses: async (s, ids, _config, ctx) => s.addresses.setDeleted(ids, false, ctx),
      // LineItem
      retrieveLineItem: async (s, ...a) => s.reads.retrieve("LineItem", ...a),
      listLineItems: async (s, ...a) => s.reads.list("LineItem", ...a),
      listAndCountLineItems: async (s, ...a) => s.reads.listAndCount("LineItem", ...a),
      addLineItems: async (s, ...a) => s.children.add("LineItem", addCall(a)),
      createLineItems: async (s, data, ctx?) => sameShape(data, await s.children.create("LineItem", data, ctx)),
      updateLineItems: async (s, ...a) => oneForAnId(a[0], await s.children.update("LineItem", updateCall(a))),
      deleteLineItems: async (s, ids, ctx) => s.children.delete("LineItem", ids, ctx),
      softDeleteLineItems: async (s, ids, _config, ctx) => s.children.setDeleted("LineItem", ids, true, ctx),
      restoreLineItems: async (s, ids, _config, ctx) => s.children.setDeleted("LineItem", ids, false, ctx),
      // ShippingMethod
      retrieveShippingMethod: async (s, ...a) => s.reads.retrieve("ShippingMethod", ...a),
      listShippingMethods: async (s, ...a) => s.reads.list("ShippingMethod", ...a),
      listAndCountShippingMethods: async (s, ...a) => s.reads.listAndCount("ShippingMethod", ...a),
      addShippingMethods: async (s, ...a) => s.children.add("ShippingMethod", addCall(a)),
      createShippingMethods: async (s, data, ctx?) => sameShape(data, await s.children.create("ShippingMethod", data, ctx)),
      updateShippingMethods: async (s, ...a) => oneForAnId(a[0], await s.children.update("ShippingMethod", updateCall(a))),
      deleteShippingMethods: async (s, ids, ctx) => s.children.delete("ShippingMethod", ids, ctx),
      softDeleteShippingMethods: async (s, ids, _config, ctx) => s.children.setDeleted("ShippingMethod", ids, true, ctx),
      restoreShippingMethods: async (s, ids, _config, ctx) => s.children.setDeleted("ShippingMethod", ids, false, ctx),
      // LineItemAdjustment
      retrieveLineItemAdjustment: async (s, ...a) => s.reads.retrieve("LineItemAdjustment", ...a),
      listLineItemAdjustments: async (s, ...a) => s.reads.list("LineItemAdjustment", ...a),
      listAndCountLineItemAdjustments: async (s, ...a) => s.reads.listAndCount("LineItemAdjustment", ...a),
      addLineItemAdjustments: async (s, ...a) => s.children.add("LineItemAdjustment", addCall(a)),
      setLineItemAdjustments: async (s, ...a) => s.pricingLines.set("LineItemAdjustment", ...a),
      upsertLineItemAdjustments: async (s, ...a) => s.pricingLines.upsert("LineItemAdjustment", ...a),
      createLineItemAdjustments: async (s, data, ctx?) => sameShape(data, await s.children.create("LineItemAdjustment", data, ctx)),
      updateLineItemAdjustments: async (s, ...a) => oneForAnId(a[0], await s.children.update("LineItemAdjustment", updateCall(a))),
      deleteLineItemAdjustments: async (s, ids, ctx) => s.children.delete("LineItemAdjustment", ids, ctx),
      softDeleteLineItemAdjustments: async (s, ids, _config, ctx) => s.children.setDeleted("LineItemAdjustment", ids, true, ctx),
      restoreLineItemAdjustments: async (s, ids, _config, ctx) => s.children.setDeleted("LineItemAdjustment", ids, false, ctx),
      // LineItemTaxLine
      retrieveLineItemTaxLine: async (s, ...a) => s.reads.retrieve("LineItemTaxLine", ...a),
      listLineItemTaxLines: async (s, ...a) => s.reads.list("LineItemTaxLine", ...a),
      listAndCountLineItemTaxLines: async (s, ...a) => s.reads.listAndCount("LineItemTaxLine", ...a),
      addLineItemTaxLines: async (s, ...a) => asAdded(a[0], await s.children.add("LineItemTaxLine", addCall(a))),
      setLineItemTaxLines: async (s, ...a) => s.pricingLines.set("LineItemTaxLine", ...a),
      upsertLineItemTaxLines: async (s, ...a) => s.pricingLines.upsert("LineItemTaxLine", ...a),
      createLineItemTaxLines: async (s, data, ctx?) => sameShape(data, await s.children.create("LineItemTaxLine", data, ctx)),
      updateLineItemTaxLines: async (s, ...a) => oneForAnId(a[0], await s.children.update("LineItemTaxLine", updateCall(a))),
      deleteLineItemTaxLines: async (s, ids, ctx) => s.children.delete("LineItemTaxLine", ids, ctx),
      softDeleteLineItemTaxLines: async (s, ids, _config, ctx) => s.children.setDeleted("LineItemTaxLine", ids, true, ctx),
      restoreLineItemTaxLines: async (s, ids, _config, ctx) => s.children.setDeleted("LineItemTaxLine", ids, false, ctx),
      // ShippingMethodAdjustment
      retrieveShippingMethodAdjustment: async (s, ...a) => s.reads.retrieve("ShippingMethodAdjustment", ...a),
      listShippingMethodAdjustments: async (s, ...a) => s.reads.list("ShippingMethodAdjustment", ...a),
      listAndCountShippingMethodAdjustments: async (s, ...a) => s.reads.listAndCount("ShippingMethodAdjustment", ...a),
      addShippingMethodAdjustments: async (s, ...a) => asAdded(a[0], await s.children.add("ShippingMethodAdjustment", addCall(a))),
      setShippingMethodAdjustments: async (s, ...a) => s.pricingLines.set("ShippingMethodAdjustment", ...a),
      upsertShippingMethodAdjustments: async (s, ...a) => s.pricingLines.upsert("ShippingMethodAdjustment", ...a),
      createShippingMethodAdjustments: async (s, data, ctx?) =>
        sameShape(data, await s.children.create("ShippingMethodAdjustment", data, ctx)),
      updateShippingMethodAdjustments: async (s, ...a) =>
        oneForAnId(a[0], await s.children.update("ShippingMethodAdjustment", updateCall(a))),
      deleteShippingMethodAdjustments: async (s, ids, ctx) => s.children.delete("ShippingMethodAdjustment", ids, ctx),
      softDeleteShippingMethodAdjustments: async (s, ids, _config, ctx) =>
        s.children.setDeleted("ShippingMethodAdjustment", ids, true, ctx),
      restoreShippingMethodAdjustments: async (s, ids, _config, ctx) => s.children.setDeleted("ShippingMethodAdjustment", ids, false, ctx),
      // ShippingMethodTaxLine
      retrieveShippingMethodTaxLine: async (s, ...a) => s.reads.retrieve("ShippingMethodTaxLine", ...a),
      listShippingMethodTaxLines: async (s, ...a) => s.reads.list("ShippingMethodTaxLine", ...a),
      listAndCountShippingMethodTaxLines: async (s, ...a) => s.reads.listAndCount("ShippingMethodTaxLine", ...a),
      addShippingMethodTaxLines: async (s, ...a) => asAdded(a[0], await s.children.add("ShippingMethodTaxLine", addCall(a))),
      setShippingMethodTaxLines: async (s, ...a) => s.pricingLines.set("ShippingMethodTaxLine", ...a),
      upsertShippingMethodTaxLines: async (s, ...a) => s.pricingLines.upsert("ShippingMethodTaxLine", ...a),
      createShippingMethodTaxLines: async (s, data, ctx?) => sameShape(data, await s.children.create("ShippingMethodTaxLine", data, ctx)),
      updateShippingMethodTaxLines: async (s, ...a) => oneForAnId(a[0], await s.children.update("ShippingMethodTaxLine", updateCall(a))),
      deleteShippingMethodTaxLines: async (s, ids, ctx) => s.children.delete("ShippingMethodTaxLine", ids, ctx),
      softDeleteShippingMethodTaxLines: async (s, ids, _config, ctx) => s.children.setDeleted("ShippingMethodTaxLine", ids, true, ctx),
      restoreShippingMethodTaxLines: async (s, ids, _config, ctx) => s.children.setDeleted("ShippingMethodTaxLine", ids, false, ctx),
      // CreditLine
      retrieveCreditLine: async (s, ...a) => s.reads.retrieve("CreditLine", ...a),
      listCreditLines: async (s, ...a) => s.reads.list("CreditLine", ...a),
      listAndCountCreditLines: async (s, ...a) => s.reads.listAndCount("CreditLine", ...a),
      createCreditLines: async (s, data, ctx?) => sameShape(data, await s.children.create("CreditLine", data, ctx)),
      updateCreditLines: async (s, ...a) => oneForAnId(a[0], await s.children.update("CreditLine", updateCall(a))),
      deleteCreditLines: async (s, ids, ctx) => s.children.delete("CreditLine", ids, ctx),
      softDeleteCreditLines: async (s, ids, _config, ctx) => s.children.setDeleted("CreditLine", ids, true, ctx),
      restoreCreditLines: async (s, ids, _config, ctx) => s.children.setDeleted("CreditLine", ids, false, ctx),
    })
  }
}
