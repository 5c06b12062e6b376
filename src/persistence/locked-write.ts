import type { Model } from "../../models"
import { ConflictError } from "../errors/errors"
import { ident, preparedQuery } from "./db"
import type { Db } from "./db"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"

// The one statement every write of single-statement.ts sends: the cart's lock and checks (CTEs p and c),
// the write (w), and the check that it wrote what it should (k). See single-statement.ts for the why.

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

// The markers of the statement's own errors: cast to integer, the marker and the values after it fail with
// 22P02 (invalid_text_representation), which aborts the statement. PostgreSQL quotes the value in its
// message whatever its language; the SQL text (which knex prefixes to error messages) holds the markers too,
// but each followed by `' ||`, never by the values, so no other error of the statement is taken for one.
const ABANDON = "cartwright: single-statement write abandoned"
const ABANDONED_MESSAGE = new RegExp(`${ABANDON} \\d+`)

// A conflict found after the lock wait: the marker, then the cart id and the version found.
const CONFLICT = "cartwright: single-statement write conflict"
const CONFLICT_MESSAGE = new RegExp(`${CONFLICT} (\\w+) (\\d+)`)

/** The message of a driver error raised by the statement's own cast (SQLSTATE 22P02), else "". */
function castMessageOf(error: unknown): string {
  if (typeof error !== "object" || error === null || !("code" in error) || error.code !== "22P02") return ""
  return "message" in error ? String(error.message) : ""
}

function isAbandoned(error: unknown): boolean {
  return ABANDONED_MESSAGE.test(castMessageOf(error))
}

