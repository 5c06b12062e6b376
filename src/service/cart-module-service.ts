import type { FindConfig } from "../persistence/find-config"
import type { Filters } from "../persistence/filters"
import type { CartContext } from "../persistence/unit-of-work"
import type {
  CartAddressDTO,
  CartCreditLineDTO,
  CartDTO,
  CartLineItemDTO,
  CartShippingMethodDTO,
  LineItemAdjustmentDTO,
  LineItemTaxLineDTO,
  ShippingMethodAdjustmentDTO,
  ShippingMethodTaxLineDTO,
} from "../types/dtos"
import type {
  CreateAddressDTO,
  CreateCartDTO,
  CreateCreditLineDTO,
  CreateLineItemAdjustmentDTO,
  CreateLineItemForCartDTO,
  CreateLineItemTaxLineDTO,
  CreateShippingMethodAdjustmentDTO,
  CreateShippingMethodDTO,
  CreateShippingMethodTaxLineDTO,
  UpdateAddressDTO,
  UpdateCartDataDTO,
  UpdateCartDTO,
  UpdateCreditLineDTO,
  UpdateLineItemWithIdDTO,
  UpdateShippingMethodDTO,
  UpsertLineItemAdjustmentDTO,
  UpsertLineItemTaxLineDTO,
  UpsertShippingMethodAdjustmentDTO,
  UpsertShippingMethodTaxLineDTO,
} from "../types/inputs"
import { CartModuleCore } from "./cart-module-core"
import { oneForAnId, sameShape } from "./one-or-many"
import type { LinkableKeys } from "./cart-module-core"
import { lockCartRow, readCheckoutState, writeCheckoutState } from "./checkout-state"
import { requireData, requireId } from "../validation/arguments"
import type { CheckoutState, CheckoutStatePatch, LockedCart } from "./checkout-state"
import type { CartEvent } from "../events/cart-events"
import { InvalidDataError } from "../errors/errors"
import { purgeCarts } from "./purge-carts"
import type { PurgeCartsResult } from "./purge-carts"
import { checkPurgeOptions } from "../validation/purge-options"
import type { PurgeCartsOptions } from "../validation/purge-options"

/** A context object (as opposed to update data) is recognised by Medusa's context keys. */
function isContext(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false
  return ["transactionManager", "manager", "expectedVersion", "eventGroupId", "allowCompletedCartWrites"].some((key) => key in value)
}

/**
 * The cart module service: Medusa v2's `ICartModuleService` contract over PostgreSQL.
 * Every call is atomic; pass `sharedContext.transactionManager` to join a host transaction.
 *
 * @example
 * const cart = await service.createCarts({ currency_code: "usd", items: [{ title: "Tee", quantity: 1, unit_price: 20 }] })
 * const withTotals = await service.retrieveCart(cart.id, { relations: ["items"] })
 */
export class CartModuleService extends CartModuleCore {
  // ---- carts ----

  /** Retrieves a cart; totals are computed when `select` names one, `*`, or is absent. @throws NotFoundError */
  async retrieveCart(id: string, config?: FindConfig<CartDTO>, sharedContext?: CartContext): Promise<CartDTO> {
    return this.retrieve_("Cart", id, config, sharedContext)
  }

  /** Lists carts matching `filters` (equality, arrays, null, `$`-operators, `$and`/`$or`). */
  async listCarts(filters?: Filters, config?: FindConfig<CartDTO>, sharedContext?: CartContext): Promise<CartDTO[]> {
    return this.list_("Cart", filters, config, sharedContext)
  }

  /** Lists carts and counts every match, in one statement. */
  async listAndCountCarts(filters?: Filters, config?: FindConfig<CartDTO>, sharedContext?: CartContext): Promise<[CartDTO[], number]> {
    return this.listAndCount_("Cart", filters, config, sharedContext)
  }

