import type { ModelName } from "../../models"
import type { CartEvent } from "../events/cart-events"
import type { FindConfig } from "../persistence/find-config"
import type { Filters } from "../persistence/filters"
import type { CartContext, UnitOfWork } from "../persistence/unit-of-work"
import { checkPurgeOptions } from "../validation/purge-options"
import type { PurgeCartsOptions } from "../validation/purge-options"
import { Addresses } from "./addresses"
import { addCall, updateCall, updateCartsCall } from "./call-forms"
import type { AddArgs, UpdateArgs } from "./call-forms"
import { Carts } from "./carts"
import type { CheckoutState, CheckoutStatePatch, LockedCart } from "./checkout-state"
import { CheckoutStates } from "./checkout-states"
import type { ChildName } from "./child-specs"
import { Children } from "./children"
import type { CartModuleMethods } from "./contract/cart-module-methods"
import { defineModelMethods } from "./contract/implementations"
import { ModelReads } from "./model-reads"
import { asAdded, oneForAnId, sameShape } from "./one-or-many"
import { PricingLines } from "./pricing-lines"
import type { PricingLineName } from "./pricing-lines"
import { purgeCarts } from "./purge-carts"
import type { PurgeCartsResult } from "./purge-carts"
import type { CartServiceDeps } from "./service-deps"
import { Transactions } from "./transactions"

/** The `ICartModuleService` methods, typed once per overload shape (contract/); defined below from one table. */
// The merge is safe: `defineModelMethods` below defines every member on the prototype, and its table does not
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

  /**
   * Runs several calls in one transaction: pass the given context to each; all commit or none, and their
   * events are published after the COMMIT. The context's `transactionManager` is a handle for this
   * module's calls only; to mix in statements of your own, open the transaction yourself (knex or
   * MikroORM) and pass it as `transactionManager` instead.
   */
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

  // Medusa's contract: one delegation per member, by model and verb, each checked against its member's
  // overloads. Every entry is async so that a bad argument rejects the returned promise rather than throwing
  // at the call. The factories below hold what every model, every child or every pricing line does alike.
  static {
    const reads = <N extends ModelName>(name: N) => ({
      retrieve: async (s: CartModuleService, id: string, config?: FindConfig, ctx?: CartContext) => s.reads.retrieve(name, id, config, ctx),
      list: async (s: CartModuleService, filters?: Filters, config?: FindConfig, ctx?: CartContext) =>
        s.reads.list(name, filters, config, ctx),
      listAndCount: async (s: CartModuleService, filters?: Filters, config?: FindConfig, ctx?: CartContext) =>
        s.reads.listAndCount(name, filters, config, ctx),
    })
    const children = <N extends ChildName>(name: N) => ({
      ...reads(name),
      create: async (s: CartModuleService, data: unknown, ctx?: CartContext) => sameShape(data, await s.children.create(name, data, ctx)),
      update: async (s: CartModuleService, ...a: UpdateArgs) => oneForAnId(a[0], await s.children.update(name, updateCall(a))),
      delete: async (s: CartModuleService, ids: unknown, ctx?: CartContext) => s.children.delete(name, ids, ctx),
      softDelete: async (s: CartModuleService, ids: unknown, _config?: unknown, ctx?: CartContext) =>
        s.children.setDeleted(name, ids, true, ctx),
      restore: async (s: CartModuleService, ids: unknown, _config?: unknown, ctx?: CartContext) =>
        s.children.setDeleted(name, ids, false, ctx),
    })
    const pricingLines = <N extends PricingLineName>(name: N) => ({
      ...children(name),
      set: async (s: CartModuleService, cartId: string, entries: unknown, ctx?: CartContext) =>
        s.pricingLines.set(name, cartId, entries, ctx),
      upsert: async (s: CartModuleService, entries: unknown, ctx?: CartContext) => s.pricingLines.upsert(name, entries, ctx),
    })
    const add =
      <N extends ChildName>(name: N) =>
      async (s: CartModuleService, ...a: AddArgs) =>
        s.children.add(name, addCall(a))
    // Tax lines and shipping method adjustments answer one plain object with one row (Medusa's declared shape).
    const addOneForOne =
      <N extends ChildName>(name: N) =>
      async (s: CartModuleService, ...a: AddArgs) =>
        asAdded(a[0], await s.children.add(name, addCall(a)))
    defineModelMethods<CartModuleMethods, CartModuleService, ModelName>(this, {
      Cart: {
        ...reads("Cart"),
        create: async (s, data, ctx?) => sameShape(data, await s.carts.create(data, ctx)),
        update: async (s, ...a) => oneForAnId(a[0], await s.carts.update(updateCartsCall(a))),
        delete: async (s, ids, ctx) => s.carts.delete(ids, ctx),
        softDelete: async (s, ids, _config, ctx) => s.carts.setDeleted(ids, true, ctx),
        restore: async (s, ids, _config, ctx) => s.carts.setDeleted(ids, false, ctx),
      },
      Address: {
        ...reads("Address"),
        create: async (s, data, ctx?) => sameShape(data, await s.addresses.create(data, ctx)),
        update: async (s, data, ctx?) => sameShape(data, await s.addresses.update(data, ctx)),
        delete: async (s, ids, ctx) => s.addresses.delete(ids, ctx),
        softDelete: async (s, ids, _config, ctx) => s.addresses.setDeleted(ids, true, ctx),
        restore: async (s, ids, _config, ctx) => s.addresses.setDeleted(ids, false, ctx),
      },
      LineItem: { ...children("LineItem"), add: add("LineItem") },
      ShippingMethod: { ...children("ShippingMethod"), add: add("ShippingMethod") },
      CreditLine: children("CreditLine"),
      LineItemAdjustment: { ...pricingLines("LineItemAdjustment"), add: add("LineItemAdjustment") },
      LineItemTaxLine: { ...pricingLines("LineItemTaxLine"), add: addOneForOne("LineItemTaxLine") },
      ShippingMethodAdjustment: { ...pricingLines("ShippingMethodAdjustment"), add: addOneForOne("ShippingMethodAdjustment") },
      ShippingMethodTaxLine: { ...pricingLines("ShippingMethodTaxLine"), add: addOneForOne("ShippingMethodTaxLine") },
    })
  }
}
