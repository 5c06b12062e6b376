import type { Model } from "../../models"
import { MODELS } from "../../models"
import { ConflictError } from "../errors/errors"
import { ident, preparedQuery } from "./db"
import type { Db } from "./db"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"
import { insertArraysSql } from "./insert-arrays"
import { setClauses } from "./writer"

/**
 * Writes to ONE cart as ONE statement (issue #10): the cart lock, its version bump, the completion
 * and expected-version checks, the write and RETURNING in one CTE, sent outside any transaction (a
 * single statement is atomic by itself, so BEGIN/COMMIT would only add two round trips).
 *
 * Every check is a condition of the cart's `UPDATE … RETURNING`, and the write only happens when
 * that row comes back, so a failed check writes nothing and the statement returns no rows. When the
 * cart row came back but the write did not touch exactly the rows expected (a row soft-deleted while
 * the statement waited for the lock), the statement raises an error of its own, which rolls back the
 * version bump too. Either way the caller then takes the general, multi-statement path, which reports
 * exactly what failed: this path only ever speeds up calls that succeed.
 */

/** Where the rows a write hangs on live: the table and the ids (the cart itself for a cart's children). */
export interface LockTarget {
  readonly model: Model
  readonly ids: readonly string[]
  /** Soft-deleted rows count too (a hard delete removes them as well). */
  readonly includeDeleted?: boolean
  /** The cart the rows must belong to, when the call names one. */
  readonly cartId?: string
}

/** The checks of the cart lock, from the call's context. */
export interface LockChecks {
  readonly expectedVersion?: number
  readonly allowCompleted?: boolean
  /**
   * Set when the statement runs on a host transaction that already holds these carts' locks (see
   * `Tx.hostHeldCarts`): any other cart is left alone, so the statement never waits for a lock.
   */
  readonly heldCarts?: ReadonlySet<string>
}

// The marker of the statement's own error; cast to integer it fails with 22P02, which aborts the statement.
const ABANDON = "cartwright: single-statement write abandoned"

// What PostgreSQL says when the marker is cast; the SQL text (which knex prefixes to every error message)
// holds the marker too, but never this sentence, so another error of the statement is never taken for it.
const ABANDONED_MESSAGE = `invalid input syntax for type integer: "${ABANDON}`

function isAbandoned(error: unknown): boolean {
  return typeof error === "object" && error !== null && "message" in error && String(error.message).includes(ABANDONED_MESSAGE)
}

/** A write over CTE `c` (the locked cart, one row when every check passed) that returns rows. */
interface LockedWriteSql {
  /** More CTEs before the write, `name AS (…)`, comma-separated (e.g. a DELETE whose ids ride along). */
  readonly ctes?: string
  readonly sql: string
  /** Bindings of `ctes` then `sql`, in order. */
  readonly bindings: readonly unknown[]
  /** How many rows the write must return; anything else abandons the statement. */
  readonly expected: number
  readonly model: Model
  /** Extra output columns over the CTEs, e.g. `, (SELECT array_agg(id) FROM d) AS __removed`. */
  readonly extraSelect?: string
  /** The names of the `extraSelect` columns: left out of the DTOs, read from the first row. */
  readonly extraColumns?: ReadonlySet<string>
}

/** What a locked write returned: its rows as DTOs, and the first raw row for the extra columns. */
interface LockedWriteResult {
  readonly rows: Dto[]
  readonly first: Readonly<Record<string, unknown>>
}

// The stale-version report's columns (see buildLockedWriteSql).
const STALE_CART = "__stale_cart"
const STALE_VERSION = "__stale_version"

/**
 * The texts of locked writes, by write text then lock shape. A write text comes from a cache of its own
 * (see insertArraysSql), so the outer lookup is cheap, and a write no longer rebuilds the whole CTE,
 * then hashes the new string again for its prepared name. Bounded: past the bound texts are built per call.
 */
