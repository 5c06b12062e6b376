import type { Model } from "../../models"
import { InvalidDataError } from "../errors/errors"
import { ident, placeholders } from "./db"
import { isPlainObject } from "../validation/arguments"
import { hasOwn } from "./own-keys"
import { modelNamed } from "./read-plan"

/** A filter value: a scalar, a list (IN), null (IS NULL) or an operator object. */
export type FilterValue = unknown

/**
 * Medusa-style filters: field equality, arrays, null, operators, `$and`/`$or`, and nested relation filters.
 * Any object, so Medusa's `Filterable*Props` interfaces (which declare no index signature) are accepted;
 * field names are checked against the model when the filters are compiled.
 */
export type Filters = object

const COMPARISONS: Readonly<Record<string, string>> = {
  $eq: "=",
  $ne: "<>",
  $gt: ">",
  $gte: ">=",
  $lt: "<",
  $lte: "<=",
  $like: "LIKE",
  $ilike: "ILIKE",
}

/** Collects SQL bindings in placeholder order. */
export interface FilterSql {
  readonly bindings: unknown[]
  aliasCount: number
}

function bindValue(model: Model, column: string, value: unknown): unknown {
  const kind = model.columns[column]!.kind
  if (kind === "json" && value !== null && typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value)
  // Exact numbers travel as strings so PostgreSQL compares them as numeric, never as floats.
  if ((kind === "money" || kind === "decimal") && typeof value === "number") return String(value)
  if (kind === "money" && isPlainObject(value) && "value" in value) return String(value.value)
  return value
}

/** Array element types for `= ANY(?::type[])`: one parameter whatever the list's length (PostgreSQL allows 65,535). */
const ARRAY_TYPES: Readonly<Record<string, string>> = {
  text: "text",
  integer: "bigint",
  decimal: "numeric",
  money: "numeric",
  boolean: "boolean",
  datetime: "timestamptz",
}

function listCondition(model: Model, target: string, column: string, values: readonly unknown[], negate: boolean, out: FilterSql): string {
  const arrayType = ARRAY_TYPES[model.columns[column]!.kind]
  if (!arrayType) {
    for (const value of values) out.bindings.push(bindValue(model, column, value))
    return `${target} ${negate ? "NOT IN" : "IN"} (${placeholders(values.length)})`
  }
  out.bindings.push(values.map((value) => bindValue(model, column, value)))
  return negate ? `NOT (${target} = ANY(?::${arrayType}[]))` : `${target} = ANY(?::${arrayType}[])`
}

function inList(model: Model, target: string, column: string, values: readonly unknown[], negate: boolean, out: FilterSql): string {
  if (values.length === 0) return negate ? "TRUE" : "FALSE"
  const nonNull = values.filter((value) => value !== null)
  const list = nonNull.length ? listCondition(model, target, column, nonNull, negate, out) : ""
  if (nonNull.length === values.length) return list
  const nullPart = `${target} IS ${negate ? "NOT " : ""}NULL`
  if (!list) return nullPart
  return negate ? `(${list} AND ${nullPart})` : `(${list} OR ${nullPart})`
}

function operatorCondition(model: Model, alias: string, column: string, ops: Record<string, unknown>, out: FilterSql): string {
  const target = `${alias}.${ident(column)}`
  const parts: string[] = []
  for (const [op, value] of Object.entries(ops)) {
    if (op === "$in" || op === "$nin") {
      if (!Array.isArray(value)) throw InvalidDataError.because(`${op} on "${column}" needs an array`, [column, op])
      parts.push(inList(model, target, column, value, op === "$nin", out))
      continue
    }
    if (op === "$exists") {
      // MikroORM's: whether the column holds a value.
      if (typeof value !== "boolean") throw InvalidDataError.because(`$exists on "${column}" needs true or false`, [column, op])
      parts.push(`${target} IS ${value ? "NOT " : ""}NULL`)
      continue
    }
    if (op === "$not") {
      parts.push(`NOT (${columnCondition(model, alias, column, value, out)})`)
      continue
    }
    const sqlOp = hasOwn(COMPARISONS, op) ? COMPARISONS[op] : undefined
    if (!sqlOp) throw InvalidDataError.because(`Unknown filter operator "${op}" on "${column}"`, [column, op])
    if (value === null && (op === "$eq" || op === "$ne")) {
      parts.push(`${target} IS ${op === "$ne" ? "NOT " : ""}NULL`)
      continue
    }
    out.bindings.push(bindValue(model, column, value))
    parts.push(`${target} ${sqlOp} ?`)
  }
  return parts.length ? parts.join(" AND ") : "TRUE"
}

