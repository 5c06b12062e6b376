import type { Model } from "../../models"
import { InvalidDataError } from "../errors/errors"
import { hasOwn } from "./own-keys"
import { ident } from "./db"
import type { OrderBy } from "./find-config"
import type { ReadPlan } from "./read-plan"

/** PostgreSQL caps a function call at 100 arguments: 50 key/value pairs per jsonb_build_object. */
const PAIRS_PER_CALL = 40

/** Rows in creation order (with `$alias` for the table alias); ids alone are random, see persistence/ids.ts. */
export const CREATION_ORDER = "$alias.created_at, $alias.id"

/** Per-relation sort orders, keyed by the child plan. */
export type ChildOrders = Map<ReadPlan, string>

interface SqlContext {
  aliasCount: number
  readonly withDeleted: boolean
  readonly childOrders: ChildOrders
}

function columnExpression(model: Model, alias: string, column: string): string {
  const kind = model.columns[column]?.kind
  // Cast exact numbers to text so JSON parsing in Node never turns them into floats.
  if (kind === "money" || kind === "decimal") return `${alias}.${ident(column)}::text`
  // Epoch milliseconds, not ISO text: Node builds a Date from a number ~8× faster than it parses
  // one, and a 200-item cart carries 1,500 of them. floor() truncates microseconds, as parsing does.
  if (kind === "datetime") return `floor(extract(epoch from ${alias}.${ident(column)}) * 1000)`
  return `${alias}.${ident(column)}`
}

function relationExpression(parent: ReadPlan, parentAlias: string, name: string, child: ReadPlan, ctx: SqlContext): string {
  const spec = parent.model.relations[name]!
  const alias = `t${++ctx.aliasCount}`
  const table = `${ident(child.model.table)} ${alias}`
  const notDeleted = ctx.withDeleted ? "" : ` AND ${alias}.deleted_at IS NULL`
  const object = objectExpression(child, alias, ctx)
  if (spec.kind === "one") {
    return `(SELECT ${object} FROM ${table} WHERE ${alias}.id = ${parentAlias}.${ident(spec.column)}${notDeleted})`
  }
  // Creation order: created_at (the inserting statement's clock), then the id, which is handed out
  // ascending within one statement (see persistence/ids.ts).
  const order = ctx.childOrders.get(child) ?? CREATION_ORDER.replace(/\$alias/g, alias)
  const orderSql = order.replace(/\$alias/g, alias)
  return (
    `(SELECT coalesce(json_agg(${object} ORDER BY ${orderSql}), '[]'::json) FROM ${table}` +
    ` WHERE ${alias}.${ident(spec.column)} = ${parentAlias}.id${notDeleted})`
  )
}

/**
 * The columns of a plan without relations as plain output columns, one per column and named after it, for
 * a read that needs no nesting: the driver then reads typed columns instead of parsing one JSON text per row,
 * and the server builds no JSON. Dates go as epoch milliseconds in a float8, which the driver hands over as a
 * number whatever type parsers the host installed (MikroORM's return dates as text); exact numbers as text.
 */
export function plainColumns(plan: ReadPlan, alias: string): string {
  const columns: string[] = []
  for (const column of plan.columns) {
    const expression = columnExpression(plan.model, alias, column)
    const typed = plan.model.columns[column]?.kind === "datetime" ? `${expression}::float8` : expression
    columns.push(`${typed} AS ${ident(column)}`)
  }
  return columns.join(", ")
}

/** A json expression building one row of `plan` (with its nested relations) from table alias `alias`. */
export function objectExpression(plan: ReadPlan, alias: string, ctx: SqlContext): string {
  const pairs: string[] = []
  for (const column of plan.columns) pairs.push(`'${column}', ${columnExpression(plan.model, alias, column)}`)
  for (const [name, child] of plan.relations) {
    pairs.push(`'${name}', ${relationExpression(plan, alias, name, child, ctx)}`)
  }
  const calls: string[] = []
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) {
    calls.push(`json_build_object(${pairs.slice(i, i + PAIRS_PER_CALL).join(", ")})`)
  }
  // json, not jsonb: nesting jsonb re-encodes every child at each level (measured: a 200-item cart
  // read took ~30% longer as jsonb), while json is concatenated text. Only merging needs jsonb.
  return calls.length === 1 ? calls[0]! : `(${calls.map((call) => `${call}::jsonb`).join(" || ")})`
}

function direction(value: string): "ASC" | "DESC" {
  const upper = value.toUpperCase()
  if (upper !== "ASC" && upper !== "DESC") {
    throw InvalidDataError.because(`Invalid order direction "${value}": use ASC or DESC`, ["order"])
  }
  return upper
}

/** Medusa's (MikroORM's) words for an order field the model does not have. */
function unknownOrderField(plan: ReadPlan, field: string): InvalidDataError {
  return InvalidDataError.because(`Trying to order by not existing property ${plan.model.name}.${field}`, ["order", field])
}

/**
 * Turns `order` into SQL for the root (returned) and per-relation orders (stored in `childOrders`).
 * Unknown fields are refused: only model columns ever reach the SQL text.
 */
export function compileOrder(plan: ReadPlan, order: OrderBy | undefined, alias: string, childOrders: ChildOrders): string {
  const parts: string[] = []
  for (const [field, value] of Object.entries(order ?? {})) {
    if (typeof value === "string") {
      if (!hasOwn(plan.model.columns, field)) {
        throw unknownOrderField(plan, field)
      }
      parts.push(`${alias}.${ident(field)} ${direction(value)}`)
      continue
    }
    const child = plan.relations.get(field)
    if (!child || !hasOwn(plan.model.relations, field) || plan.model.relations[field]?.kind !== "many") {
      throw unknownOrderField(plan, field)
    }
    const childSql = compileOrder(child, value, "$alias", childOrders)
    if (childSql) childOrders.set(child, `${childSql}, ${CREATION_ORDER}`)
  }
  return parts.join(", ")
}

/** Everything needed to run a read: the SELECT list expression and its context. */
export function newSqlContext(withDeleted: boolean, childOrders: ChildOrders): SqlContext {
  return { aliasCount: 0, withDeleted, childOrders }
}