const LOCKED_TEXTS = new Map<string, Map<string, string>>()
const MAX_LOCKED_TEXTS = 512
let lockedTextCount = 0

function lockedWriteSql(target: LockTarget, checks: LockChecks, write: LockedWriteSql): string {
  const shape =
    `${target.model.table}|${target.includeDeleted === true}|${target.cartId !== undefined}|${checks.allowCompleted === true}|` +
    `${checks.expectedVersion !== undefined}|${checks.heldCarts !== undefined}|${write.ctes ?? ""}|${write.extraSelect ?? ""}`
  let shapes = LOCKED_TEXTS.get(write.sql)
  let sql = shapes?.get(shape)
  if (sql === undefined) {
    sql = buildLockedWriteSql(target, checks, write)
    if (lockedTextCount < MAX_LOCKED_TEXTS) {
      if (shapes === undefined) LOCKED_TEXTS.set(write.sql, (shapes = new Map()))
      shapes.set(shape, sql)
      lockedTextCount++
    }
  }
  return sql
}

function buildLockedWriteSql(target: LockTarget, checks: LockChecks, write: LockedWriteSql): string {
  const cartColumn = target.model.table === "cart" ? "id" : "cart_id"
  const live = target.includeDeleted ? "" : "p.deleted_at IS NULL AND "
  // Every check but the version's, on the cart row (unqualified columns are the cart's).
  let checked = " AND deleted_at IS NULL AND (SELECT count(*) FROM p) = ? AND (SELECT count(DISTINCT cart_id) FROM p) = 1"
  if (target.cartId !== undefined) checked += " AND id = ?"
  if (!checks.allowCompleted) checked += " AND completed_at IS NULL"
  if (checks.heldCarts !== undefined) checked += " AND id = ANY(?::text[])"
  const versioned = checks.expectedVersion !== undefined
  // With an expected version, a statement that fails only that check says so (x: the cart and the version
  // this snapshot saw, newer than the one expected), and the caller reports the conflict at once instead of
  // running the general path to find it: the commonest failure of optimistic writers on a busy cart.
  const stale = versioned
    ? `, x AS (SELECT id, version FROM cart WHERE NOT EXISTS (SELECT 1 FROM c) AND id = (SELECT min(cart_id) FROM p)${checked} AND version > ?)`
    : ""
  return (
    `WITH p AS (SELECT p.id, p.${ident(cartColumn)} AS cart_id FROM ${ident(target.model.table)} p WHERE ${live}p.id = ANY(?::text[])), ` +
    `c AS (UPDATE cart SET version = version + 1, updated_at = now() WHERE id = (SELECT min(cart_id) FROM p)${checked}` +
    `${versioned ? " AND version = ?" : ""}` +
    // Re-checked on the latest row after a lock wait, against this statement's snapshot (see above).
    ` AND version = (SELECT s.version FROM cart s WHERE s.id = cart.id) RETURNING id), ` +
    `${write.ctes ? `${write.ctes}, ` : ""}w AS (${write.sql}), ` +
    // A failed check (no cart row) returns no rows rather than raising: nothing was written, and an
    // error would abort a host transaction the statement runs on.
    `k AS (SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM c) THEN 1 WHEN (SELECT count(*) FROM w) = ? THEN 0 ` +
    `ELSE ('${ABANDON} ' || (SELECT count(*) FROM w))::int END AS ok)${stale} ` +
    // k is the preserved side and its value is filtered on, so its check runs even when w is empty.
    (versioned
      ? `SELECT w.*${write.extraSelect ?? ""}, x.id AS "${STALE_CART}", x.version AS "${STALE_VERSION}" ` +
        `FROM k LEFT JOIN w ON true LEFT JOIN x ON true WHERE k.ok = 0 OR x.id IS NOT NULL ORDER BY w.created_at, w.id`
      : `SELECT w.*${write.extraSelect ?? ""} FROM k LEFT JOIN w ON true WHERE k.ok = 0 ORDER BY w.created_at, w.id`)
  )
}