/** A write over CTE `c` (the locked cart, one row when every check passed) that returns rows. */
export interface LockedWriteSql {
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
const LOCKED_TEXTS = new Map<string, Map<string, string[]>>()
export const MAX_LOCKED_TEXTS = 512
let lockedTextCount = 0

/**
 * `column = ?` for one id, `column = ANY(?::text[])` for more, with {@link idBinding} as its value. One id
 * is the common call (a line's update or delete), and PostgreSQL plans the two differently: for an array
 * parameter a prepared statement's generic plan guesses ten elements, which prices it over the plan made
 * for the actual one-element array, so PostgreSQL planned such a statement anew on every execution
 * (measured on the delete of one line with analysed tables: never a generic plan in 600 executions, about
 * 0.3 ms of server time per call). A scalar parameter's generic plan is the custom plan's twin, so from
 * the sixth execution on the statement is only bound and executed.
 */
export function idCondition(column: string, ids: readonly string[]): string {
  return ids.length === 1 ? `${column} = ?` : `${column} = ANY(?::text[])`
}

/** The value for {@link idCondition}'s placeholder. */
export function idBinding(ids: readonly string[]): string | readonly string[] {
  return ids.length === 1 ? ids[0]! : ids
}

/** The lock's options as one small number, so finding a text builds no key string per call. */
function flagsOf(target: LockTarget, checks: LockChecks): number {
  return (
    (target.includeDeleted === true ? 1 : 0) |
    (target.cartId !== undefined ? 2 : 0) |
    (checks.allowCompleted === true ? 4 : 0) |
    (checks.expectedVersion !== undefined ? 8 : 0) |
    (checks.heldCarts !== undefined ? 16 : 0) |
    (target.ids.length === 1 ? 32 : 0)
  )
}

function lockedWriteSql(target: LockTarget, checks: LockChecks, write: LockedWriteSql): string {
  // By write text, then lock table with CTEs and extra columns, then the lock's options as an index.
  const rest = `${target.model.table}|${write.ctes ?? ""}|${write.extraSelect ?? ""}`
  const flags = flagsOf(target, checks)
  let shapes = LOCKED_TEXTS.get(write.sql)
  let texts = shapes?.get(rest)
  let sql = texts?.[flags]
  if (sql === undefined) {
    sql = buildLockedWriteSql(target, checks, write)
    if (lockedTextCount < MAX_LOCKED_TEXTS) {
      if (shapes === undefined) LOCKED_TEXTS.set(write.sql, (shapes = new Map()))
      if (texts === undefined) shapes.set(rest, (texts = []))
      texts[flags] = sql
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
  const from = `FROM ${ident(target.model.table)} p WHERE ${live}${idCondition("p.id", target.ids)}), `
  // The version this statement's snapshot saw, evaluated again on the latest row after a lock wait.
  const seen = "(SELECT s.version FROM cart s WHERE s.id = cart.id)"
  let lock: string
  let conflict = ""
  let stale = ""
  if (versioned) {
    // l takes the lock only if the snapshot saw the expected version; after a lock wait it returns the
    // latest version, and c keeps the cart only if that is still the one expected (so the snapshot is
    // current too). A conflict found so after the wait is raised with the version found (rolling back
    // the bump); one the snapshot already saw never waits for the lock: x returns it as a row, raising
    // nothing, so a host transaction the statement runs on stays usable. Either way the caller reports the
    // conflict at once instead of running the general path to find it, the commonest failure of
    // optimistic writers on a busy cart.
    lock =
      `l AS (UPDATE cart SET version = version + 1, updated_at = now() WHERE id = (SELECT min(cart_id) FROM p)${checked}` +
      ` AND ${seen} = ? RETURNING id, version), c AS (SELECT id FROM l WHERE version - 1 = ?), `
    conflict = ` WHEN NOT EXISTS (SELECT 1 FROM c) THEN ('${CONFLICT} ' || (SELECT id || ' ' || (version - 1) FROM l))::int`
    stale = `, x AS (SELECT id, version FROM cart WHERE NOT EXISTS (SELECT 1 FROM l) AND id = (SELECT min(cart_id) FROM p)${checked} AND version > ?)`
  } else {
    // Re-checked on the latest row after a lock wait, against this statement's snapshot (see above).
    lock =
      `c AS (UPDATE cart SET version = version + 1, updated_at = now() WHERE id = (SELECT min(cart_id) FROM p)${checked}` +
      ` AND version = ${seen} RETURNING id), `
  }
  const locked = versioned ? "l" : "c"
  return (
    `WITH p AS (SELECT p.id, p.${ident(cartColumn)} AS cart_id ${from}${lock}` +
    `${write.ctes ? `${write.ctes}, ` : ""}w AS (${write.sql}), ` +
    // A failed check (no cart row) returns no rows rather than raising: nothing was written, and an
    // error would abort a host transaction the statement runs on.
    `k AS (SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM ${locked}) THEN 1${conflict} WHEN (SELECT count(*) FROM w) = ? THEN 0 ` +
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
export async function lockedWrite(
  db: Db,
  target: LockTarget,
  checks: LockChecks,
  write: LockedWriteSql,
): Promise<LockedWriteResult | undefined> {
  const checked: unknown[] = [target.ids.length]
  if (target.cartId !== undefined) checked.push(target.cartId)
  if (checks.heldCarts !== undefined) checked.push([...checks.heldCarts])
  const expected = checks.expectedVersion
  const bindings: unknown[] = [idBinding(target.ids), ...checked]
  if (expected !== undefined) bindings.push(expected, expected)
  for (const binding of write.bindings) bindings.push(binding)
  bindings.push(write.expected)
  if (expected !== undefined) bindings.push(...checked, expected)
  const sql = lockedWriteSql(target, checks, write)
  let rows: Record<string, unknown>[]
  try {
    rows = await preparedQuery(db, sql, bindings)
  } catch (error) {
    if (isAbandoned(error)) return undefined
    const conflict = CONFLICT_MESSAGE.exec(castMessageOf(error))
    if (conflict && expected !== undefined) throw ConflictError.versionMismatch(conflict[1] ?? "", expected, Number(conflict[2]))
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
