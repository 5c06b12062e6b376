import { cartEvent } from "../events/cart-events"
import { emitCascadedDeletes } from "./cascade-events"
import { createNestedPricingLines, hasNestedPricingLines } from "./nested-pricing-lines"
import type { Model } from "../../models"
import { MODELS } from "../../models"
import { InvalidDataError, NotFoundError } from "../errors/errors"
import { lockParents } from "../persistence/cart-lock"
import {
  deleteChildRows,
  firstCartOverLimit,
  insertCountingCartRows,
  insertUnderLiveParent,
  updateLiveRows,
} from "../persistence/child-sql"
import type { Filters } from "../persistence/filters"
import { generateIds } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import type { Tx } from "../persistence/unit-of-work"
import { lockCartsOfMatching } from "../persistence/row-locks"
import { setDeleted } from "../persistence/soft-delete-sql"
import { insertRows, toColumns, updateRowsById } from "../persistence/writer"
import type { ChildSpec } from "./child-specs"
import { missingParentError, notOnCartError } from "./missing-parent"
import { idsOf } from "./row-ids"

type Input = Readonly<Record<string, unknown>>

/** Fields a caller may never change on a child: its identity and where it hangs. */
const IMMUTABLE = new Set(["id", "cart_id", "item_id", "shipping_method_id", "created_at", "updated_at", "deleted_at"])

function emitAll(
  tx: Tx,
  spec: ChildSpec,
  action: "created" | "updated" | "deleted" | "restored",
  rows: readonly Dto[],
  changed?: string[],
): void {
  tx.emit(...rows.map((row) => cartEvent(spec.event, action, { ...idsOf(row), ...(changed ? { changed } : {}) }, tx.ctx.eventGroupId)))
}

/**
 * Creates children under their parents: locks the owning carts (one statement), checks that each
 * parent belongs to `cartId` when one is given, and inserts every row in one statement.
 * `maxPerCart` caps the cart's live rows of this kind (`limits.maxLinesPerCart` for line items).
 * @throws InvalidDataError when a cart would exceed `maxPerCart`; nothing is written.
 */
export async function createChildren(
  tx: Tx,
  spec: ChildSpec,
  inputs: readonly Input[],
  cartId?: string,
  maxPerCart?: number,
): Promise<Dto[]> {
  if (inputs.length === 0) return []
  const parentIds = inputs.map((input, index) => {
    const parentId = input[spec.parentColumn] ?? (spec.parentColumn === "cart_id" ? cartId : undefined)
    if (typeof parentId !== "string" || !parentId) {
      throw InvalidDataError.because(`${spec.model.name} needs "${spec.parentColumn}"`, [index, spec.parentColumn])
    }
    return parentId
  })
  const { locked, missing } = await lockParents(tx, spec.parent, parentIds)
  if (missing.length) throw await missingParentError(tx, spec, missing[0]!, cartId, parentIds.indexOf(missing[0]!))
  const ids = generateIds(spec.model.idPrefix, inputs.length)
  const rows = inputs.map((input, index) => {
    const owner = locked.get(parentIds[index]!)!
    if (cartId !== undefined && owner.cart_id !== cartId) throw notOnCartError(spec, parentIds[index]!, cartId, index)
    const row = toColumns(spec.model, input)
    row.id = ids[index]!
    row.cart_id = owner.cart_id
    row[spec.parentColumn] = parentIds[index]
    return row
  })
  const created = maxPerCart === undefined ? await insertChildRows(tx, spec, rows) : await insertWithinLimit(tx, spec, rows, maxPerCart)
  emitAll(tx, spec, "created", created)
  withEmptyChildren(spec, created)
  if (spec.model === MODELS.LineItem && hasNestedPricingLines(inputs)) {
    await createNestedPricingLines(tx, created, ids, inputs)
  }
  return created
}

/**
 * Medusa returns a new item or shipping method with its (empty) adjustments and tax lines. The rows are
 * the mapper's fresh objects, so the lists are set on them rather than on copies (a copy of a row of
 * thirty-odd columns is a large share of a small write's CPU).
 */
export function withEmptyChildren(spec: ChildSpec, created: Dto[]): Dto[] {
  if (spec.model !== MODELS.LineItem && spec.model !== MODELS.ShippingMethod) return created
  for (const row of created) {
    row.adjustments = []
    row.tax_lines = []
  }
  return created
}

/**
 * Inserts children and, for those under a line item or shipping method, checks in the same
 * statement that the parent is still live. The lock statement read the parents before it waited for
 * the cart lock; the INSERT's snapshot is taken after, so a parent soft-deleted meanwhile is seen
 * here and the call fails (rolling the insert back) instead of adding a row under a deleted parent.
 * @throws NotFoundError naming the parent that is gone
 */
export async function insertChildRows(tx: Tx, spec: ChildSpec, rows: readonly Record<string, unknown>[]): Promise<Dto[]> {
  if (spec.parentColumn === "cart_id") return insertRows(tx.db, spec.model, rows)
  const created = await insertUnderLiveParent(tx.db, spec.model, spec.parent, spec.parentColumn, rows)
  for (const { row, parentLive } of created) {
    if (!parentLive) throw NotFoundError.forId(spec.parent.name, String(row[spec.parentColumn]))
  }
  return created.map(({ row }) => row)
}

