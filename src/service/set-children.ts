import { MODELS } from "../../models"
import { cartEvent } from "../events/cart-events"
import { InvalidDataError, NotFoundError } from "../errors/errors"
import { lockCartsByIds, lockParents } from "../persistence/cart-lock"
import { deleteChildrenExcept } from "../persistence/child-sql"
import { generateIds } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import type { Tx } from "../persistence/unit-of-work"
import { toColumns, updateRowsById } from "../persistence/writer"
import { insertChildRows } from "./child-writes"
import type { ChildSpec } from "./child-specs"
import { missingParentError, notOnCartError } from "./missing-parent"
import { idsOf } from "./row-ids"

type Input = Readonly<Record<string, unknown>>

async function lockAndCheckParents(
  tx: Tx,
  spec: ChildSpec,
  cartId: string | undefined,
  entries: readonly Input[],
): Promise<Map<string, string>> {
  const parentIds = entries.map((entry) => entry[spec.parentColumn]).filter((id): id is string => typeof id === "string")
  const owners = new Map<string, string>()
  if (parentIds.length === 0) {
    if (cartId !== undefined) await lockCartsByIds(tx, MODELS.Cart, [cartId])
    return owners
  }
  const { locked, missing } = await lockParents(tx, spec.parent, parentIds)
  if (missing.length) throw await missingParentError(tx, spec, missing[0]!, cartId, parentIds.indexOf(missing[0]!))
  for (const [parentId, owner] of locked) {
    if (cartId !== undefined && owner.cart_id !== cartId) throw notOnCartError(spec, parentId, cartId, parentIds.indexOf(parentId))
    owners.set(parentId, owner.cart_id)
  }
  if (cartId !== undefined && !owners.size) await lockCartsByIds(tx, MODELS.Cart, [cartId])
  return owners
}

async function writeEntries(
  tx: Tx,
  spec: ChildSpec,
  entries: readonly Input[],
  owners: Map<string, string>,
  cartId?: string,
): Promise<Dto[]> {
  const updates: { id: string; data: Input }[] = []
  const creates: Record<string, unknown>[] = []
  for (const entry of entries) {
    if (typeof entry.id === "string") {
      const { id, cart_id: _cart, ...data } = entry
      // A new parent may sit in another cart: cart_id follows it, or that cart's set* would miss the row.
      const newParent = data[spec.parentColumn]
      updates.push({ id, data: typeof newParent === "string" ? { ...data, cart_id: owners.get(newParent) } : data })
      continue
    }
    const parentId = entry[spec.parentColumn]
    if (typeof parentId !== "string") throw InvalidDataError.because(`${spec.model.name} needs "${spec.parentColumn}"`, [spec.parentColumn])
    creates.push({ ...toColumns(spec.model, entry), id: "", cart_id: owners.get(parentId)! })
  }
  // Ids are handed out sorted once the batch is known, so created rows keep input order (see ids.ts).
  const ids = generateIds(spec.model.idPrefix, creates.length)
  creates.forEach((row, index) => (row.id = ids[index]))
  const updated = await updateRowsById(tx.db, spec.model, updates, cartId)
  const missing = updates.find((update) => !updated.has(update.id))
  if (missing) throw NotFoundError.forIds(spec.model.name, [missing.id])
  const created = await insertChildRows(tx, spec, creates)
  tx.emit(...created.map((row) => cartEvent(spec.event, "created", idsOf(row), tx.ctx.eventGroupId)))
  // Return rows in input order, whether they were updated or created.
  const createdById = new Map(created.map((row) => [String(row.id), row]))
  let nextCreate = 0
  return entries.map((entry) => (typeof entry.id === "string" ? updated.get(entry.id)! : createdById.get(ids[nextCreate++]!)!))
}

/**
 * Replaces a cart's adjustments or tax lines with `entries`: those with an `id` are updated,
 * those without are created, every other one of that cart is deleted. `[]` clears them.
 */
export async function setChildren(tx: Tx, spec: ChildSpec, cartId: string, entries: readonly Input[]): Promise<Dto[]> {
  const owners = await lockAndCheckParents(tx, spec, cartId, entries)
  const keep = entries.map((entry) => entry.id).filter((id): id is string => typeof id === "string")
  const removed = await deleteChildrenExcept(tx.db, spec.model, cartId, keep)
  tx.emit(...removed.map((row) => cartEvent(spec.event, "deleted", { id: row.id, cart_id: cartId }, tx.ctx.eventGroupId)))
  return writeEntries(tx, spec, entries, owners, cartId)
}

/** Updates entries that carry an `id`, creates the others; removes nothing. */
export async function upsertChildren(tx: Tx, spec: ChildSpec, entries: readonly Input[]): Promise<Dto[]> {
  const owners = await lockAndCheckParents(tx, spec, undefined, entries)
  const updateIds = entries.map((entry) => entry.id).filter((id): id is string => typeof id === "string")
  if (updateIds.length) await lockCartsByIds(tx, spec.model, updateIds)
  return writeEntries(tx, spec, entries, owners)
}