/**
 * Runs `write` under the lock of `target`'s one cart and returns its rows as DTOs, or `undefined`
 * when the statement wrote nothing (see above). `write.expected` is at least 1.
 *
 * One statement reads with one snapshot, taken before it waited for the cart lock, so whatever
 * another writer committed meanwhile would be invisible to it (rows a `set*` must delete, lines a
 * limit must count, a parent soft-deleted). Every such writer bumped the cart's version under the
 * same lock, so the lock is taken only if the version is still the one this snapshot saw: then the
 * snapshot is as current as one taken after the lock. Otherwise the statement is abandoned and the
 * general path, which reads after locking, runs instead.
 */
async function lockedWrite(db: Db, target: LockTarget, checks: LockChecks, write: LockedWriteSql): Promise<LockedWriteResult | undefined> {
  const checked: unknown[] = [target.ids.length]
  if (target.cartId !== undefined) checked.push(target.cartId)
  if (checks.heldCarts !== undefined) checked.push([...checks.heldCarts])
  const expected = checks.expectedVersion
  const bindings: unknown[] = [target.ids, ...checked]
  if (expected !== undefined) bindings.push(expected)
  for (const binding of write.bindings) bindings.push(binding)
  bindings.push(write.expected)
  if (expected !== undefined) bindings.push(...checked, expected)
  const sql = lockedWriteSql(target, checks, write)
  let rows: Record<string, unknown>[]
  try {
    rows = await preparedQuery(db, sql, bindings)
  } catch (error) {
    if (isAbandoned(error)) return undefined
    throw error
  }
  const first = rows[0]
  // Every write returns at least one row when it runs, so none means a failed check.
  if (first === undefined) return undefined
  if (expected !== undefined) {
    const staleCart = first[STALE_CART]
    if (typeof staleCart === "string") throw ConflictError.versionMismatch(staleCart, expected, Number(first[STALE_VERSION]))
  }
  const omitted = expected === undefined ? write.extraColumns : omittedWithStale(write.extraColumns)
  return { rows: rows.map((row) => mapRow(write.model, row, omitted)), first }
}

const STALE_COLUMNS: ReadonlySet<string> = new Set([STALE_CART, STALE_VERSION])

function omittedWithStale(extra: ReadonlySet<string> | undefined): ReadonlySet<string> {
  return extra === undefined ? STALE_COLUMNS : new Set([...extra, ...STALE_COLUMNS])
}

const RETURNING_ALL = new Map<string, string>()

// The ids a `set*` replaced, beside the rows it created.
const REMOVED = "__removed"
const REMOVED_COLUMNS: ReadonlySet<string> = new Set([REMOVED])

/** The insert of `rows` (all with the same columns), run only when `c` holds the lock. */
function insertSql(model: Model, rows: readonly Record<string, unknown>[]): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = []
  const insert = insertArraysSql(model, rows, bindings, "EXISTS (SELECT 1 FROM c)")
  // The same string object for the same insert text, so the lookups keyed on it hash it once.
  let sql = RETURNING_ALL.get(insert)
  if (sql === undefined) {
    sql = `${insert} RETURNING *`
    if (RETURNING_ALL.size < MAX_LOCKED_TEXTS) RETURNING_ALL.set(insert, sql)
  }
  return { sql, bindings }
}

/**
 * Inserts rows (column-shaped, ids set, all with the same columns) under the lock of their one cart.
 * `undefined`: nothing written, take the general path.
 */
export async function insertUnderLock(
  db: Db,
  model: Model,
  cartId: string,
  rows: readonly Record<string, unknown>[],
  checks: LockChecks,
): Promise<Dto[] | undefined> {
  const insert = insertSql(model, rows)
  const written = await lockedWrite(db, { model: MODELS.Cart, ids: [cartId] }, checks, { ...insert, expected: rows.length, model })
  return written?.rows
}

