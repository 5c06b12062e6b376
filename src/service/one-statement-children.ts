import { cartEvent } from "../events/cart-events"
import { generateIds } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import { deleteUnderLock, insertUnderLock, replaceUnderLock, updateUnderLock } from "../persistence/single-statement"
import type { LockChecks } from "../persistence/single-statement"
import type { Tx } from "../persistence/unit-of-work"
import { arrayInsertable, toColumns } from "../persistence/writer"
import type { ChildSpec } from "./child-specs"
import { mutableFields, withEmptyChildren } from "./child-writes"
import { hasNestedPricingLines } from "./nested-pricing-lines"

// The one-statement forms of the commonest child writes (issue #10): each resolves to `undefined`
// when its statement wrote nothing, and the caller then runs the general form in child-writes.ts,
// which reports why. They emit the same events and return the same shapes as the general forms.

type Input = Readonly<Record<string, unknown>>

function checksOf(tx: Tx): LockChecks {
  return { expectedVersion: tx.ctx.expectedVersion, allowCompleted: tx.ctx.allowCompletedCartWrites === true, heldCarts: tx.hostHeldCarts }
}

/**
 * Whether `createChildren` may take one statement: children of the cart itself (items, shipping
 * methods, credit lines) for one cart, all with the same fields, and no per-cart row limit (that
 * count must read after the lock was granted, which one statement's snapshot cannot).
 */
export function canCreateInOneStatement(
  spec: ChildSpec,
  inputs: readonly Input[],
  cartId: string | undefined,
  maxPerCart: number | undefined,
): cartId is string {
  if (spec.parentColumn !== "cart_id" || cartId === undefined || maxPerCart !== undefined || inputs.length === 0) return false
  // New items carrying tax lines or adjustments are written by the general path, which creates those too.
  return arrayInsertable(spec.model, inputs) && inputs.every((input) => input.cart_id === cartId) && !hasNestedPricingLines(inputs)
}

/** Creates children of one cart in one statement; see {@link canCreateInOneStatement}. */
export async function createChildrenInOneStatement(
  tx: Tx,
  spec: ChildSpec,
  inputs: readonly Input[],
  cartId: string,
): Promise<Dto[] | undefined> {
  const created = await insertUnderLock(tx.db, spec.model, cartId, newRowsOf(spec, inputs, cartId), checksOf(tx))
  if (!created) return undefined
  tx.emit(...created.map((row) => cartEvent(spec.event, "created", { id: String(row.id), cart_id: cartId }, tx.ctx.eventGroupId)))
  return withEmptyChildren(spec, created)
}

/** The columns of new children of one cart, each with a fresh id. */
function newRowsOf(spec: ChildSpec, inputs: readonly Input[], cartId: string): Record<string, unknown>[] {
  const ids = generateIds(spec.model.idPrefix, inputs.length)
  return inputs.map((input, index) => {
    // toColumns returns a fresh object: assigning onto it spares a spread copy per row.
    const row = toColumns(spec.model, input)
    row.id = ids[index]!
    row.cart_id = cartId
    return row
  })
}

/** Updates one child by id in one statement. */
export async function updateChildInOneStatement(tx: Tx, spec: ChildSpec, id: string, data: Input): Promise<Dto[] | undefined> {
  const updated = await updateUnderLock(tx.db, spec.model, id, mutableFields(data), checksOf(tx))
  if (!updated) return undefined
  tx.emit(cartEvent(spec.event, "updated", { id, cart_id: String(updated.cart_id), changed: Object.keys(data) }, tx.ctx.eventGroupId))
  return [updated]
}

/** Hard-deletes children of one cart by id in one statement. */
export async function deleteChildrenInOneStatement(tx: Tx, spec: ChildSpec, ids: readonly string[]): Promise<true | undefined> {
  const deleted = await deleteUnderLock(tx.db, spec.model, [...new Set(ids)], checksOf(tx))
  if (!deleted) return undefined
  tx.emit(...deleted.map((row) => cartEvent(spec.event, "deleted", { id: row.id, cart_id: row.cart_id }, tx.ctx.eventGroupId)))
  return true
}

/**
 * Replaces a cart's adjustments or tax lines in one statement when every entry is new (no `id`) and
 * names its line; otherwise `undefined` without a statement, and the general `setChildren` runs.
 */
export async function setChildrenInOneStatement(
  tx: Tx,
  spec: ChildSpec,
  cartId: string,
  entries: readonly Input[],
): Promise<Dto[] | undefined> {
  if (spec.parentColumn === "cart_id" || entries.length === 0 || !arrayInsertable(spec.model, entries)) return undefined
  const parentIds: string[] = []
  for (const entry of entries) {
    const parentId = entry[spec.parentColumn]
    if (entry.id !== undefined || typeof parentId !== "string") return undefined
    parentIds.push(parentId)
  }
  const rows = newRowsOf(spec, entries, cartId)
  const replaced = await replaceUnderLock(
    tx.db,
    spec.model,
    { model: spec.parent, ids: [...new Set(parentIds)] },
    cartId,
    rows,
    checksOf(tx),
  )
  if (!replaced) return undefined
  tx.emit(...replaced.removed.map((id) => cartEvent(spec.event, "deleted", { id, cart_id: cartId }, tx.ctx.eventGroupId)))
  tx.emit(...replaced.created.map((row) => cartEvent(spec.event, "created", { id: String(row.id), cart_id: cartId }, tx.ctx.eventGroupId)))
  return replaced.created
}
