import type { Model } from "../../models"
import { ident, preparedQuery, query } from "./db"
import type { Db } from "./db"
import type { FindConfig } from "./find-config"
import { compileFilters, mentionsDeletedAt } from "./filters"
import type { Filters, FilterSql } from "./filters"
import type { ReadPlan } from "./read-plan"
import { compileOrder, CREATION_ORDER, newSqlContext, objectExpression } from "./read-sql"
import type { ChildOrders } from "./read-sql"

/** Rows read in one statement, each a JSON object with its relations nested, plus the total count when asked. */
export interface ReadResult {
  readonly rows: Record<string, unknown>[]
  readonly count?: number
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
 * with the number of relations or rows. With `withCount`, a window count rides along.
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
  const object = objectExpression(plan, "t0", newSqlContext(withDeleted, childOrders))
  const bindings = [...filterSql.bindings]
  const count = withCount ? ", count(*) OVER () AS __count" : ""
  const creation = CREATION_ORDER.replace(/\$alias/g, "t0")
  const order = rootOrder ? `${rootOrder}, ${creation}` : creation
  const page = pagination(config, bindings)
  // With a page, pick its rows first and build JSON only for them: PostgreSQL projects the rows
  // that OFFSET skips too, so `skip: 100` would otherwise build 100 carts' relations for nothing.
  const sql = page
    ? `SELECT ${object} AS r${withCount ? ", t0.__count" : ""} FROM (SELECT ${pageColumns(plan, config.order)}${count} FROM "${model.table}" t0` +
      ` WHERE ${where} ORDER BY ${order}${page}) t0 ORDER BY ${order}`
    : `SELECT ${object} AS r${count} FROM "${model.table}" t0 WHERE ${where} ORDER BY ${order}`
  const result = await preparedQuery<{ r: Record<string, unknown>; __count?: string }>(db, sql, bindings)
  if (!withCount) return { rows: result.map((row) => row.r) }
  // An empty page has no row for the window count to ride on: past the end, or `take: 0`.
  if (result.length > 0 || (!config.skip && config.take !== 0)) {
    return { rows: result.map((row) => row.r), count: result.length ? Number(result[0]!.__count) : 0 }
  }
  const countSql: FilterSql = { bindings: [], aliasCount: 0 }
  let countWhere = compileFilters(model, filters, "t0", countSql)
  if (!withDeleted && !mentionsDeletedAt(filters)) countWhere = `t0.deleted_at IS NULL AND (${countWhere})`
  const counted = await query<{ n: string }>(db, `SELECT count(*) AS n FROM "${model.table}" t0 WHERE ${countWhere}`, countSql.bindings)
  return { rows: [], count: Number(counted[0]!.n) }
}