function columnCondition(model: Model, alias: string, column: string, value: unknown, out: FilterSql): string {
  const target = `${alias}.${ident(column)}`
  if (value === null) return `${target} IS NULL`
  if (Array.isArray(value)) return inList(model, target, column, value, false, out)
  if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith("$"))) {
    return operatorCondition(model, alias, column, value, out)
  }
  out.bindings.push(bindValue(model, column, value))
  return `${target} = ?`
}

function relationCondition(model: Model, alias: string, relation: string, value: unknown, out: FilterSql): string {
  const spec = model.relations[relation]!
  const child = modelNamed(spec.model)
  const childAlias = `f${++out.aliasCount}`
  if (!isPlainObject(value)) throw InvalidDataError.because(`Filter on relation "${relation}" must be an object`, [relation])
  const link =
    spec.kind === "many" ? `${childAlias}.${ident(spec.column)} = ${alias}.id` : `${childAlias}.id = ${alias}.${ident(spec.column)}`
  const inner = compileFilters(child, value, childAlias, out)
  return `EXISTS (SELECT 1 FROM ${ident(child.table)} ${childAlias} WHERE ${link} AND ${childAlias}.deleted_at IS NULL AND ${inner})`
}

/**
 * Compiles filters on `model` (table alias `alias`) into a SQL condition with `?` placeholders.
 * Field names are checked against the model, so no caller text ever reaches the SQL.
 */
export function compileFilters(model: Model, filters: Filters, alias: string, out: FilterSql): string {
  if (!isPlainObject(filters)) throw InvalidDataError.because(`Filters on ${model.name} must be an object`, ["filters"])
  const parts: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    if (key === "$not") {
      if (!isPlainObject(value)) throw InvalidDataError.because(`$not needs an object of filters`, [key])
      parts.push(`NOT (${compileFilters(model, value, alias, out)})`)
    } else if (key === "$and" || key === "$or") {
      if (!Array.isArray(value)) throw InvalidDataError.because(`${key} needs an array of filters`, [key])
      const joined = value.map((sub: Filters) => `(${compileFilters(model, sub, alias, out)})`)
      parts.push(joined.length ? `(${joined.join(key === "$and" ? " AND " : " OR ")})` : key === "$and" ? "TRUE" : "FALSE")
    } else if (hasOwn(model.columns, key)) {
      parts.push(columnCondition(model, alias, key, value, out))
    } else if (hasOwn(model.relations, key)) {
      parts.push(relationCondition(model, alias, key, value, out))
    } else {
      // Medusa's (MikroORM's) words for the same mistake.
      throw InvalidDataError.because(`Trying to query by not existing property ${model.name}.${key}`, ["filters", key])
    }
  }
  return parts.length ? parts.join(" AND ") : "TRUE"
}

/** True when the filters constrain `deleted_at` themselves (then soft-deleted rows are not hidden). */
export function mentionsDeletedAt(filters: Filters): boolean {
  return (
    isPlainObject(filters) &&
    Object.entries(filters).some(
      ([key, value]) =>
        key === "deleted_at" || ((key === "$and" || key === "$or") && Array.isArray(value) && value.some(mentionsDeletedAt)),
    )
  )
}
