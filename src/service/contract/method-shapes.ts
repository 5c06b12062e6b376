import type { FindConfig } from "../../persistence/find-config"
import type { Filters } from "../../persistence/filters"
import type { CartContext } from "../../persistence/unit-of-work"
import type { LinkableKeys } from "../linkable-keys"

// Each overload set of the facade, declared once: the facade's methods are typed through these, so
// `createLineItems` and `createCreditLines` cannot drift apart by an overload.

/** `retrieve<Model>(id, config?, sharedContext?)`: one row by id. */
export interface RetrieveMethod<D> {
  /** Retrieves one row by id. @throws NotFoundError when it does not exist. */
  (id: string, config?: FindConfig<D>, sharedContext?: CartContext): Promise<D>
}

/** `list<Models>(filters?, config?, sharedContext?)`. */
export interface ListMethod<D> {
  /** Lists the rows matching `filters` (equality, arrays, null, `$`-operators, `$and`/`$or`). */
  (filters?: Filters, config?: FindConfig<D>, sharedContext?: CartContext): Promise<D[]>
}

/** `listAndCount<Models>(filters?, config?, sharedContext?)`: a page and the count of every match. */
export interface ListAndCountMethod<D> {
  /** Lists the rows matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  (filters?: Filters, config?: FindConfig<D>, sharedContext?: CartContext): Promise<[D[], number]>
}

/** One in, one out; a list in, a list out (`create*`, `updateAddresses`). */
export interface OneOrManyMethod<I, D> {
  /** Writes one row and returns it. @throws InvalidDataError, NotFoundError */
  (data: I, sharedContext?: CartContext): Promise<D>
  /** Writes every row of the list and returns them in order. @throws InvalidDataError, NotFoundError */
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
  /** Updates the row with this id. @throws NotFoundError, InvalidDataError */
  (id: string, data: Partial<U>, sharedContext?: CartContext): Promise<D>
  /** Updates every row matching `selector` with the same data. @throws InvalidDataError */
  (selector: Filters, data: Partial<U>, sharedContext?: CartContext): Promise<D[]>
  /** Updates each `{ id, ... }` (or each `{ selector, data }`) of the list. @throws NotFoundError, InvalidDataError */
  (data: (Partial<U> & { id: string })[] | { selector: Filters; data: Partial<U> }[], sharedContext?: CartContext): Promise<D[]>
}

/** `add<Children>` of a cart's own children: one, many (each naming its cart), or `(cartId, list)`; always a list back. */
export interface AddCartChildrenMethod<C, D> {
  /** Adds one row to the cart it names; locks the cart. @throws InvalidDataError, NotFoundError */
  (data: C, sharedContext?: CartContext): Promise<D[]>
  /** Adds rows, each to the cart it names; locks each cart. @throws InvalidDataError, NotFoundError */
  (data: C[], sharedContext?: CartContext): Promise<D[]>
  /** Adds rows to cart `cartId`; locks it. @throws InvalidDataError, NotFoundError */
  (cartId: string, data: Omit<C, "cart_id">[], sharedContext?: CartContext): Promise<D[]>
}

/** `add<Children>` of a line's adjustments or tax lines: `One` is what one plain object returns, `CartData` what `(cartId, …)` takes. */
export interface AddLineChildrenMethod<C, D, One, CartData> {
  /** Adds rows to the lines they name, across carts. @throws InvalidDataError, NotFoundError */
  (data: C[], sharedContext?: CartContext): Promise<D[]>
  /** Adds one row to the line it names. @throws InvalidDataError, NotFoundError */
  (data: C, sharedContext?: CartContext): Promise<One>
  /** Adds rows to lines of cart `cartId` (each must belong to that cart). @throws InvalidDataError, NotFoundError */
  (cartId: string, data: CartData, sharedContext?: CartContext): Promise<D[]>
}

/** `set<Children>(cartId, data)`: replaces a cart's adjustments or tax lines. */
export interface SetMethod<U, D> {
  /** Replaces the cart's rows: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  (cartId: string, data: U[], sharedContext?: CartContext): Promise<D[]>
}

/** `upsert<Children>(data)`: updates entries with an `id`, creates the others. */
export interface UpsertMethod<U, D> {
  /** Updates the entries that have an `id` and creates the others. @throws InvalidDataError */
  (data: U[], sharedContext?: CartContext): Promise<D[]>
}

/** `delete<Models>(ids)`. */
export interface DeleteMethod {
  /** Hard-deletes rows by id (missing ids are ignored). */
  (ids: string | string[], sharedContext?: CartContext): Promise<void>
}

/** `softDelete<Models>` and `restore<Models>`: the affected ids by linkable key. */
export interface SoftDeleteMethod {
  /** Soft-deletes (or restores) rows by id with the children deleted with them; returns the affected ids by linkable key. */
  (ids: string | string[], _config?: unknown, sharedContext?: CartContext): Promise<LinkableKeys>
}
