import type { Model } from "../../models"
import { ident, placeholders, query } from "./db"
import type { Db } from "./db"
import { toStoredMoney } from "./money-input"
import type { MoneyInput } from "./money-input"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"

/** Turns one DTO field into the column values to store (money fills its raw twin too). */
function storedColumns(model: Model, key: string, value: unknown, target: Record<string, unknown>): void {
  const kind = model.columns[key]?.kind
  if (kind === undefined || key.startsWith("raw_")) return
  if (kind === "money") {
    if (value === null || value === undefined) {
      target[key] = null
      target[`raw_${key}`] = null
      return
    }
    const money = toStoredMoney(value as MoneyInput, [key])
    target[key] = money.numeric
    target[`raw_${key}`] = JSON.stringify(money.raw)
    return
  }
  if (kind === "json") {
    // Stringify so arrays are stored as JSON arrays, not PostgreSQL arrays.
    target[key] = value === null || value === undefined ? null : JSON.stringify(value)
    return
  }
  if (kind === "decimal" && typeof value === "number") {
    target[key] = String(value)
    return
  }
  target[key] = value
}

/** The storable columns of an input object; keys that are not columns (relations, totals) are ignored. */
export function toColumns(model: Model, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || key === "created_at" || key === "updated_at" || key === "deleted_at") continue
    storedColumns(model, key, value, out)
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
  const bindings: unknown[] = []
  const values = rows.map((row) => {
    const cells = columns.map((column) => {
      if (!(column in row)) return "DEFAULT"
      bindings.push(row[column])
      return "?"
    })
    return `(${cells.join(", ")})`
  })
  const sql = `INSERT INTO ${ident(model.table)} (${columns.map(ident).join(", ")}) VALUES ${values.join(", ")} RETURNING ${returning}`
  const inserted = await query(db, sql, bindings)
  return inserted.map((row) => mapRow(model, row))
}

/**
 * `SET` clauses for an update: plain columns assigned, `metadata` merged in SQL (top-level keys;
 * a key set to "" is removed) so concurrent merges never lose each other's keys.
 */
export function setClauses(model: Model, data: Readonly<Record<string, unknown>>, bindings: unknown[]): string[] {
  const columns = toColumns(model, data)
  const clauses: string[] = []
  for (const [column, value] of Object.entries(columns)) {
    if (column === "metadata" && value !== null) {
      const patch = JSON.parse(value as string) as Record<string, unknown>
      const removed = Object.keys(patch).filter((key) => patch[key] === "")
      for (const key of removed) delete patch[key]
      bindings.push(JSON.stringify(patch), removed)
      clauses.push(`metadata = (coalesce(metadata, '{}'::jsonb) || ?::jsonb) - ?::text[]`)
      continue
    }
    bindings.push(value)
    clauses.push(`${ident(column)} = ?`)
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
  const sql = `UPDATE ${ident(model.table)} SET ${clauses.join(", ")} WHERE ${where.sql} RETURNING *`
  const rows = await query<{ id: string }>(db, sql, [...bindings, ...where.bindings])
  // RETURNING follows the scan, not creation: sort by id (a ULID) so results come back in creation order.
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return rows.map((row) => mapRow(model, row))
}

/** `id IN (?, …)` for an update or delete. */
export function byIds(ids: readonly string[]): { sql: string; bindings: readonly unknown[] } {
  return { sql: `id IN (${placeholders(ids.length)}) AND deleted_at IS NULL`, bindings: ids }
}
