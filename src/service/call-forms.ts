import type { Filters } from "../persistence/filters"
import type { CartContext } from "../persistence/unit-of-work"

// The call forms of the overloaded methods, as tuples, and how to tell them apart at run time: the one
// place where `(cartId, data, ctx)` and `(data, ctx)` are told apart, for every model.

/** `add*`: `(data, sharedContext?)` or `(cartId, data, sharedContext?)`. */
export type AddArgs = [data: object, sharedContext?: CartContext] | [cartId: string, data: unknown, sharedContext?: CartContext]

/** `update*`: `(id | selector, data, sharedContext?)` or `(list, sharedContext?)`. */
export type UpdateArgs =
  [target: string | Filters, data: unknown, sharedContext?: CartContext] | [data: unknown[], sharedContext?: CartContext]

/** An `add*` call, resolved: the cart it names (if any), the data and the context. */
export interface AddCall {
  readonly cartId: string | undefined
  readonly data: unknown
  readonly ctx: CartContext | undefined
}

/** An `update*` call, resolved: its target (id, selector or list), the data (absent for a list) and the context. */
export interface UpdateCall {
  readonly target: unknown
  readonly data: unknown
  readonly ctx: CartContext | undefined
}

/** A context object (as opposed to update data) is recognised by Medusa's context keys. */
export function isContext(value: unknown): value is CartContext {
  if (typeof value !== "object" || value === null) return false
  return ["transactionManager", "manager", "expectedVersion", "eventGroupId", "allowCompletedCartWrites"].some((key) => key in value)
}

// Data is an object or a list, never a string: a string first argument is the cart id.
function namesCart(args: AddArgs): args is Extract<AddArgs, [string, ...unknown[]]> {
  return typeof args[0] === "string"
}

// Ids are strings and selectors plain objects: an array first argument is the list form.
function isList(args: UpdateArgs): args is Extract<UpdateArgs, [unknown[], ...unknown[]]> {
  return Array.isArray(args[0])
}

/** Resolves `add*`'s overloads. */
export function addCall(args: AddArgs): AddCall {
  if (namesCart(args)) return { cartId: args[0], data: args[1], ctx: args[2] }
  return { cartId: undefined, data: args[0], ctx: args[1] }
}

/**
 * Resolves `update*`'s overloads. `(selector, sharedContext)` (no data) is read as a context when the
 * second argument carries a context key, so the missing data is refused rather than the context written.
 */
export function updateCall(args: UpdateArgs): UpdateCall {
  if (isList(args)) return { target: args[0], data: undefined, ctx: args[1] }
  const [target, second, third] = args
  if (typeof target === "string") return { target, data: second, ctx: third }
  if (second === undefined || isContext(second)) return { target, data: undefined, ctx: second }
  return { target, data: second, ctx: third }
}

/** Resolves `updateCarts`' overloads: `(list, sharedContext?)` or `(id | selector, data, sharedContext?)`, no context sniffing. */
export function updateCartsCall(args: UpdateArgs): UpdateCall {
  if (isList(args)) return { target: args[0], data: undefined, ctx: args[1] }
  return { target: args[0], data: args[1], ctx: args[2] }
}
