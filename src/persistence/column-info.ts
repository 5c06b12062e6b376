import { COLUMN_TYPES } from "../../models"
import type { ColumnKind, Model } from "../../models"
import { ident } from "./db"

/** What the write path and the row mapper need of one column, derived once per model. */
export interface ColumnInfo {
  readonly kind: ColumnKind
  /** The column as a quoted identifier. */
  readonly quoted: string
  /** The PostgreSQL type of one value (`?::type`). */
  readonly cast: string
  /** The PostgreSQL array type of a batch of values (a money column's `raw_` twin is jsonb). */
  readonly arrayCast: string
  /** The SQL default expression, if any. */
  readonly default: string | undefined
  readonly nullable: boolean
  /** Whether an input field of this name is stored (raw twins and timestamps are the module's own). */
  readonly writable: boolean
  /** The name of the exact `raw_` twin: filled on write for money, added on read for decimals. */
  readonly twin: string
}

const SERVER_SET = new Set(["created_at", "updated_at", "deleted_at"])

const INFOS = new WeakMap<Model, ReadonlyMap<string, ColumnInfo>>()

/**
 * The columns of `model` by name. Writes and RETURNING rows look every field up here, once per
 * field per row, so the derived strings are built once rather than on every call. A Map, not the
 * model's object: a field named like an `Object.prototype` member is simply not a column.
 */
export function columnInfos(model: Model): ReadonlyMap<string, ColumnInfo> {
  let infos = INFOS.get(model)
  if (infos === undefined) {
    const built = new Map<string, ColumnInfo>()
    for (const name of Object.keys(model.columns)) {
      const spec = model.columns[name]
      if (spec === undefined) continue
      const cast = COLUMN_TYPES[spec.kind]
      const raw = name.startsWith("raw_")
      built.set(name, {
        kind: spec.kind,
        quoted: ident(name),
        cast,
        arrayCast: `${raw ? "jsonb" : cast}[]`,
        default: spec.default,
        nullable: spec.nullable === true,
        writable: !raw && !SERVER_SET.has(name),
        twin: `raw_${name}`,
      })
    }
    infos = built
    INFOS.set(model, infos)
  }
  return infos
}

/** The info of a column the caller knows `model` has; an unknown name is a programming error. */
export function columnInfo(model: Model, column: string): ColumnInfo {
  const info = columnInfos(model).get(column)
  if (info === undefined) throw new TypeError(`${model.table} has no column ${JSON.stringify(column)}`)
  return info
}
