import { cartEvent } from "../events/cart-events"
import type { Model } from "../../models"
import { InvalidDataError } from "../errors/errors"
import { lockCartsByIds, lockCartsOf } from "../persistence/cart-lock"
import { placeholders, query, ident } from "../persistence/db"
import { compileFilters } from "../persistence/filters"
import type { Filters } from "../persistence/filters"
import { generateId } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import type { Tx } from "../persistence/unit-of-work"
import { byIds, insertRows, toColumns, updateWhere } from "../persistence/writer"
import type { ChildSpec } from "./child-specs"
import { setDeleted } from "./soft-delete"

type Input = Readonly<Record<string, unknown>>

/** Fields a caller may never change on a child: its identity and where it hangs. */
const IMMUTABLE = new Set(["id", "cart_id", "item_id", "shipping_method_id", "created_at", "updated_at", "deleted_at"])

function emitAll(tx: Tx, spec: ChildSpec, action: "created" | "updated" | "deleted" | "restored", rows: readonly Dto[], changed?: string[]): void {
  tx.emit(
    ...rows.map((row) =>
      cartEvent(spec.event, action, { id: String(row.id), cart_id: (row.cart_id as string) ?? null, ...(changed ? { changed } : {}) }, tx.ctx.eventGroupId),
    ),
  )
}

/**
 * Creates children under their parents: locks the owning carts (one statement), checks that each
 * parent belongs to `cartId` when one is given, and inserts every row in one statement.
 */
export async function createChildren(tx: Tx, spec: ChildSpec, inputs: readonly Input[], cartId?: string): Promise<Dto[]> {
  if (inputs.length === 0) return []
  const parentIds = inputs.map((input, index) => {
    const parentId = input[spec.parentColumn] ?? (spec.parentColumn === "cart_id" ? cartId : undefined)
    if (typeof parentId !== "string" || !parentId) {
      throw InvalidDataError.because(`${spec.model.name} needs "${spec.parentColumn}"`, [index, spec.parentColumn])
    }
    return parentId
  })
  const locked = await lockCartsByIds(tx, spec.parent, parentIds)
  const rows = inputs.map((input, index) => {
    const owner = locked.get(parentIds[index]!)!
    if (cartId !== undefined && owner.cart_id !== cartId) {
      throw InvalidDataError.because(
        `${spec.parent.name} with id "${parentIds[index]}" belongs to cart "${owner.cart_id}", not to cart "${cartId}"`,
        [index, spec.parentColumn],
      )
    }
    return { ...toColumns(spec.model, input), id: generateId(spec.model.idPrefix), cart_id: owner.cart_id, [spec.parentColumn]: parentIds[index] }
  })
  const created = await insertRows(tx.db, spec.model, rows)
  emitAll(tx, spec, "created", created)
  return created
}

function mutable(data: Input): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) if (!IMMUTABLE.has(key)) out[key] = value
  return out
}

/** Updates children by id, each with its own data (`[{ id, ...data }]`); locks their carts first. */
export async function updateChildrenById(tx: Tx, spec: ChildSpec, updates: readonly { id: string; data: Input }[]): Promise<Dto[]> {
  if (updates.length === 0) return []
  await lockCartsByIds(tx, spec.model, updates.map((update) => update.id))
  const results: Dto[] = []
  for (const update of updates) {
    const [row] = await updateWhere(tx.db, spec.model, mutable(update.data), byIds([update.id]))
    results.push(row!)
  }
  emitAll(tx, spec, "updated", results, Object.keys(updates[0]!.data))
  return results
}

/** Updates every child matching `selector` with the same data; one lock statement, one update statement. */
export async function updateChildrenWhere(tx: Tx, spec: ChildSpec, selector: Filters, data: Input): Promise<Dto[]> {
  const compiled = { bindings: [] as unknown[], aliasCount: 0 }
  const sql = compileFilters(spec.model, selector, "p", compiled)
  const locked = await lockCartsOf(tx, spec.model, { sql, bindings: compiled.bindings })
  const ids = [...locked.keys()]
  if (ids.length === 0) return []
  const rows = await updateWhere(tx.db, spec.model, mutable(data), byIds(ids))
  emitAll(tx, spec, "updated", rows, Object.keys(data))
  return rows
}

/** Hard-deletes children by id (their own children go by foreign-key cascade). Missing ids are ignored, as Medusa does. */
export async function deleteChildren(tx: Tx, spec: ChildSpec, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  const locked = await lockCartsOf(tx, spec.model, { sql: `p.id IN (${placeholders(unique.length)})`, bindings: unique })
  if (locked.size === 0) return
  const deleted = await query<{ id: string; cart_id: string }>(
    tx.db,
    `DELETE FROM ${ident(spec.model.table)} WHERE id IN (${placeholders(locked.size)}) RETURNING id, cart_id`,
    [...locked.keys()],
  )
  emitAll(tx, spec, "deleted", deleted)
}

/** Soft-deletes or restores children by id, cascading to their own children; returns affected ids per table. */
export async function setChildrenDeleted(
  tx: Tx,
  spec: ChildSpec,
  ids: readonly string[],
  deleted: boolean,
): Promise<Map<Model, string[]>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  // Restoring targets deleted rows, so the lock must see them too.
  const locked = await lockCartsOf(tx, spec.model, { sql: `p.id IN (${placeholders(unique.length)})`, bindings: unique }, true)
  if (locked.size === 0) return new Map()
  const affected = await setDeleted(tx.db, spec.model, [...locked.keys()], deleted)
  const rows = (affected.get(spec.model) ?? []).map((id) => ({ id, cart_id: locked.get(id)?.cart_id ?? null }))
  emitAll(tx, spec, deleted ? "deleted" : "restored", rows)
  return affected
}
