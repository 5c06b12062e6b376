import type { FindConfig } from "../../persistence/find-config"
import type { Filters } from "../../persistence/filters"
import type { CartContext } from "../../persistence/unit-of-work"
import type { LinkableKeys } from "../linkable-keys"

// Each overload set of the facade, declared once: the facade's methods are typed through these, so
// `createLineItems` and `createCreditLines` cannot drift apart by an overload.

/** `retrieve<Model>(id, config?, sharedContext?)`: one row by id. */
export interface RetrieveMethod<D> {
  (id: string, config?: FindConfig<D>, sharedContext?: CartContext): Promise<D>
}

/** `list<Models>(filters?, config?, sharedContext?)`. */
export interface ListMethod<D> {
  (filters?: Filters, config?: FindConfig<D>, sharedContext?: CartContext): Promise<D[]>
}

/** `listAndCount<Models>(filters?, config?, sharedContext?)`: a page and the count of every match. */
export interface ListAndCountMethod<D> {
  (filters?: Filters, config?: FindConfig<D>, sharedContext?: CartContext): Promise<[D[], number]>
}

/** One in, one out; a list in, a list out (`create*`, `updateAddresses`). */
export interface OneOrManyMethod<I, D> {
  (data: I, sharedContext?: CartContext): Promise<D>
  (data: I[], sharedContext?: CartContext): Promise<D[]>
}

/** `updateCarts`: `[{ id, ... }]`, `(id, data)` or `(selector, data)`. */
export interface UpdateCartsMethod<U, UWithId, D> {
  (data: UWithId[], sharedContext?: CartContext): Promise<D[]>
  (cartId: string, data: U, sharedContext?: CartContext): Promise<D>
  (selector: Filters, data: U, sharedContext?: CartContext): Promise<D[]>
}

/** `update<Children>`: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. */
export interface UpdateChildrenMethod<U, D> {
  (id: string, data: Partial<U>, sharedContext?: CartContext): Promise<D>
  (selector: Filters, data: Partial<U>, sharedContext?: CartContext): Promise<D[]>
  (data: (Partial<U> & { id: string })[] | { selector: Filters; data: Partial<U> }[], sharedContext?: CartContext): Promise<D[]>
}

/** `add<Children>` of a cart's own children: one, many (each naming its cart), or `(cartId, list)`; always a list back. */
export interface AddCartChildrenMethod<C, D> {
  (data: C, sharedContext?: CartContext): Promise<D[]>
  (data: C[], sharedContext?: CartContext): Promise<D[]>
  (cartId: string, data: Omit<C, "cart_id">[], sharedContext?: CartContext): Promise<D[]>
}

/** `add<Children>` of a line's adjustments or tax lines: `One` is what one plain object returns, `CartData` what `(cartId, …)` takes. */
export interface AddLineChildrenMethod<C, D, One, CartData> {
  (data: C[], sharedContext?: CartContext): Promise<D[]>
  (data: C, sharedContext?: CartContext): Promise<One>
  (cartId: string, data: CartData, sharedContext?: CartContext): Promise<D[]>
}

/** `set<Children>(cartId, data)`: replaces a cart's adjustments or tax lines. */
export interface SetMethod<U, D> {
  (cartId: string, data: U[], sharedContext?: CartContext): Promise<D[]>
}

/** `upsert<Children>(data)`: updates entries with an `id`, creates the others. */
export interface UpsertMethod<U, D> {
  (data: U[], sharedContext?: CartContext): Promise<D[]>
}

/** `delete<Models>(ids)`. */
export interface DeleteMethod {
  (ids: string | string[], sharedContext?: CartContext): Promise<void>
}

/** `softDelete<Models>` and `restore<Models>`: the affected ids by linkable key. */
export interface SoftDeleteMethod {
  (ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys>
}
