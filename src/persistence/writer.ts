import type { Model } from "../../models"
import { columnInfo, columnInfos } from "./column-info"
import type { ColumnInfo } from "./column-info"
import { ident, query } from "./db"
import type { Db } from "./db"
import { isRecord } from "./is-record"
import { toStoredMoney } from "./money-input"
import { CREATION_ORDER } from "./read-sql"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"

export { arrayInsertable } from "./insert-arrays"

/** Turns one DTO field into the column values to store (money fills its raw twin too). */
function storedColumns(info: ColumnInfo, key: string, value: unknown, target: Record<string, unknown>): void {
  switch (info.kind) {
    case "money":
      if (value === null || value === undefined) {
        target[key] = null
        target[info.twin] = null
        return
      }
      {
        const money = toStoredMoney(value, [key])
        target[key] = money.numeric
        target[info.twin] = JSON.stringify(money.raw)
      }
      return
    case "json":
      // Stringify so arrays are stored as JSON arrays, not PostgreSQL arrays.
      target[key] = value === null || value === undefined ? null : JSON.stringify(value)
      return
    case "integer":
      // A quantity given as a BigNumber or bignumber.js value (Medusa's BigNumberInput); validation made it an integer.
      target[key] = typeof value === "object" && value !== null ? toStoredMoney(value, [key]).numeric : value
      return
    case "decimal":
      // Exact text whatever the input's form (number, string, BigNumber-like), as for money.
      target[key] = value === null ? null : toStoredMoney(value, [key]).numeric
      return
    default:
      target[key] = value
  }
}

/** A metadata update as SQL merges it: the top-level keys to set (JSON text) and the keys a "" value removes. */
interface MetadataPatch {
  readonly set: string
  readonly removed: readonly string[]
}

function metadataPatch(metadata: unknown): MetadataPatch {
  if (!isRecord(metadata)) return { set: JSON.stringify(metadata), removed: [] }
  const entries = Object.entries(metadata)
  // fromEntries, not assignment: a "__proto__" key stays a key.
  const set = JSON.stringify(Object.fromEntries(entries.filter(([, value]) => value !== "")))
  return { set, removed: entries.filter(([, value]) => value === "").map(([key]) => key) }
}

/** The storable columns of an input object; keys that are not columns (relations, totals) are ignored. */
export function toColumns(model: Model, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const infos = columnInfos(model)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(data)) {
    const value = data[key]
    const info = infos.get(key)
    if (value !== undefined && info?.writable) storedColumns(info, key, value, out)
  }
  return out
}

/**
 * Inserts rows (already column-shaped, ids set) in ONE statement and returns them as DTOs, in input order.
 * `returning` may add computed columns (trusted SQL, never input) that come back as extra DTO keys.
 */
export async function insertRows(db: Db, model: Model, rows: readonly Record<string, unknown>[], returning = "*"): Promise<Dto[]> {
  if (rows.length === 0) return []
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const out: Dto[] = []
  for (const chunk of chunks(rows, columns.length)) out.push(...(await insertChunk(db, model, chunk, returning)))
  return out
}

/**
 * PostgreSQL takes at most 65,535 parameters per statement, so a large batch is split into
 * statements of at most this many parameters each (one statement for any ordinary write).
 */
const MAX_PARAMETERS = 60_000

/** Splits `rows` so that no statement carries more than {@link MAX_PARAMETERS} parameters. */
export function chunks<T>(rows: readonly T[], parametersPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, parametersPerRow)))
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** `INSERT INTO … VALUES …` of `rows` (a missing column is DEFAULT), without RETURNING; pushes the values onto `bindings`. */
export function insertValuesSql(model: Model, rows: readonly Record<string, unknown>[], bindings: unknown[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const values = rows.map((row) => {
    const cells = columns.map((column) => {
      if (!(column in row)) return "DEFAULT"
      bindings.push(row[column])
      return "?"
    })
    return `(${cells.join(", ")})`
  })
  return `INSERT INTO ${ident(model.table)} (${columns.map(ident).join(", ")}) VALUES ${values.join(", ")}`
}

async function insertChunk(db: Db, model: Model, rows: readonly Record<string, unknown>[], returning: string): Promise<Dto[]> {
  const bindings: unknown[] = []
  const sql = `${insertValuesSql(model, rows, bindings)} RETURNING ${returning}`
  const inserted = await query(db, sql, bindings)
  return inserted.map((row) => mapRow(model, row))
}

/**
 * `SET` clauses for an update: plain columns assigned, `metadata` merged in SQL (top-level keys;
 * a key set to "" is removed) so concurrent merges never lose each other's keys.
 */
export function setClauses(model: Model, data: Readonly<Record<string, unknown>>, bindings: unknown[]): string[] {
  const columns = toColumns(model, data)
  const infos = columnInfos(model)
  const clauses: string[] = []
  for (const [column, value] of Object.entries(columns)) {
    if (column === "metadata" && value !== null) {
      const patch = metadataPatch(data.metadata)
      bindings.push(patch.set, patch.removed)
      clauses.push(`metadata = (coalesce(metadata, '{}'::jsonb) || ?::jsonb) - ?::text[]`)
      continue
    }
    bindings.push(value)
    // toColumns keeps only columns (a money column's raw twin too), so each has its quoted name cached.
    clauses.push(`${infos.get(column)?.quoted ?? ident(column)} = ?`)
  }
  return clauses
}

/** Updates the rows matching `where` (alias-free SQL) with `data`; returns the updated rows as DTOs. */
export async function updateWhere(
  db: Db,
  model: Model,
  data: Readonly<Record<string, unknown>>,
  where: { sql: string; bindings: readonly unknown[] },
  extraClauses: readonly string[] = [],
): Promise<Dto[]> {
  const bindings: unknown[] = []
  const clauses = setClauses(model, data, bindings)
  clauses.push("updated_at = now()", ...extraClauses)
  // RETURNING follows the scan, not creation: sort in SQL (created_at has microseconds, a JS Date does not).
  const sql =
    `WITH u AS (UPDATE ${ident(model.table)} SET ${clauses.join(", ")} WHERE ${where.sql} RETURNING *) ` +
    `SELECT * FROM u ORDER BY ${CREATION_ORDER.replace(/\$alias/g, "u")}`
  const rows = await query<{ id: string }>(db, sql, [...bindings, ...where.bindings])
  return rows.map((row) => mapRow(model, row))
}

/** `id IN (?, …)` for an update or delete. */
export function byIds(ids: readonly string[]): { sql: string; bindings: readonly unknown[] } {
  return { sql: "id = ANY(?::text[]) AND deleted_at IS NULL", bindings: [ids] }
}

interface BatchRow {
  readonly id: string
  readonly values: Record<string, unknown>
}

function batchValues(model: Model, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(toColumns(model, data))) {
    if (column === "metadata" && value !== null) {
      const patch = metadataPatch(data.metadata)
      values.__metadata_patch = patch.set
      values.__metadata_removed = patch.removed
      continue
    }
    values[column] = value
  }
  return values
}