/**
 * Inserts and counts each cart's live rows in ONE statement (see {@link insertCountingCartRows}), then
 * checks the cap. Throwing after the insert is safe: the call's transaction (or savepoint) rolls back.
 */
async function insertWithinLimit(tx: Tx, spec: ChildSpec, rows: readonly Record<string, unknown>[], max: number): Promise<Dto[]> {
  const created = await insertCountingCartRows(tx.db, spec.model, rows)
  const perCart = new Map<string, { before: number; added: number }>()
  for (const { row, rowsBefore } of created) {
    const cart = String(row.cart_id)
    const entry = perCart.get(cart) ?? { before: rowsBefore, added: 0 }
    entry.added++
    perCart.set(cart, entry)
  }
  for (const [cart, { before, added }] of perCart) {
    if (before + added > max) throw InvalidDataError.tooManyLines(cart, before + added, max)
  }
  return created.map(({ row }) => row)
}

/** The fields of an update a caller may change (identity and parent links dropped). */
export function mutableFields(data: Input): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) if (!IMMUTABLE.has(key)) out[key] = value
  return out
}

/** Updates children by id, each with its own data (`[{ id, ...data }]`); locks their carts first. */
export async function updateChildrenById(tx: Tx, spec: ChildSpec, updates: readonly { id: string; data: Input }[]): Promise<Dto[]> {
  if (updates.length === 0) return []
  const { missing } = await lockParents(
    tx,
    spec.model,
    updates.map((update) => update.id),
  )
  if (missing.length) throw NotFoundError.forIds(spec.model.name, missing)
  const updated = await updateRowsById(
    tx.db,
    spec.model,
    updates.map((update) => ({ id: update.id, data: mutableFields(update.data) })),
  )
  // The lock statement found every row, but one soft-deleted while this call waited for the lock is
  // skipped by the UPDATE (which reads after the wait): that is a write to a deleted row.
  const vanished = updates.filter((update) => !updated.has(update.id)).map((update) => update.id)
  if (vanished.length) throw NotFoundError.forIds(spec.model.name, [...new Set(vanished)])
  const results = updates.map((update) => updated.get(update.id)!)
  emitAll(tx, spec, "updated", results, Object.keys(updates[0]!.data))
  return results
}

/** Updates every child matching `selector` with the same data; one lock statement, one update statement. */
export async function updateChildrenWhere(tx: Tx, spec: ChildSpec, selector: Filters, data: Input): Promise<Dto[]> {
  const locked = await lockCartsOfMatching(tx, spec.model, selector)
  const ids = [...locked.keys()]
  if (ids.length === 0) return []
  const rows = await updateLiveRows(tx.db, spec.model, ids, mutableFields(data))
  emitAll(tx, spec, "updated", rows, Object.keys(data))
  return rows
}

/** Hard-deletes children by id (their own children go by foreign-key cascade). Missing ids are ignored, as Medusa does. */
export async function deleteChildren(tx: Tx, spec: ChildSpec, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  // Soft-deleted rows are deleted too (as Medusa's delete does), so they are locked with the rest.
  const locked = (await lockParents(tx, spec.model, unique, { includeDeleted: true })).locked
  if (locked.size === 0) return
  const deleted = await deleteChildRows(tx.db, spec.model, [...locked.keys()])
  emitAll(tx, spec, "deleted", deleted)
}

/**
 * Soft-deletes or restores children by id, cascading to their own children; returns affected ids per table.
 * A restore brings rows back, so it honours `maxPerCart` as a create does.
 * @throws InvalidDataError when a restore would take a cart above `maxPerCart`; nothing is written.
 */
export async function setChildrenDeleted(
  tx: Tx,
  spec: ChildSpec,
  ids: readonly string[],
  deleted: boolean,
  maxPerCart?: number,
): Promise<Map<Model, string[]>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  // Restoring targets deleted rows, so the lock must see them too.
  const locked = (await lockParents(tx, spec.model, unique, { includeDeleted: true })).locked
  if (locked.size === 0) return new Map()
  const affected = await setDeleted(tx.db, spec.model, [...locked.keys()], deleted)
  const rows = (affected.ids.get(spec.model) ?? []).map((id) => ({ id, cart_id: locked.get(id)?.cart_id ?? null }))
  if (!deleted && maxPerCart !== undefined && rows.length) await checkRowsPerCart(tx, spec, rows, maxPerCart)
  emitAll(tx, spec, deleted ? "deleted" : "restored", rows)
  if (deleted) emitCascadedDeletes(tx, affected, spec.model)
  return affected.ids
}

/** After a restore (the carts are locked): fails if any of the carts now holds more than `max` live rows. */
async function checkRowsPerCart(tx: Tx, spec: ChildSpec, rows: readonly { cart_id: string | null }[], max: number): Promise<void> {
  const carts = [...new Set(rows.map((row) => row.cart_id).filter((id): id is string => id !== null))]
  const over = await firstCartOverLimit(tx.db, spec.model, carts, max)
  if (over) throw InvalidDataError.tooManyLines(over.cart_id, over.lines, max)
}