/**
 * Replaces every `model` row of cart `cartId` with `rows` (new rows, all with the same columns, hung
 * on live `parent` rows `parentIds` of that cart), under the cart's lock: `set*` without ids.
 * `undefined`: nothing written, take the general path.
 */
export async function replaceUnderLock(
  db: Db,
  model: Model,
  parent: { readonly model: Model; readonly ids: readonly string[] },
  cartId: string,
  rows: readonly Record<string, unknown>[],
  checks: LockChecks,
): Promise<{ created: Dto[]; removed: string[] } | undefined> {
  const insert = insertSql(model, rows)
  const written = await lockedWrite(db, { model: parent.model, ids: parent.ids, cartId }, checks, {
    ctes: `d AS (DELETE FROM ${ident(model.table)} WHERE cart_id = ? AND EXISTS (SELECT 1 FROM c) RETURNING id)`,
    sql: insert.sql,
    bindings: [cartId, ...insert.bindings],
    expected: rows.length,
    model,
    extraSelect: `, (SELECT coalesce(array_agg(d.id), '{}') FROM d) AS "${REMOVED}"`,
    extraColumns: REMOVED_COLUMNS,
  })
  if (!written) return undefined
  const ids: unknown = written.first[REMOVED]
  return { created: written.rows, removed: Array.isArray(ids) ? ids.map(String) : [] }
}

/** Updates one row by id under its cart's lock; `undefined`: nothing written, take the general path. */
export async function updateUnderLock(
  db: Db,
  model: Model,
  id: string,
  data: Readonly<Record<string, unknown>>,
  checks: LockChecks,
): Promise<Dto | undefined> {
  const bindings: unknown[] = []
  const clauses = setClauses(model, data, bindings)
  clauses.push("updated_at = now()")
  bindings.push(id)
  const sql = `UPDATE ${ident(model.table)} SET ${clauses.join(", ")} WHERE id = ? AND deleted_at IS NULL AND EXISTS (SELECT 1 FROM c) RETURNING *`
  const written = await lockedWrite(db, { model, ids: [id] }, checks, { sql, bindings, expected: 1, model })
  return written?.rows[0]
}

/** Hard-deletes rows by id (all of one cart) under its lock; `undefined`: nothing written, take the general path. */
export async function deleteUnderLock(
  db: Db,
  model: Model,
  ids: readonly string[],
  checks: LockChecks,
): Promise<{ id: string; cart_id: string }[] | undefined> {
  const sql = `DELETE FROM ${ident(model.table)} WHERE id = ANY(?::text[]) AND EXISTS (SELECT 1 FROM c) RETURNING id, cart_id, created_at`
  const written = await lockedWrite(db, { model, ids, includeDeleted: true }, checks, { sql, bindings: [ids], expected: ids.length, model })
  return written?.rows.map((row) => ({ id: String(row.id), cart_id: String(row.cart_id) }))
}

/**
 * Updates one live cart by id as one statement: its own UPDATE takes the row lock, bumps the version
 * and checks the expected one. `undefined` when no row matched (missing, deleted, another version):
 * the general path then says which.
 */
export async function updateCartRow(
  db: Db,
  id: string,
  data: Readonly<Record<string, unknown>>,
  expectedVersion: number | undefined,
): Promise<Dto | undefined> {
  const bindings: unknown[] = []
  const clauses = setClauses(MODELS.Cart, { ...data, version: undefined }, bindings)
  clauses.push("updated_at = now()", "version = version + 1")
  bindings.push(id)
  let sql = `UPDATE cart SET ${clauses.join(", ")} WHERE id = ? AND deleted_at IS NULL`
  if (expectedVersion !== undefined) {
    sql += " AND version = ?"
    bindings.push(expectedVersion)
  }
  const [row] = await preparedQuery(db, `${sql} RETURNING *`, bindings)
  return row ? mapRow(MODELS.Cart, row) : undefined
}