function assignment(column: string): string {
  if (column === "__metadata_patch") return `metadata = (coalesce(t.metadata, '{}'::jsonb) || v.__metadata_patch) - v.__metadata_removed`
  return `${ident(column)} = v.${ident(column)}`
}

function castOf(model: Model, column: string): string {
  if (column === "__metadata_patch") return "jsonb"
  if (column === "__metadata_removed") return "text[]"
  return columnInfo(model, column).cast
}

/** Rows of one model updated with the same columns, within one scope (e.g. one cart). */
interface BatchGroup {
  readonly model: Model
  readonly columns: readonly string[]
  readonly scope: { sql: string; bindings: readonly unknown[] }
}

async function updateChunk(db: Db, { model, columns, scope }: BatchGroup, rows: readonly BatchRow[]): Promise<Dto[]> {
  const bindings: unknown[] = []
  const tuples = rows.map((row) => {
    bindings.push(row.id, ...columns.map((column) => row.values[column]))
    return `(?::text, ${columns.map((column) => `?::${castOf(model, column)}`).join(", ")})`
  })
  const sets = columns.filter((column) => column !== "__metadata_removed").map(assignment)
  sets.push("updated_at = now()")
  const sql =
    `UPDATE ${ident(model.table)} t SET ${sets.join(", ")} ` +
    `FROM (VALUES ${tuples.join(", ")}) AS v(id, ${columns.map(ident).join(", ")}) ` +
    `WHERE t.id = v.id AND t.deleted_at IS NULL${scope.sql} RETURNING t.*`
  const updated = await query(db, sql, [...bindings, ...scope.bindings])
  return updated.map((row) => mapRow(model, row))
}

async function updateGroup(db: Db, group: BatchGroup, rows: readonly BatchRow[]): Promise<Dto[]> {
  const out: Dto[] = []
  for (const chunk of chunks(rows, group.columns.length + 1)) out.push(...(await updateChunk(db, group, chunk)))
  return out
}

/**
 * Updates rows by id, each with its own data, in one statement per distinct set of columns
 * (`UPDATE … FROM (VALUES …)`), never one per row. Metadata merges like {@link setClauses}.
 * `cartId` confines the update to one cart. Returns the updated rows by id; missing ids are absent.
 */
export async function updateRowsById(
  db: Db,
  model: Model,
  updates: readonly { id: string; data: Readonly<Record<string, unknown>> }[],
  cartId?: string,
): Promise<Map<string, Dto>> {
  const groups = new Map<string, BatchRow[]>()
  for (const { id, data } of updates) {
    const values = batchValues(model, data)
    const key = Object.keys(values).sort().join(",")
    const group = groups.get(key)
    if (group) group.push({ id, values })
    else groups.set(key, [{ id, values }])
  }
  const scope = cartId === undefined ? { sql: "", bindings: [] } : { sql: " AND t.cart_id = ?", bindings: [cartId] }
  const results = new Map<string, Dto>()
  for (const [key, rows] of groups) {
    const columns = key ? key.split(",") : []
    const updated = columns.length
      ? await updateGroup(db, { model, columns, scope }, rows)
      : await updateWhere(
          db,
          model,
          {},
          {
            sql: `id = ANY(?::text[]) AND deleted_at IS NULL${scope.sql.replace("t.", "")}`,
            bindings: [rows.map((row) => row.id), ...scope.bindings],
          },
        )
    for (const row of updated) if (typeof row.id === "string") results.set(row.id, row)
  }
  return results
}
