import type { Model } from "../../models"
import { MODELS } from "../../models"
import { ident, preparedQuery } from "./db"
import { MAX_LOCKED_TEXTS, idBinding, idCondition, lockedWrite } from "./locked-write"
import type { LockChecks } from "./locked-write"
import type { Db } from "./db"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"
import { insertArraysSql } from "./insert-arrays"
import { setClauses } from "./writer"

export type { LockChecks, LockTarget } from "./locked-write"

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

const RETURNING_ALL = new Map<string, string>()

// The ids a `set*` replaced, beside the rows it created.
const REMOVED = "__removed"
const REMOVED_COLUMNS: ReadonlySet<string> = new Set([REMOVED])
const REMOVED_SELECT = `, (SELECT coalesce(array_agg(d.id), '{}') FROM d) AS "${REMOVED}"`

// Texts that depend only on the model, built once: a text built anew per call is hashed anew by every
// cache keyed on it (the locked write's, the prepared statement's).
const REPLACED_DELETES = new WeakMap<Model, string>()
const DELETES = new WeakMap<Model, string>()
const DELETES_OF_ONE = new WeakMap<Model, string>()

function perModel(cache: WeakMap<Model, string>, model: Model, build: () => string): string {
  let text = cache.get(model)
  if (text === undefined) cache.set(model, (text = build()))
  return text
}

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
  const { sql, bindings } = insertSql(model, rows)
  const written = await lockedWrite(db, { model: MODELS.Cart, ids: [cartId] }, checks, { sql, bindings, expected: rows.length, model })
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
  insert.bindings.unshift(cartId)
  const written = await lockedWrite(db, { model: parent.model, ids: parent.ids, cartId }, checks, {
    ctes: perModel(
      REPLACED_DELETES,
      model,
      () => `d AS (DELETE FROM ${ident(model.table)} WHERE cart_id = ? AND EXISTS (SELECT 1 FROM c) RETURNING id)`,
    ),
    sql: insert.sql,
    bindings: insert.bindings,
    expected: rows.length,
    model,
    extraSelect: REMOVED_SELECT,
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
  const sql = perModel(
    ids.length === 1 ? DELETES_OF_ONE : DELETES,
    model,
    () =>
      `DELETE FROM ${ident(model.table)} WHERE ${idCondition("id", ids)} AND EXISTS (SELECT 1 FROM c) RETURNING id, cart_id, created_at`,
  )
  const bindings = [idBinding(ids)]
  const written = await lockedWrite(db, { model, ids, includeDeleted: true }, checks, { sql, bindings, expected: ids.length, model })
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
