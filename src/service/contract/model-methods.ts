import type {
  AddCartChildrenMethod,
  AddLineChildrenMethod,
  DeleteMethod,
  ListAndCountMethod,
  ListMethod,
  OneOrManyMethod,
  RetrieveMethod,
  SetMethod,
  SoftDeleteMethod,
  UpdateChildrenMethod,
  UpsertMethod,
} from "./method-shapes"

// Every model's members are the same verbs with its name, so each family of members is declared once, by
// verb, and named per model. Their docs sit on the call signatures in method-shapes.ts: a mapped type drops
// a member's own doc comment, but a call still shows its signature's.

/** The verbs of the contract; a member's name is a verb and a model's name (`listAndCount` + `LineItems`). */
export type Verb =
  "retrieve" | "list" | "listAndCount" | "add" | "set" | "upsert" | "create" | "update" | "delete" | "softDelete" | "restore"

/** A model's name in the plural, as the contract spells it. */
type Plural<N extends string> = N extends "Address" ? "Addresses" : `${N}s`

/** The member for verb `V` of model `N`: `retrieve` names one row, every other verb many. */
export type MemberName<V extends Verb, N extends string> = V extends "retrieve" ? `retrieve${N}` : `${V}${Plural<N>}`

/** A family of members by verb, named for model `N`: `{ list: L }` becomes `{ listLineItems: L }`. */
export type NamedMethods<F, N extends string> = { [V in keyof F & Verb as MemberName<V, N>]: F[V] }

/** What every model has: reads, create, hard and soft delete. */
export interface ModelFamily<D, C> {
  retrieve: RetrieveMethod<D>
  list: ListMethod<D>
  listAndCount: ListAndCountMethod<D>
  create: OneOrManyMethod<C, D>
  delete: DeleteMethod
  softDelete: SoftDeleteMethod
  restore: SoftDeleteMethod
}

/** A model under a cart or a line: updated by id, by selector or by list. */
export interface ChildFamily<D, C, U> extends ModelFamily<D, C> {
  update: UpdateChildrenMethod<U, D>
}

/** A cart's own line (line items, shipping methods): added to a cart. */
export interface CartLineFamily<D, C, U> extends ChildFamily<D, C, U> {
  add: AddCartChildrenMethod<C, D>
}

/**
 * A line's adjustments or tax lines: added to lines, replaced per cart (`set`) and upserted. `One` is what `add`
 * answers one plain object with, `CartData` what `add(cartId, …)` takes: Medusa declares them apart per model.
 */
export interface PricingLineFamily<D, C, U, One = D, CartData = C[]> extends ChildFamily<D, C, U> {
  add: AddLineChildrenMethod<C, D, One, CartData>
  set: SetMethod<U, D>
  upsert: UpsertMethod<U, D>
}

/** Tax lines (of items or shipping methods): Medusa's `add(cartId, …)` takes one of them or a list. */
export type TaxLineFamily<D, C, U> = PricingLineFamily<D, C, U, D, C | C[]>