  /** Creates one cart or many, with nested `items`, `shipping_address` and `billing_address`. @throws InvalidDataError */
  createCarts(data: CreateCartDTO, sharedContext?: CartContext): Promise<CartDTO>
  createCarts(data: CreateCartDTO[], sharedContext?: CartContext): Promise<CartDTO[]>
  async createCarts(data: CreateCartDTO | CreateCartDTO[], sharedContext?: CartContext): Promise<CartDTO | CartDTO[]> {
    const rows = await this.createCarts_(data, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates carts: `[{ id, ... }]`, `(id, data)` or `(selector, data)` (every matching cart). @throws NotFoundError, ConflictError */
  updateCarts(data: UpdateCartDTO[], sharedContext?: CartContext): Promise<CartDTO[]>
  updateCarts(cartId: string, data: UpdateCartDataDTO, sharedContext?: CartContext): Promise<CartDTO>
  updateCarts(selector: Filters, data: UpdateCartDataDTO, sharedContext?: CartContext): Promise<CartDTO[]>
  async updateCarts(first: string | Filters | UpdateCartDTO[], second?: unknown, third?: CartContext): Promise<CartDTO | CartDTO[]> {
    const ctx = Array.isArray(first) ? (second as CartContext | undefined) : third
    const rows = await this.updateCarts_(first, Array.isArray(first) ? undefined : second, ctx)
    return oneForAnId(first, rows)
  }

  /** Hard-deletes carts and everything in them. */
  async deleteCarts(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteCarts_(ids, sharedContext)
  }

  /** Soft-deletes carts with all their children; `restoreCarts` brings them back. */
  async softDeleteCarts(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setCartsDeleted_(ids, true, sharedContext)
  }

  /** Restores soft-deleted carts and the children deleted with them. */
  async restoreCarts(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setCartsDeleted_(ids, false, sharedContext)
  }

  // ---- addresses ----

  /** Retrieves one address. @throws NotFoundError */
  async retrieveAddress(id: string, config?: FindConfig<CartAddressDTO>, sharedContext?: CartContext): Promise<CartAddressDTO> {
    return this.retrieve_("Address", id, config, sharedContext)
  }

  /** Lists addresses. */
  async listAddresses(filters?: Filters, config?: FindConfig<CartAddressDTO>, sharedContext?: CartContext): Promise<CartAddressDTO[]> {
    return this.list_("Address", filters, config, sharedContext)
  }

  /** Lists and counts addresses. */
  async listAndCountAddresses(
    filters?: Filters,
    config?: FindConfig<CartAddressDTO>,
    sharedContext?: CartContext,
  ): Promise<[CartAddressDTO[], number]> {
    return this.listAndCount_("Address", filters, config, sharedContext)
  }

  /** Creates standalone addresses. */
  createAddresses(data: CreateAddressDTO, sharedContext?: CartContext): Promise<CartAddressDTO>
  createAddresses(data: CreateAddressDTO[], sharedContext?: CartContext): Promise<CartAddressDTO[]>
  async createAddresses(
    data: CreateAddressDTO | CreateAddressDTO[],
    sharedContext?: CartContext,
  ): Promise<CartAddressDTO | CartAddressDTO[]> {
    return sameShape(data, await this.createAddresses_(data, sharedContext))
  }

  /** Updates addresses by id. @throws NotFoundError */
  updateAddresses(data: UpdateAddressDTO, sharedContext?: CartContext): Promise<CartAddressDTO>
  updateAddresses(data: UpdateAddressDTO[], sharedContext?: CartContext): Promise<CartAddressDTO[]>
  async updateAddresses(
    data: UpdateAddressDTO | UpdateAddressDTO[],
    sharedContext?: CartContext,
  ): Promise<CartAddressDTO | CartAddressDTO[]> {
    return sameShape(data, await this.updateAddresses_(data, sharedContext))
  }

  /** Hard-deletes addresses. */
  async deleteAddresses(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteAddresses_(ids, sharedContext)
  }

  /** Soft-deletes addresses. */
  async softDeleteAddresses(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setAddressesDeleted_(ids, true, sharedContext)
  }

  /** Restores soft-deleted addresses. */
  async restoreAddresses(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setAddressesDeleted_(ids, false, sharedContext)
  }

  // ---- line items ----
  /** Retrieves one line item by id. @throws NotFoundError when it does not exist. */
  async retrieveLineItem(id: string, config?: FindConfig<CartLineItemDTO>, sharedContext?: CartContext): Promise<CartLineItemDTO> {
    return this.retrieve_("LineItem", id, config, sharedContext)
  }

  /** Lists line items matching `filters`. */
  async listLineItems(filters?: Filters, config?: FindConfig<CartLineItemDTO>, sharedContext?: CartContext): Promise<CartLineItemDTO[]> {
    return this.list_("LineItem", filters, config, sharedContext)
  }

  /** Lists line items matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  async listAndCountLineItems(
    filters?: Filters,
    config?: FindConfig<CartLineItemDTO>,
    sharedContext?: CartContext,
  ): Promise<[CartLineItemDTO[], number]> {
    return this.listAndCount_("LineItem", filters, config, sharedContext)
  }

  /** Adds line items: one, many (each naming its cart), or `(cartId, list)`. Locks each cart. */
  addLineItems(data: CreateLineItemForCartDTO, sharedContext?: CartContext): Promise<CartLineItemDTO[]>
  addLineItems(data: CreateLineItemForCartDTO[], sharedContext?: CartContext): Promise<CartLineItemDTO[]>
  addLineItems(cartId: string, data: Omit<CreateLineItemForCartDTO, "cart_id">[], sharedContext?: CartContext): Promise<CartLineItemDTO[]>
  async addLineItems(
    first: string | CreateLineItemForCartDTO | CreateLineItemForCartDTO[],
    second?: unknown,
    sharedContext?: CartContext,
  ): Promise<CartLineItemDTO[]> {
    return this.createChildren_("LineItem", first, second, typeof first === "string" ? sharedContext : (second as CartContext | undefined))
  }

  /** Creates line items (the generic create; each names its parent). */
  createLineItems(data: CreateLineItemForCartDTO, sharedContext?: CartContext): Promise<CartLineItemDTO>
  createLineItems(data: CreateLineItemForCartDTO[], sharedContext?: CartContext): Promise<CartLineItemDTO[]>
  async createLineItems(
    data: CreateLineItemForCartDTO | CreateLineItemForCartDTO[],
    sharedContext?: CartContext,
  ): Promise<CartLineItemDTO | CartLineItemDTO[]> {
    const rows = await this.createChildren_("LineItem", data, undefined, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates line items: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
  updateLineItems(id: string, data: Partial<UpdateLineItemWithIdDTO>, sharedContext?: CartContext): Promise<CartLineItemDTO>
  updateLineItems(selector: Filters, data: Partial<UpdateLineItemWithIdDTO>, sharedContext?: CartContext): Promise<CartLineItemDTO[]>
  updateLineItems(
    data: (Partial<UpdateLineItemWithIdDTO> & { id: string })[] | { selector: Filters; data: Partial<UpdateLineItemWithIdDTO> }[],
    sharedContext?: CartContext,
  ): Promise<CartLineItemDTO[]>
  async updateLineItems(
    first: string | Filters | unknown[],
    second?: unknown,
    third?: CartContext,
  ): Promise<CartLineItemDTO | CartLineItemDTO[]> {
    const isData = typeof first === "string" || (!Array.isArray(first) && second !== undefined && !isContext(second))
    const rows = await this.updateChildren_(
      "LineItem",
      first,
      isData ? second : undefined,
      isData ? third : (second as CartContext | undefined),
    )
    return oneForAnId(first, rows)
  }

  /** Hard-deletes line items by id (missing ids are ignored). */
  async deleteLineItems(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteChildren_("LineItem", ids, sharedContext)
  }

  /** Soft-deletes line items (and their children); returns the affected ids by linkable key. */
  async softDeleteLineItems(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("LineItem", ids, true, sharedContext)
  }

  /** Restores soft-deleted line items and the children deleted with them. */
  async restoreLineItems(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("LineItem", ids, false, sharedContext)
  }

  // ---- shipping methods ----
  /** Retrieves one shipping method by id. @throws NotFoundError when it does not exist. */
  async retrieveShippingMethod(
    id: string,
    config?: FindConfig<CartShippingMethodDTO>,
    sharedContext?: CartContext,
  ): Promise<CartShippingMethodDTO> {
    return this.retrieve_("ShippingMethod", id, config, sharedContext)
  }

  /** Lists shipping methods matching `filters`. */
  async listShippingMethods(
    filters?: Filters,
    config?: FindConfig<CartShippingMethodDTO>,
    sharedContext?: CartContext,
  ): Promise<CartShippingMethodDTO[]> {
    return this.list_("ShippingMethod", filters, config, sharedContext)
  }

  /** Lists shipping methods matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  async listAndCountShippingMethods(
    filters?: Filters,
    config?: FindConfig<CartShippingMethodDTO>,
    sharedContext?: CartContext,
  ): Promise<[CartShippingMethodDTO[], number]> {
    return this.listAndCount_("ShippingMethod", filters, config, sharedContext)
  }

  /** Adds shipping methods: one, many (each naming its cart), or `(cartId, list)`. Locks each cart. */
  addShippingMethods(data: CreateShippingMethodDTO, sharedContext?: CartContext): Promise<CartShippingMethodDTO[]>
  addShippingMethods(data: CreateShippingMethodDTO[], sharedContext?: CartContext): Promise<CartShippingMethodDTO[]>
  addShippingMethods(
    cartId: string,
    data: Omit<CreateShippingMethodDTO, "cart_id">[],
    sharedContext?: CartContext,
  ): Promise<CartShippingMethodDTO[]>
  async addShippingMethods(
    first: string | CreateShippingMethodDTO | CreateShippingMethodDTO[],
    second?: unknown,
    sharedContext?: CartContext,
  ): Promise<CartShippingMethodDTO[]> {
    return this.createChildren_(
      "ShippingMethod",
      first,
      second,
      typeof first === "string" ? sharedContext : (second as CartContext | undefined),
    )
  }

  /** Creates shipping methods (the generic create; each names its parent). */
  createShippingMethods(data: CreateShippingMethodDTO, sharedContext?: CartContext): Promise<CartShippingMethodDTO>
  createShippingMethods(data: CreateShippingMethodDTO[], sharedContext?: CartContext): Promise<CartShippingMethodDTO[]>
  async createShippingMethods(
    data: CreateShippingMethodDTO | CreateShippingMethodDTO[],
    sharedContext?: CartContext,
  ): Promise<CartShippingMethodDTO | CartShippingMethodDTO[]> {
    const rows = await this.createChildren_("ShippingMethod", data, undefined, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates shipping methods: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
  updateShippingMethods(id: string, data: Partial<UpdateShippingMethodDTO>, sharedContext?: CartContext): Promise<CartShippingMethodDTO>
  updateShippingMethods(
    selector: Filters,
    data: Partial<UpdateShippingMethodDTO>,
    sharedContext?: CartContext,
  ): Promise<CartShippingMethodDTO[]>
  updateShippingMethods(
    data: (Partial<UpdateShippingMethodDTO> & { id: string })[] | { selector: Filters; data: Partial<UpdateShippingMethodDTO> }[],
    sharedContext?: CartContext,
  ): Promise<CartShippingMethodDTO[]>
  async updateShippingMethods(
    first: string | Filters | unknown[],
    second?: unknown,
    third?: CartContext,
  ): Promise<CartShippingMethodDTO | CartShippingMethodDTO[]> {
    const isData = typeof first === "string" || (!Array.isArray(first) && second !== undefined && !isContext(second))
    const rows = await this.updateChildren_(
      "ShippingMethod",
      first,
      isData ? second : undefined,
      isData ? third : (second as CartContext | undefined),
    )
    return oneForAnId(first, rows)
  }

  /** Hard-deletes shipping methods by id (missing ids are ignored). */
  async deleteShippingMethods(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteChildren_("ShippingMethod", ids, sharedContext)
  }

  /** Soft-deletes shipping methods (and their children); returns the affected ids by linkable key. */
  async softDeleteShippingMethods(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("ShippingMethod", ids, true, sharedContext)
  }

  /** Restores soft-deleted shipping methods and the children deleted with them. */
  async restoreShippingMethods(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("ShippingMethod", ids, false, sharedContext)
  }

  // ---- line item adjustments ----
  /** Retrieves one line item adjustment by id. @throws NotFoundError when it does not exist. */
  async retrieveLineItemAdjustment(
    id: string,
    config?: FindConfig<LineItemAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO> {
    return this.retrieve_("LineItemAdjustment", id, config, sharedContext)
  }

  /** Lists line item adjustments matching `filters`. */
  async listLineItemAdjustments(
    filters?: Filters,
    config?: FindConfig<LineItemAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO[]> {
    return this.list_("LineItemAdjustment", filters, config, sharedContext)
  }

  /** Lists line item adjustments matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  async listAndCountLineItemAdjustments(
    filters?: Filters,
    config?: FindConfig<LineItemAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<[LineItemAdjustmentDTO[], number]> {
    return this.listAndCount_("LineItemAdjustment", filters, config, sharedContext)
  }

  /** Adds line item adjustments: a list spanning carts, or `(cartId, list)` (each must belong to that cart). */
  addLineItemAdjustments(data: CreateLineItemAdjustmentDTO[], sharedContext?: CartContext): Promise<LineItemAdjustmentDTO[]>
  addLineItemAdjustments(data: CreateLineItemAdjustmentDTO, sharedContext?: CartContext): Promise<LineItemAdjustmentDTO[]>
  addLineItemAdjustments(cartId: string, data: CreateLineItemAdjustmentDTO[], sharedContext?: CartContext): Promise<LineItemAdjustmentDTO[]>
  async addLineItemAdjustments(
    first: string | CreateLineItemAdjustmentDTO | CreateLineItemAdjustmentDTO[],
    second?: unknown,
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO[]> {
    return this.createChildren_(
      "LineItemAdjustment",
      first,
      second,
      typeof first === "string" ? sharedContext : (second as CartContext | undefined),
    )
  }

  /** Replaces a cart's line item adjustments: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  async setLineItemAdjustments(
    cartId: string,
    data: UpsertLineItemAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO[]> {
    return this.setChildren_("LineItemAdjustment", cartId, data, sharedContext)
  }

  /** Updates entries that have an `id` and creates the others. */
  async upsertLineItemAdjustments(data: UpsertLineItemAdjustmentDTO[], sharedContext?: CartContext): Promise<LineItemAdjustmentDTO[]> {
    return this.upsertChildren_("LineItemAdjustment", data, sharedContext)
  }

  /** Creates line item adjustments (the generic create; each names its parent). */
  createLineItemAdjustments(data: CreateLineItemAdjustmentDTO, sharedContext?: CartContext): Promise<LineItemAdjustmentDTO>
  createLineItemAdjustments(data: CreateLineItemAdjustmentDTO[], sharedContext?: CartContext): Promise<LineItemAdjustmentDTO[]>
  async createLineItemAdjustments(
    data: CreateLineItemAdjustmentDTO | CreateLineItemAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO | LineItemAdjustmentDTO[]> {
    const rows = await this.createChildren_("LineItemAdjustment", data, undefined, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates line item adjustments: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
  updateLineItemAdjustments(
    id: string,
    data: Partial<UpsertLineItemAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO>
  updateLineItemAdjustments(
    selector: Filters,
    data: Partial<UpsertLineItemAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO[]>
  updateLineItemAdjustments(
    data: (Partial<UpsertLineItemAdjustmentDTO> & { id: string })[] | { selector: Filters; data: Partial<UpsertLineItemAdjustmentDTO> }[],
    sharedContext?: CartContext,
  ): Promise<LineItemAdjustmentDTO[]>
  async updateLineItemAdjustments(
    first: string | Filters | unknown[],
    second?: unknown,
    third?: CartContext,
  ): Promise<LineItemAdjustmentDTO | LineItemAdjustmentDTO[]> {
    const isData = typeof first === "string" || (!Array.isArray(first) && second !== undefined && !isContext(second))
    const rows = await this.updateChildren_(
      "LineItemAdjustment",
      first,
      isData ? second : undefined,
      isData ? third : (second as CartContext | undefined),
    )
    return oneForAnId(first, rows)
  }

  /** Hard-deletes line item adjustments by id (missing ids are ignored). */
  async deleteLineItemAdjustments(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteChildren_("LineItemAdjustment", ids, sharedContext)
  }

  /** Soft-deletes line item adjustments (and their children); returns the affected ids by linkable key. */
  async softDeleteLineItemAdjustments(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("LineItemAdjustment", ids, true, sharedContext)
  }

  /** Restores soft-deleted line item adjustments and the children deleted with them. */
  async restoreLineItemAdjustments(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("LineItemAdjustment", ids, false, sharedContext)
  }

  // ---- line item tax lines ----
  /** Retrieves one line item tax line by id. @throws NotFoundError when it does not exist. */
  async retrieveLineItemTaxLine(
    id: string,
    config?: FindConfig<LineItemTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<LineItemTaxLineDTO> {
    return this.retrieve_("LineItemTaxLine", id, config, sharedContext)
  }

  /** Lists line item tax lines matching `filters`. */
  async listLineItemTaxLines(
    filters?: Filters,
    config?: FindConfig<LineItemTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<LineItemTaxLineDTO[]> {
    return this.list_("LineItemTaxLine", filters, config, sharedContext)
  }

  /** Lists line item tax lines matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  async listAndCountLineItemTaxLines(
    filters?: Filters,
    config?: FindConfig<LineItemTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<[LineItemTaxLineDTO[], number]> {
    return this.listAndCount_("LineItemTaxLine", filters, config, sharedContext)
  }

  /** Adds line item tax lines: a list spanning carts, or `(cartId, list)` (each must belong to that cart). */
  addLineItemTaxLines(data: CreateLineItemTaxLineDTO[], sharedContext?: CartContext): Promise<LineItemTaxLineDTO[]>
  addLineItemTaxLines(data: CreateLineItemTaxLineDTO, sharedContext?: CartContext): Promise<LineItemTaxLineDTO>
  addLineItemTaxLines(
    cartId: string,
    data: CreateLineItemTaxLineDTO | CreateLineItemTaxLineDTO[],
    sharedContext?: CartContext,
  ): Promise<LineItemTaxLineDTO[]>
  async addLineItemTaxLines(
    first: string | CreateLineItemTaxLineDTO | CreateLineItemTaxLineDTO[],
    second?: unknown,
    sharedContext?: CartContext,
  ): Promise<LineItemTaxLineDTO | LineItemTaxLineDTO[]> {
    const rows = await this.createChildren_(
      "LineItemTaxLine",
      first,
      second,
      typeof first === "string" ? sharedContext : (second as CartContext | undefined),
    )
    // Medusa returns the one row for one plain object, and a list for a list or `(cartId, ...)`.
    return typeof first === "string" ? rows : sameShape(first, rows)
  }

  /** Replaces a cart's line item tax lines: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  async setLineItemTaxLines(cartId: string, data: UpsertLineItemTaxLineDTO[], sharedContext?: CartContext): Promise<LineItemTaxLineDTO[]> {
    return this.setChildren_("LineItemTaxLine", cartId, data, sharedContext)
  }

  /** Updates entries that have an `id` and creates the others. */
  async upsertLineItemTaxLines(data: UpsertLineItemTaxLineDTO[], sharedContext?: CartContext): Promise<LineItemTaxLineDTO[]> {
    return this.upsertChildren_("LineItemTaxLine", data, sharedContext)
  }

  /** Creates line item tax lines (the generic create; each names its parent). */
  createLineItemTaxLines(data: CreateLineItemTaxLineDTO, sharedContext?: CartContext): Promise<LineItemTaxLineDTO>
  createLineItemTaxLines(data: CreateLineItemTaxLineDTO[], sharedContext?: CartContext): Promise<LineItemTaxLineDTO[]>
  async createLineItemTaxLines(
    data: CreateLineItemTaxLineDTO | CreateLineItemTaxLineDTO[],
    sharedContext?: CartContext,
  ): Promise<LineItemTaxLineDTO | LineItemTaxLineDTO[]> {
    const rows = await this.createChildren_("LineItemTaxLine", data, undefined, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates line item tax lines: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
  updateLineItemTaxLines(id: string, data: Partial<UpsertLineItemTaxLineDTO>, sharedContext?: CartContext): Promise<LineItemTaxLineDTO>
  updateLineItemTaxLines(
    selector: Filters,
    data: Partial<UpsertLineItemTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<LineItemTaxLineDTO[]>
  updateLineItemTaxLines(
    data: (Partial<UpsertLineItemTaxLineDTO> & { id: string })[] | { selector: Filters; data: Partial<UpsertLineItemTaxLineDTO> }[],
    sharedContext?: CartContext,
  ): Promise<LineItemTaxLineDTO[]>
  async updateLineItemTaxLines(
    first: string | Filters | unknown[],
    second?: unknown,
    third?: CartContext,
  ): Promise<LineItemTaxLineDTO | LineItemTaxLineDTO[]> {
    const isData = typeof first === "string" || (!Array.isArray(first) && second !== undefined && !isContext(second))
    const rows = await this.updateChildren_(
      "LineItemTaxLine",
      first,
      isData ? second : undefined,
      isData ? third : (second as CartContext | undefined),
    )
    return oneForAnId(first, rows)
  }

  /** Hard-deletes line item tax lines by id (missing ids are ignored). */
  async deleteLineItemTaxLines(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteChildren_("LineItemTaxLine", ids, sharedContext)
  }

  /** Soft-deletes line item tax lines (and their children); returns the affected ids by linkable key. */
  async softDeleteLineItemTaxLines(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("LineItemTaxLine", ids, true, sharedContext)
  }

  /** Restores soft-deleted line item tax lines and the children deleted with them. */
  async restoreLineItemTaxLines(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("LineItemTaxLine", ids, false, sharedContext)
  }

  // ---- shipping method adjustments ----
  /** Retrieves one shipping method adjustment by id. @throws NotFoundError when it does not exist. */
  async retrieveShippingMethodAdjustment(
    id: string,
    config?: FindConfig<ShippingMethodAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO> {
    return this.retrieve_("ShippingMethodAdjustment", id, config, sharedContext)
  }

  /** Lists shipping method adjustments matching `filters`. */
  async listShippingMethodAdjustments(
    filters?: Filters,
    config?: FindConfig<ShippingMethodAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]> {
    return this.list_("ShippingMethodAdjustment", filters, config, sharedContext)
  }

  /** Lists shipping method adjustments matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  async listAndCountShippingMethodAdjustments(
    filters?: Filters,
    config?: FindConfig<ShippingMethodAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<[ShippingMethodAdjustmentDTO[], number]> {
    return this.listAndCount_("ShippingMethodAdjustment", filters, config, sharedContext)
  }

  /** Adds shipping method adjustments: a list spanning carts, or `(cartId, list)` (each must belong to that cart). */
  addShippingMethodAdjustments(
    data: CreateShippingMethodAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]>
  addShippingMethodAdjustments(data: CreateShippingMethodAdjustmentDTO, sharedContext?: CartContext): Promise<ShippingMethodAdjustmentDTO>
  addShippingMethodAdjustments(
    cartId: string,
    data: CreateShippingMethodAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]>
  async addShippingMethodAdjustments(
    first: string | CreateShippingMethodAdjustmentDTO | CreateShippingMethodAdjustmentDTO[],
    second?: unknown,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO | ShippingMethodAdjustmentDTO[]> {
    const rows = await this.createChildren_(
      "ShippingMethodAdjustment",
      first,
      second,
      typeof first === "string" ? sharedContext : (second as CartContext | undefined),
    )
    // Medusa returns the one row for one plain object, and a list for a list or `(cartId, ...)`.
    return typeof first === "string" ? rows : sameShape(first, rows)
  }

  /** Replaces a cart's shipping method adjustments: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  async setShippingMethodAdjustments(
    cartId: string,
    data: UpsertShippingMethodAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]> {
    return this.setChildren_("ShippingMethodAdjustment", cartId, data, sharedContext)
  }

  /** Updates entries that have an `id` and creates the others. */
  async upsertShippingMethodAdjustments(
    data: UpsertShippingMethodAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]> {
    return this.upsertChildren_("ShippingMethodAdjustment", data, sharedContext)
  }

  /** Creates shipping method adjustments (the generic create; each names its parent). */
  createShippingMethodAdjustments(
    data: CreateShippingMethodAdjustmentDTO,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO>
  createShippingMethodAdjustments(
    data: CreateShippingMethodAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]>
  async createShippingMethodAdjustments(
    data: CreateShippingMethodAdjustmentDTO | CreateShippingMethodAdjustmentDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO | ShippingMethodAdjustmentDTO[]> {
    const rows = await this.createChildren_("ShippingMethodAdjustment", data, undefined, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates shipping method adjustments: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
  updateShippingMethodAdjustments(
    id: string,
    data: Partial<UpsertShippingMethodAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO>
  updateShippingMethodAdjustments(
    selector: Filters,
    data: Partial<UpsertShippingMethodAdjustmentDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]>
  updateShippingMethodAdjustments(
    data:
      | (Partial<UpsertShippingMethodAdjustmentDTO> & { id: string })[]
      | { selector: Filters; data: Partial<UpsertShippingMethodAdjustmentDTO> }[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO[]>
  async updateShippingMethodAdjustments(
    first: string | Filters | unknown[],
    second?: unknown,
    third?: CartContext,
  ): Promise<ShippingMethodAdjustmentDTO | ShippingMethodAdjustmentDTO[]> {
    const isData = typeof first === "string" || (!Array.isArray(first) && second !== undefined && !isContext(second))
    const rows = await this.updateChildren_(
      "ShippingMethodAdjustment",
      first,
      isData ? second : undefined,
      isData ? third : (second as CartContext | undefined),
    )
    return oneForAnId(first, rows)
  }

  /** Hard-deletes shipping method adjustments by id (missing ids are ignored). */
  async deleteShippingMethodAdjustments(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteChildren_("ShippingMethodAdjustment", ids, sharedContext)
  }

  /** Soft-deletes shipping method adjustments (and their children); returns the affected ids by linkable key. */
  async softDeleteShippingMethodAdjustments(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("ShippingMethodAdjustment", ids, true, sharedContext)
  }

  /** Restores soft-deleted shipping method adjustments and the children deleted with them. */
  async restoreShippingMethodAdjustments(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("ShippingMethodAdjustment", ids, false, sharedContext)
  }

  // ---- shipping method tax lines ----
  /** Retrieves one shipping method tax line by id. @throws NotFoundError when it does not exist. */
  async retrieveShippingMethodTaxLine(
    id: string,
    config?: FindConfig<ShippingMethodTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO> {
    return this.retrieve_("ShippingMethodTaxLine", id, config, sharedContext)
  }

  /** Lists shipping method tax lines matching `filters`. */
  async listShippingMethodTaxLines(
    filters?: Filters,
    config?: FindConfig<ShippingMethodTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO[]> {
    return this.list_("ShippingMethodTaxLine", filters, config, sharedContext)
  }

  /** Lists shipping method tax lines matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  async listAndCountShippingMethodTaxLines(
    filters?: Filters,
    config?: FindConfig<ShippingMethodTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<[ShippingMethodTaxLineDTO[], number]> {
    return this.listAndCount_("ShippingMethodTaxLine", filters, config, sharedContext)
  }

  /** Adds shipping method tax lines: a list spanning carts, or `(cartId, list)` (each must belong to that cart). */
  addShippingMethodTaxLines(data: CreateShippingMethodTaxLineDTO[], sharedContext?: CartContext): Promise<ShippingMethodTaxLineDTO[]>
  addShippingMethodTaxLines(data: CreateShippingMethodTaxLineDTO, sharedContext?: CartContext): Promise<ShippingMethodTaxLineDTO>
  addShippingMethodTaxLines(
    cartId: string,
    data: CreateShippingMethodTaxLineDTO | CreateShippingMethodTaxLineDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO[]>
  async addShippingMethodTaxLines(
    first: string | CreateShippingMethodTaxLineDTO | CreateShippingMethodTaxLineDTO[],
    second?: unknown,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO | ShippingMethodTaxLineDTO[]> {
    const rows = await this.createChildren_(
      "ShippingMethodTaxLine",
      first,
      second,
      typeof first === "string" ? sharedContext : (second as CartContext | undefined),
    )
    // Medusa returns the one row for one plain object, and a list for a list or `(cartId, ...)`.
    return typeof first === "string" ? rows : sameShape(first, rows)
  }

  /** Replaces a cart's shipping method tax lines: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  async setShippingMethodTaxLines(
    cartId: string,
    data: UpsertShippingMethodTaxLineDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO[]> {
    return this.setChildren_("ShippingMethodTaxLine", cartId, data, sharedContext)
  }

  /** Updates entries that have an `id` and creates the others. */
  async upsertShippingMethodTaxLines(
    data: UpsertShippingMethodTaxLineDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO[]> {
    return this.upsertChildren_("ShippingMethodTaxLine", data, sharedContext)
  }

  /** Creates shipping method tax lines (the generic create; each names its parent). */
  createShippingMethodTaxLines(data: CreateShippingMethodTaxLineDTO, sharedContext?: CartContext): Promise<ShippingMethodTaxLineDTO>
  createShippingMethodTaxLines(data: CreateShippingMethodTaxLineDTO[], sharedContext?: CartContext): Promise<ShippingMethodTaxLineDTO[]>
  async createShippingMethodTaxLines(
    data: CreateShippingMethodTaxLineDTO | CreateShippingMethodTaxLineDTO[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO | ShippingMethodTaxLineDTO[]> {
    const rows = await this.createChildren_("ShippingMethodTaxLine", data, undefined, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates shipping method tax lines: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
  updateShippingMethodTaxLines(
    id: string,
    data: Partial<UpsertShippingMethodTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO>
  updateShippingMethodTaxLines(
    selector: Filters,
    data: Partial<UpsertShippingMethodTaxLineDTO>,
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO[]>
  updateShippingMethodTaxLines(
    data:
      (Partial<UpsertShippingMethodTaxLineDTO> & { id: string })[] | { selector: Filters; data: Partial<UpsertShippingMethodTaxLineDTO> }[],
    sharedContext?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO[]>
  async updateShippingMethodTaxLines(
    first: string | Filters | unknown[],
    second?: unknown,
    third?: CartContext,
  ): Promise<ShippingMethodTaxLineDTO | ShippingMethodTaxLineDTO[]> {
    const isData = typeof first === "string" || (!Array.isArray(first) && second !== undefined && !isContext(second))
    const rows = await this.updateChildren_(
      "ShippingMethodTaxLine",
      first,
      isData ? second : undefined,
      isData ? third : (second as CartContext | undefined),
    )
    return oneForAnId(first, rows)
  }

  /** Hard-deletes shipping method tax lines by id (missing ids are ignored). */
  async deleteShippingMethodTaxLines(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteChildren_("ShippingMethodTaxLine", ids, sharedContext)
  }

  /** Soft-deletes shipping method tax lines (and their children); returns the affected ids by linkable key. */
  async softDeleteShippingMethodTaxLines(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("ShippingMethodTaxLine", ids, true, sharedContext)
  }

  /** Restores soft-deleted shipping method tax lines and the children deleted with them. */
  async restoreShippingMethodTaxLines(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("ShippingMethodTaxLine", ids, false, sharedContext)
  }

  // ---- credit lines ----
  /** Retrieves one credit line by id. @throws NotFoundError when it does not exist. */
  async retrieveCreditLine(id: string, config?: FindConfig<CartCreditLineDTO>, sharedContext?: CartContext): Promise<CartCreditLineDTO> {
    return this.retrieve_("CreditLine", id, config, sharedContext)
  }

  /** Lists credit lines matching `filters`. */
  async listCreditLines(
    filters?: Filters,
    config?: FindConfig<CartCreditLineDTO>,
    sharedContext?: CartContext,
  ): Promise<CartCreditLineDTO[]> {
    return this.list_("CreditLine", filters, config, sharedContext)
  }

  /** Lists credit lines matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  async listAndCountCreditLines(
    filters?: Filters,
    config?: FindConfig<CartCreditLineDTO>,
    sharedContext?: CartContext,
  ): Promise<[CartCreditLineDTO[], number]> {
    return this.listAndCount_("CreditLine", filters, config, sharedContext)
  }

  /** Creates credit lines (the generic create; each names its parent). */
  createCreditLines(data: CreateCreditLineDTO, sharedContext?: CartContext): Promise<CartCreditLineDTO>
  createCreditLines(data: CreateCreditLineDTO[], sharedContext?: CartContext): Promise<CartCreditLineDTO[]>
  async createCreditLines(
    data: CreateCreditLineDTO | CreateCreditLineDTO[],
    sharedContext?: CartContext,
  ): Promise<CartCreditLineDTO | CartCreditLineDTO[]> {
    const rows = await this.createChildren_("CreditLine", data, undefined, sharedContext)
    return sameShape(data, rows)
  }

  /** Updates credit lines: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
  updateCreditLines(id: string, data: Partial<UpdateCreditLineDTO>, sharedContext?: CartContext): Promise<CartCreditLineDTO>
  updateCreditLines(selector: Filters, data: Partial<UpdateCreditLineDTO>, sharedContext?: CartContext): Promise<CartCreditLineDTO[]>
  updateCreditLines(
    data: (Partial<UpdateCreditLineDTO> & { id: string })[] | { selector: Filters; data: Partial<UpdateCreditLineDTO> }[],
    sharedContext?: CartContext,
  ): Promise<CartCreditLineDTO[]>
  async updateCreditLines(
    first: string | Filters | unknown[],
    second?: unknown,
    third?: CartContext,
  ): Promise<CartCreditLineDTO | CartCreditLineDTO[]> {
    const isData = typeof first === "string" || (!Array.isArray(first) && second !== undefined && !isContext(second))
    const rows = await this.updateChildren_(
      "CreditLine",
      first,
      isData ? second : undefined,
      isData ? third : (second as CartContext | undefined),
    )
    return oneForAnId(first, rows)
  }

  /** Hard-deletes credit lines by id (missing ids are ignored). */
  async deleteCreditLines(ids: string | string[], sharedContext?: CartContext): Promise<void> {
    await this.deleteChildren_("CreditLine", ids, sharedContext)
  }

  /** Soft-deletes credit lines (and their children); returns the affected ids by linkable key. */
  async softDeleteCreditLines(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("CreditLine", ids, true, sharedContext)
  }

  /** Restores soft-deleted credit lines and the children deleted with them. */
  async restoreCreditLines(ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys> {
    return this.setChildrenDeleted_("CreditLine", ids, false, sharedContext)
  }

  // ---- cartwright's own: checkout state and locks (not in Medusa's contract) ----

  /**
   * Locks the cart row for the rest of `sharedContext`'s transaction (from {@link transaction})
   * without writing: no version bump, no event. Returns the version to compare with one read earlier.
   * @example await service.transaction(async (ctx) => { const { version } = await service.lockCart(id, ctx) })
   * @throws NotFoundError
   */
  async lockCart(cartId: string, sharedContext?: CartContext): Promise<LockedCart> {
    const id = requireId(cartId, "cartId")
    return this.write(sharedContext, (tx) => lockCartRow(tx.db, id))
  }

  /**
   * Hands events to the module's event bus after `sharedContext`'s transaction commits (dropped if it
   * rolls back; at once without a transaction). The flows emit Medusa's workflow events through it
   * (`cart.region_updated`, `cart.customer_transferred`...); it writes nothing.
   * @example await service.emitEvents([cartWorkflowEvent("cart.region_updated", { id: cartId })], ctx)
   */
  async emitEvents(events: readonly CartEvent[], sharedContext?: CartContext): Promise<void> {
    if (!Array.isArray(events)) throw InvalidDataError.because("events must be a list", ["events"])
    await this.deps.unitOfWork.emitAfterCommit(sharedContext, events)
  }

  /**
   * The module-owned checkout state of a cart: selected payment provider, promotion codes, completion.
   * @example const { completion } = await service.retrieveCheckoutState(cartId)
   * @throws NotFoundError
   */
  async retrieveCheckoutState(cartId: string, sharedContext?: CartContext): Promise<CheckoutState> {
    const id = requireId(cartId, "cartId")
    return this.read(sharedContext, (db) => readCheckoutState(db, id))
  }

  /**
   * Changes the checkout state under the cart's lock. For trusted server code (the flows): never map
   * a client's request body onto it.
   * @example await service.updateCheckoutState(cartId, { promotion_codes: ["SAVE10"] }, ctx)
   * @throws NotFoundError
   */
  async updateCheckoutState(cartId: string, patch: CheckoutStatePatch, sharedContext?: CartContext): Promise<CheckoutState> {
    const id = requireId(cartId, "cartId")
    requireData(patch, "patch")
    return this.write(sharedContext, (tx) => writeCheckoutState(tx, id, patch))
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
    return purgeCarts(this.deps.unitOfWork, checkPurgeOptions(options))
  }
}
