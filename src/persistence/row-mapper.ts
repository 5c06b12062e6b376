import type { Model } from "../../models"
import type { ReadPlan } from "./read-plan"

/** A row as the service returns it: plain data, dates as Date, money as number with an exact `raw_` twin. */
export type Dto = Record<string, unknown>

function mapValue(kind: string | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null
  switch (kind) {
    case "datetime":
      return value instanceof Date ? value : new Date(value as string)
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
function addExactTwin(kind: string | undefined, column: string, value: unknown, dto: Dto): void {
  if (kind !== "decimal") return
  dto[`raw_${column}`] = value === null || value === undefined ? null : { value: String(value), precision: 20 }
}

/** Maps one stored row (from JSON aggregation or a RETURNING clause) of `model` to its DTO. */
export function mapRow(model: Model, row: Record<string, unknown>): Dto {
  const dto: Dto = {}
  for (const [key, value] of Object.entries(row)) {
    const kind = model.columns[key]?.kind
    dto[key] = mapValue(kind, value)
    addExactTwin(kind, key, value, dto)
  }
  return dto
}

/** Maps a row read through a plan, recursing into its relations and dropping hidden ones. */
export function mapPlanned(plan: ReadPlan, row: Record<string, unknown>): Dto {
  const dto: Dto = {}
  for (const column of plan.columns) {
    const kind = plan.model.columns[column]?.kind
    dto[column] = mapValue(kind, row[column])
    addExactTwin(kind, column, row[column], dto)
  }
  for (const [name, child] of plan.relations) {
    const value = row[name]
    if (Array.isArray(value)) dto[name] = value.map((entry: Record<string, unknown>) => mapPlanned(child, entry))
    else dto[name] = value ? mapPlanned(child, value as Record<string, unknown>) : null
  }
  return dto
}

/** Removes relations that were loaded only to compute totals. */
export function stripHidden(plan: ReadPlan, dto: Dto): Dto {
  for (const [name, child] of plan.relations) {
    const value = dto[name]
    if (child.hidden) {
      delete dto[name]
    } else if (Array.isArray(value)) {
      for (const entry of value) stripHidden(child, entry as Dto)
    } else if (value) {
      stripHidden(child, value as Dto)
    }
  }
  return dto
}
