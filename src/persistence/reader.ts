import type { Model } from "../../models"
import { ident, preparedQuery, query } from "./db"
import type { Db } from "./db"
import type { FindConfig } from "./find-config"
import { compileFilters, mentionsDeletedAt } from "./filters"
import type { Filters, FilterSql } from "./filters"
import type { ReadPlan } from "./read-plan"
import { compileOrder, CREATION_ORDER, newSqlContext, objectExpression, plainColumns } from "./read-sql"
import type { ChildOrders } from "./read-sql"

/** Rows read in one statement (with their relations nested when the plan has any), plus the total count when asked. */
export interface ReadResult {
  readonly rows: Record<string, unknown>[]
  readonly count?: number
}

/** A flat read's row: the plan's columns, and the window count when asked. */
type FlatRow = Record<string, unknown> & { __count?: string }

/** A nested read's row: one JSON object, and the window count when asked. */
interface JsonRow {
  readonly r: Record<string, unknown>
  readonly __count?: string
}

/** The rows and the window count (undefined on an empty page) of a statement's result. */
interface PageRows {
  readonly rows: Record<string, unknown>[]
  readonly count: number | undefined
}

function windowCount(result: readonly { __count?: string }[]): number | undefined {
  const first = result[0]
  return first === undefined ? undefined : Number(first.__count)
}

/**
 * A flat read's rows as they came, or, with a count, copies of their plan columns without it (deleting the
 * key instead would turn each driver row into a slow dictionary object).
 */
function flatRows(plan: ReadPlan, result: FlatRow[], withCount: boolean): PageRows {
  if (!withCount) return { rows: result, count: undefined }
  const rows = result.map((row) => {
    const columns: Record<string, unknown> = {}
    for (const column of plan.columns) columns[column] = row[column]
    return columns
  })
  return { rows, count: windowCount(result) }
}

function jsonRows(result: readonly JsonRow[]): PageRows {
  return { rows: result.map((row) => row.r), count: windowCount(result) }
}

function pagination(config: FindConfig, bindings: unknown[]): string {
  let sql = ""
  if (config.take !== undefined && config.take !== null) {
    bindings.push(config.take)
    sql += " LIMIT ?"
  }
  if (config.skip) {
    bindings.push(config.skip)
    sql += " OFFSET ?"
  }
  return sql
}

/**
 * The columns a page's outer query reads from the inner one: the plan's own (which include the keys its
 * to-one relations join on, see buildReadPlan) and the sort keys. Carrying every column through the window
 * count and the sort instead made each row in them several times wider than a narrow select needs.
 */
function pageColumns(plan: ReadPlan, order: FindConfig["order"]): string {
  const columns = new Set<string>(["id", "created_at", ...plan.columns])
  // compileOrder already refused any field that is not a column; nested orders are the relations' own.
  for (const [field, value] of Object.entries(order ?? {})) if (typeof value === "string") columns.add(field)
  return [...columns].map((column) => `t0.${ident(column)}`).join(", ")
}

/**
 * Reads `plan` for every row of `model` matching `filters`, relations included, in ONE statement:
 * children are aggregated as JSON in correlated subqueries, so the cost in round trips never grows
 * with the number of relations or rows; a plan without relations reads plain columns. With
 * `withCount`, a window count rides along.
 */
export async function readRows(
  db: Db,
  model: Model,
  plan: ReadPlan,
  filters: Filters,
  config: FindConfig,
  withCount = false,
): Promise<ReadResult> {
  const withDeleted = config.withDeleted === true
  const childOrders: ChildOrders = new Map()
  const rootOrder = compileOrder(plan, config.order, "t0", childOrders)
  const filterSql: FilterSql = { bindings: [], aliasCount: 0 }
  let where = compileFilters(model, filters, "t0", filterSql)
  if (!withDeleted && !mentionsDeletedAt(filters)) where = `t0.deleted_at IS NULL AND (${where})`
  // A plan without relations reads its columns as columns; one with relations nests them as JSON.
  const flat = plan.relations.size === 0
  const output = flat ? plainColumns(plan, "t0") : `${objectExpression(plan, "t0", newSqlContext(withDeleted, childOrders))} AS r`
  const bindings = [...filterSql.bindings]
  const count = withCount ? ", count(*) OVER () AS __count" : ""
  const creation = CREATION_ORDER.replace(/\$alias/g, "t0")
  const order = rootOrder ? `${rootOrder}, ${creation}` : creation
  const page = pagination(config, bindings)
  // With a page, pick its rows first and build JSON only for them: PostgreSQL projects the rows
  // that OFFSET skips too, so `skip: 100` would otherwise build 100 carts' relations for nothing.
  const sql = page
    ? `SELECT ${output}${withCount ? ", t0.__count" : ""} FROM (SELECT ${pageColumns(plan, config.order)}${count} FROM "${model.table}" t0` +
      ` WHERE ${where} ORDER BY ${order}${page}) t0 ORDER BY ${order}`
    : `SELECT ${output}${count} FROM "${model.table}" t0 WHERE ${where} ORDER BY ${order}`
  const { rows, count: pageCount } = flat
    ? flatRows(plan, await preparedQuery<FlatRow>(db, sql, bindings), withCount)
    : jsonRows(await preparedQuery<JsonRow>(db, sql, bindings))
  if (!withCount) return { rows }
  // An empty page has no row for the window count to ride on: past the end, or `take: 0`.
  if (rows.length > 0 || (!config.skip && config.take !== 0)) return { rows, count: pageCount ?? 0 }
  const countSql: FilterSql = { bindings: [], aliasCount: 0 }
  let countWhere = compileFilters(model, filters, "t0", countSql)
  if (!withDeleted && !mentionsDeletedAt(filters)) countWhere = `t0.deleted_at IS NULL AND (${countWhere})`
  const counted = await query<{ n: string }>(db, `SELECT count(*) AS n FROM "${model.table}" t0 WHERE ${countWhere}`, countSql.bindings)
  return { rows: [], count: Number(counted[0]!.n) }
}
