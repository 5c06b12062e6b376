import type { Model } from "../../models"
import { columnInfos } from "./column-info"
import type { ColumnInfo } from "./column-info"
import { isRecord } from "./is-record"
import type { ReadPlan } from "./read-plan"

/** A row as the service returns it: plain data, dates as Date, money as number with an exact `raw_` twin. */
export type Dto = Record<string, unknown>

function mapValue(kind: string | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null
  switch (kind) {
    case "datetime":
      // Reads send epoch milliseconds (see read-sql.ts); RETURNING rows arrive as Dates from the driver.
      return value instanceof Date ? value : new Date(typeof value === "number" ? value : String(value))
    case "money":
    case "decimal":
      // The exact value lives in the raw_ twin (money) or is a short rate (decimal); numbers are for display.
      return typeof value === "number" ? value : Number(value)
    default:
      return value
  }
}

/**
 * A decimal column (a tax rate) is returned as a number for display plus an exact `raw_` twin, as
 * money is: the number rounds past 15 significant digits, the twin never does.
 */
function addExactTwin(info: ColumnInfo, value: unknown, dto: Dto): void {
  if (info.kind !== "decimal") return
  dto[info.twin] = value === null || value === undefined ? null : { value: String(value), precision: 20 }
}

/**
 * Maps one stored row (from JSON aggregation or a RETURNING clause) of `model` to its DTO, leaving out
 * `omitted` keys (extra output columns the caller reads itself: deleting them from the driver's row
 * afterwards would turn it into a slow dictionary object).
 */
export function mapRow(model: Model, row: Record<string, unknown>, omitted?: ReadonlySet<string>): Dto {
  if (omitted === undefined && !conversionsOf(model).twins) return convertInPlace(model, row)
  const infos = columnInfos(model)
  const dto: Dto = {}
  for (const key of Object.keys(row)) {
    if (omitted?.has(key)) continue
    const value = row[key]
    const info = infos.get(key)
    if (info === undefined) {
      dto[key] = value ?? null
      continue
    }
    dto[key] = mapValue(info.kind, value)
    addExactTwin(info, value, dto)
  }
  return dto
}

/** The columns of a model whose stored form differs from the DTO's (dates, exact numbers). */
interface Conversions {
  readonly columns: readonly (readonly [column: string, info: ColumnInfo])[]
  /** Whether a column gains a `raw_` twin (a decimal): then a DTO is built key by key, the twin after its column. */
  readonly twins: boolean
}

/**
 * A row whose model adds no twin, converted in place: a driver's or JSON parse's row that nobody else
 * holds already has the DTO's keys in the DTO's order (the driver never yields undefined), so only dates
 * and money need touching. Copying every field into a new object was most of a write's mapping CPU.
 */
function convertInPlace(model: Model, row: Record<string, unknown>): Dto {
  for (const [column, info] of conversionsOf(model).columns) {
    const value = row[column]
    if (value !== undefined) row[column] = mapValue(info.kind, value)
  }
  return row
}

const CONVERSIONS = new WeakMap<Model, Conversions>()

function conversionsOf(model: Model): Conversions {
  let conversions = CONVERSIONS.get(model)
  if (conversions === undefined) {
    const columns = [...columnInfos(model)].filter(
      ([, info]) => info.kind === "datetime" || info.kind === "money" || info.kind === "decimal",
    )
    conversions = { columns, twins: columns.some(([, info]) => info.kind === "decimal") }
    CONVERSIONS.set(model, conversions)
  }
  return conversions
}

/**
 * Maps a row read through a plan, recursing into its relations, IN PLACE: `row` is the object a
 * read's JSON parse just built (its keys are the plan's columns and relations) and nobody else holds
 * it, so only the dates and exact numbers are converted rather than every field copied. On a
 * 200-item cart the copy was half of the Node time of a read.
 */
export function mapPlanned(plan: ReadPlan, row: Record<string, unknown>): Dto {
  for (const [column, info] of conversionsOf(plan.model).columns) {
    const value = row[column]
    if (value === undefined) continue
    row[column] = mapValue(info.kind, value)
    addExactTwin(info, value, row)
  }
  for (const [name, child] of plan.relations) {
    const value = row[name]
    if (Array.isArray(value)) {
      for (const entry of value) if (isRecord(entry)) mapPlanned(child, entry)
    } else if (isRecord(value)) {
      mapPlanned(child, value)
    } else {
      row[name] = null
    }
  }
  return row
}

/** Removes relations that were loaded only to compute totals. */
export function stripHidden(plan: ReadPlan, dto: Dto): Dto {
  for (const [name, child] of plan.relations) {
    const value = dto[name]
    if (child.hidden) {
      delete dto[name]
    } else if (Array.isArray(value)) {
      for (const entry of value) if (isRecord(entry)) stripHidden(child, entry)
    } else if (isRecord(value)) {
      stripHidden(child, value)
    }
  }
  return dto
}

/** The to-one relations of each model: the names a read may answer with a reference, and the model each names. */
const ONE_RELATIONS = new WeakMap<Model, readonly OneRelation[]>()

interface OneRelation {
  readonly name: string
  readonly column: string
  readonly model: string
}

function oneRelationsOf(model: Model): readonly OneRelation[] {
  let relations = ONE_RELATIONS.get(model)
  if (relations === undefined) {
    relations = Object.entries(model.relations).flatMap(([name, spec]) =>
      spec.kind === "one" ? [{ name, column: spec.column, model: spec.model }] : [],
    )
    ONE_RELATIONS.set(model, relations)
  }
  return relations
}

/**
 * Adds, for each to-one relation of `model` the row names but the read did not load, the reference
 * Medusa's serializer leaves there: `{ id }` of the related row, or `null` when the key is null (a line
 * item's `cart: { id }`, an adjustment's `item: { id }`, a cart's `shipping_address: { id }`). A row nested
 * under its parent gets no reference back to it (`cart.items[0]` has no `cart`), as in Medusa, and a row
 * whose key column was not read gets none.
 */
export function addReferences(model: Model, dto: Dto, parent?: Model): Dto {
  for (const relation of oneRelationsOf(model)) {
    if (relation.model === parent?.name || relation.name in dto || !(relation.column in dto)) continue
    const id = dto[relation.column]
    dto[relation.name] = typeof id === "string" ? { id } : null
  }
  return dto
}

/** {@link addReferences} on each of `rows` (top-level rows of `model`, e.g. an update's), returned. */
export function withReferences(model: Model, rows: Dto[]): Dto[] {
  for (const row of rows) addReferences(model, row)
  return rows
}

/** {@link addReferences} on a read row and every row nested in it by `plan` (hidden relations already stripped). */
export function addPlannedReferences(plan: ReadPlan, dto: Dto, parent?: Model): Dto {
  addReferences(plan.model, dto, parent)
  for (const [name, child] of plan.relations) {
    const value = dto[name]
    if (Array.isArray(value)) {
      for (const entry of value) if (isRecord(entry)) addPlannedReferences(child, entry, plan.model)
    } else if (isRecord(value)) {
      addPlannedReferences(child, value, plan.model)
    }
  }
  return dto
}
