import type { Model } from "../../models"
import { ConflictError, NotAllowedError, NotFoundError } from "../errors/errors"
import { ident, query } from "./db"
import type { Tx } from "./unit-of-work"

/** What a lock returns per parent row: the cart it belongs to and that cart's new version. */
export interface LockedParent {
  readonly cart_id: string
  readonly version: number
}

/** Which rows a lock may see and which carts it may still change. */
export interface RowLockOptions {
  /** Soft-deleted rows are locked too (a hard delete or a restore targets them). */
  readonly includeDeleted?: boolean
  /** A completed cart is not refused (addresses: SPEC §5 does not list them; a cart's own update). */
  readonly allowCompleted?: boolean
}

interface LockRow {
  parent_id: string
  cart_id: string | null
  version: number | null
  completed_at: string | null
}

/**
 * Locks the carts that own the given rows, in ONE statement: resolves each row's cart, then
 * `UPDATE cart … RETURNING` takes the row lock, bumps `version` and `updated_at`. Held until commit,
 * so every writer of a cart is serialised. Checks existence, completion and the expected version.
 *
 * `where` selects the parent rows of `parent` (alias p); pass the cart model to lock carts by id.
 * Rows without a cart (standalone addresses) need no lock and are left out of the result.
 */
export async function lockCartsOf(
  tx: Tx,
  parent: Model,
  where: { sql: string; bindings: readonly unknown[] },
  { includeDeleted = false, allowCompleted = false }: RowLockOptions = {},
): Promise<Map<string, LockedParent>> {
  const cartColumn = parent.table === "cart" ? "id" : "cart_id"
  // A call that locks twice (parents, then rows to update) must bump each cart once, and check its
  // expected version against the state before the call, so carts it already holds are not re-bumped.
  const held = tx.heldLocks
  const skipHeld = held.size ? " AND NOT (id = ANY(?::text[]))" : ""
  const sql =
    `WITH p AS (SELECT p.id, p.${ident(cartColumn)} AS cart_id FROM ${ident(parent.table)} p ` +
    `WHERE ${includeDeleted ? "" : "p.deleted_at IS NULL AND "}(${where.sql})), ` +
    `c AS (UPDATE cart SET version = version + 1, updated_at = now() ` +
    `WHERE id IN (SELECT cart_id FROM p) AND deleted_at IS NULL${skipHeld} RETURNING id, version, completed_at) ` +
    `SELECT p.id AS parent_id, p.cart_id, c.version, c.completed_at FROM p LEFT JOIN c ON c.id = p.cart_id`
  const rows = await query<LockRow>(tx.db, sql, held.size ? [...where.bindings, [...held.keys()]] : where.bindings)
  const locked = new Map<string, LockedParent>()
  const fresh = new Map<string, LockedParent>()
  for (const row of rows) {
    if (row.cart_id === null) continue
    const version = row.version ?? held.get(row.cart_id)
    if (version === undefined) throw NotFoundError.forId("Cart", row.cart_id)
    if (row.completed_at !== null && !allowCompleted && !tx.ctx.allowCompletedCartWrites) throw NotAllowedError.cartCompleted(row.cart_id)
    locked.set(row.parent_id, { cart_id: row.cart_id, version })
    if (row.version !== null) fresh.set(row.parent_id, { cart_id: row.cart_id, version })
  }
  checkExpectedVersion(tx, fresh)
  for (const { cart_id, version } of fresh.values()) held.set(cart_id, version)
  return locked
}

/**
 * Locks the carts owning the `parent` rows with these ids (the cart model: the carts themselves); returns
 * the locked rows and the ids that do not exist (or, without `includeDeleted`, are soft-deleted), so the
 * caller words the error. See {@link lockCartsOf}.
 */
export async function lockParents(
  tx: Tx,
  parent: Model,
  ids: readonly string[],
  options: RowLockOptions = {},
): Promise<{ locked: Map<string, LockedParent>; missing: string[] }> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return { locked: new Map(), missing: [] }
  const locked = await lockCartsOf(tx, parent, { sql: "p.id = ANY(?::text[])", bindings: [unique] }, options)
  return { locked, missing: unique.filter((id) => !locked.has(id)) }
}

/** Locks by parent ids and fails with Medusa's retrieve-style not-found for the first missing id. */
export async function lockCartsByIds(tx: Tx, parent: Model, ids: readonly string[]): Promise<Map<string, LockedParent>> {
  const { locked, missing } = await lockParents(tx, parent, ids)
  if (missing.length) throw NotFoundError.forId(parent.name, missing[0]!)
  return locked
}

/**
 * Locks carts that are about to be soft-deleted (`deleted` true: live ones) or restored (deleted
 * ones), bumping their version, and returns the ids it locked. The cascade that follows must run in
 * a later statement: its snapshot is then taken after the lock was granted, so it sees every child
 * a writer added while this call waited (one statement would cascade over a stale snapshot).
 */
export async function lockCartsForDeletion(tx: Tx, ids: readonly string[], deleted: boolean): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = await query<{ id: string; version: number }>(
    tx.db,
    `UPDATE cart SET version = version + 1, updated_at = now() WHERE id = ANY(?::text[]) AND deleted_at IS ${deleted ? "" : "NOT "}NULL RETURNING id, version`,
    [unique],
  )
  const locked = new Map(rows.map((row) => [row.id, { cart_id: row.id, version: row.version }]))
  checkExpectedVersion(tx, locked)
  const held = tx.heldLocks
  for (const row of rows) held.set(row.id, row.version)
  return rows.map((row) => row.id)
}

function checkExpectedVersion(tx: Tx, locked: Map<string, LockedParent>): void {
  const expected = tx.ctx.expectedVersion
  if (expected === undefined) return
  for (const { cart_id, version } of locked.values()) {
    // The lock already bumped the version: the caller expected the one before.
    if (version - 1 !== expected) throw ConflictError.versionMismatch(cart_id, expected, version - 1)
  }
}
