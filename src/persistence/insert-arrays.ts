import type { Model } from "../../models"
import { columnInfos } from "./column-info"
import type { ColumnInfo } from "./column-info"
import { ident } from "./db"

// One-statement writes insert a few rows of one shape many times over, so what depends only on the
// shape (the sorted union of the rows' keys, their column info, the SQL text) is worked out once per
// shape and model and kept, bounded: past the bound shapes are worked out per call.

/** A set of columns rows of one model name, as the insert of those rows uses it. */
interface ColumnSet {
  /** Sorted: callers build rows in their input's key order, and one column set should be one text. */
  readonly columns: readonly string[]
  /** Each column's info; `undefined` for a key that is no column (an input checked by {@link arrayInsertable}). */
  readonly infos: readonly (ColumnInfo | undefined)[]
  /** Indexes of the columns with a default: where a row leaves one out, that default applies. */
  readonly defaulted: readonly number[]
  /** Insert texts by guard and by which defaulted columns some row leaves out. */
  readonly texts: Map<string, string>
}

const COLUMN_SETS = new WeakMap<Model, Map<string, ColumnSet>>()
const MAX_SETS_PER_MODEL = 128
const MAX_TEXTS_PER_SET = 16

/** Whether every row has exactly the keys of the first, in its order (rows built by one mapping do). */
function uniform(rows: readonly Record<string, unknown>[], keys: readonly string[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    const other = Object.keys(rows[i]!)
    if (other.length !== keys.length) return false
    for (let k = 0; k < keys.length; k++) if (other[k] !== keys[k]) return false
  }
  return true
}

function newColumnSet(model: Model, columns: readonly string[]): ColumnSet {
  const all = columnInfos(model)
  const infos = columns.map((column) => all.get(column))
  const defaulted: number[] = []
  infos.forEach((info, index) => {
    if (info?.default !== undefined) defaulted.push(index)
  })
  return { columns, infos, defaulted, texts: new Map() }
}

/** The column set of `rows` (at least one), and whether some row leaves out a column another names. */
function columnSetOf(model: Model, rows: readonly Record<string, unknown>[]): { readonly set: ColumnSet; readonly ragged: boolean } {
  const keys = Object.keys(rows[0]!)
  const ragged = !uniform(rows, keys)
  let columns: string[] | undefined
  if (ragged) {
    const seen = new Set(keys)
    for (const row of rows) for (const key of Object.keys(row)) seen.add(key)
    columns = [...seen].sort()
  }
  // Uniform rows are keyed by their keys as they come, so the common case never sorts.
  const key = (columns ?? keys).join("\0") + (ragged ? "\0sorted" : "")
  let sets = COLUMN_SETS.get(model)
  if (sets === undefined) COLUMN_SETS.set(model, (sets = new Map()))
  let set = sets.get(key)
  if (set === undefined) {
    set = newColumnSet(model, columns ?? [...keys].sort())
    if (sets.size < MAX_SETS_PER_MODEL) sets.set(key, set)
  }
  return { set, ragged }
}

function missingFromSome(rows: readonly Record<string, unknown>[], column: string): boolean {
  for (const row of rows) if (!(column in row)) return true
  return false
}

/**
 * `INSERT INTO … SELECT … FROM unnest(…)` of `rows`: one array parameter per column, so the text is the same
 * whatever the batch size. Rows may name different columns: a column a row leaves out is NULL there, or the
 * column's default where it has one (`COALESCE`, only for columns that cannot be NULL, so an explicit NULL is
 * never replaced). Rows {@link arrayInsertable} refuses (some leave out a nullable column with a default)
 * throw a TypeError rather than insert NULL where VALUES would insert the default. `where` (trusted SQL) guards the insert, e.g. on a
 * lock CTE. No RETURNING; pushes the arrays onto `bindings`.
 */
export function insertArraysSql(model: Model, rows: readonly Record<string, unknown>[], bindings: unknown[], where = ""): string {
  if (rows.length === 0) return buildSql(model, newColumnSet(model, []), [], where)
  const { set, ragged } = columnSetOf(model, rows)
  for (const column of set.columns) {
    const values = new Array<unknown>(rows.length)
    for (let i = 0; i < rows.length; i++) values[i] = rows[i]![column] ?? null
    bindings.push(values)
  }
  // Only ragged rows leave a column out, so only they can need a default.
  const fallbacks = ragged ? set.defaulted.filter((index) => missingFromSome(rows, set.columns[index]!)) : []
  for (const index of fallbacks) {
    // NULL in the array would mean both "left out" and "set to NULL": never guess (see arrayInsertable).
    if (set.infos[index]?.nullable)
      throw new TypeError(`${model.table}.${set.columns[index]!} is nullable with a default: rows must all name it or all leave it out`)
  }
  const shape = fallbacks.length ? `${fallbacks.join(",")}\0${where}` : where
  let sql = set.texts.get(shape)
  if (sql === undefined) {
    sql = buildSql(model, set, fallbacks, where)
    if (set.texts.size < MAX_TEXTS_PER_SET) set.texts.set(shape, sql)
  }
  return sql
}

function buildSql(model: Model, set: ColumnSet, fallbacks: readonly number[], where: string): string {
  const infos = set.infos.map((info, index) => {
    if (info === undefined) throw new TypeError(`${model.table} has no column ${JSON.stringify(set.columns[index])}`)
    return info
  })
  const names = infos.map((info) => info.quoted).join(", ")
  const selected = infos.map((info, index) =>
    fallbacks.includes(index) ? `COALESCE(v.${info.quoted}, ${info.default})` : `v.${info.quoted}`,
  )
  const arrays = infos.map((info) => `?::${info.arrayCast}`).join(", ")
  return `INSERT INTO ${ident(model.table)} (${names}) SELECT ${selected.join(", ")} FROM unnest(${arrays}) AS v(${names})${where ? ` WHERE ${where}` : ""}`
}

/** Models with a nullable column that has a default: only their rows can be ambiguous as arrays. */
const NULLABLE_DEFAULTS = new WeakMap<Model, boolean>()

function hasNullableDefault(model: Model): boolean {
  let has = NULLABLE_DEFAULTS.get(model)
  if (has === undefined) {
    has = [...columnInfos(model).values()].some((info) => info.nullable && info.default !== undefined)
    NULLABLE_DEFAULTS.set(model, has)
  }
  return has
}

/**
 * Whether {@link insertArraysSql} can insert `rows` exactly as `INSERT … VALUES` with DEFAULT for missing
 * cells would: rows may leave out a column unless it is nullable with a default (NULL there would be
 * ambiguous between "left out" and "set to NULL"). Without such a column (no model has one today) the
 * answer needs no look at the rows, so the insert's own pass over them is the only one.
 */
export function arrayInsertable(model: Model, rows: readonly Record<string, unknown>[]): boolean {
  if (rows.length === 0 || !hasNullableDefault(model)) return true
  const { set, ragged } = columnSetOf(model, rows)
  if (!ragged) return true
  for (const index of set.defaulted) {
    if (set.infos[index]?.nullable && missingFromSome(rows, set.columns[index]!)) return false
  }
  return true
}
