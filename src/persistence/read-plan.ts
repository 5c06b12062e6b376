import { MODELS } from "../../models"
import type { Model } from "../../models"
import { InvalidDataError, UnexpectedStateError } from "../errors/errors"
import { hasOwn } from "./own-keys"

/** What to read from one model: its columns and the relations nested under it. */
export interface ReadPlan {
  readonly model: Model
  readonly columns: Set<string>
  readonly relations: Map<string, ReadPlan>
  /** Loaded only for totals: stripped from the result unless asked for. */
  hidden: boolean
  /** Columns listed explicitly in `select` (otherwise all columns are read). */
  restricted: boolean
}

/** Looks a model up by name; the names come from our own model specs. */
export function modelNamed(name: string): Model {
  if (hasOwn(MODELS, name)) return MODELS[name]
  throw UnexpectedStateError.because(`A relation names the unknown model "${name}"`)
}

/** A plan that reads every column of `model` and no relation. */
export function fullPlan(model: Model, hidden = false): ReadPlan {
  return { model, columns: new Set(model.columnNames), relations: new Map(), hidden, restricted: false }
}

function childPlan(parent: ReadPlan, relation: string, path: string): ReadPlan {
  const existing = parent.relations.get(relation)
  if (existing) return existing
  const spec = hasOwn(parent.model.relations, relation) ? parent.model.relations[relation] : undefined
  if (!spec) {
    throw InvalidDataError.because(`Unknown relation "${path}" on ${parent.model.name}`, ["relations"])
  }
  const plan = fullPlan(modelNamed(spec.model))
  parent.relations.set(relation, plan)
  return plan
}

/** Walks (creating as needed) the plan for a dotted relation path like `items.tax_lines`. */
export function planAt(root: ReadPlan, path: readonly string[], fullPath: string): ReadPlan {
  let plan = root
  for (const segment of path) {
    plan = childPlan(plan, segment, fullPath)
    plan.hidden = false
  }
  return plan
}

function restrict(plan: ReadPlan): void {
  if (plan.restricted) return
  plan.restricted = true
  plan.columns.clear()
  plan.columns.add("id")
}

function addSelected(root: ReadPlan, field: string, extraFields: ReadonlySet<string>): void {
  const segments = field.split(".")
  const last = segments.pop()!
  const plan = planAt(root, segments, field)
  if (last === "*") {
    for (const column of plan.model.columnNames) plan.columns.add(column)
    return
  }
  if (hasOwn(plan.model.columns, last)) {
    restrict(plan)
    plan.columns.add(last)
    if (plan.model.moneyColumns.includes(last)) plan.columns.add(`raw_${last}`)
    return
  }
  if (hasOwn(plan.model.relations, last)) {
    planAt(plan, [last], field)
    return
  }
  if (extraFields.has(last)) return
  throw InvalidDataError.because(`Unknown field "${field}" on ${root.model.name}`, ["select"])
}

/**
 * Builds the read plan for `select` and `relations`. Fields of relations imply the relation.
 * `extraFields` are computed fields (totals) the caller handles; they are accepted, not read.
 */
export function buildReadPlan(
  model: Model,
  select: readonly string[] | undefined,
  relations: readonly string[] | undefined,
  extraFields: ReadonlySet<string> = new Set(),
): ReadPlan {
  const root = fullPlan(model)
  for (const relation of relations ?? []) planAt(root, relation.split("."), relation)
  const explicit = (select ?? []).filter((field) => field.length > 0)
  const rootFields = explicit.filter((field) => !field.includes("."))
  if (rootFields.length > 0 && !rootFields.includes("*")) restrict(root)
  for (const field of explicit) addSelected(root, field, extraFields)
  readJoinKeys(root)
  return root
}

/** A loaded to-one relation's key column is read with it (`shipping_address_id` beside `shipping_address`), as Medusa returns it. */
function readJoinKeys(plan: ReadPlan): void {
  for (const [name, child] of plan.relations) {
    const spec = plan.model.relations[name]
    if (spec?.kind === "one") plan.columns.add(spec.column)
    readJoinKeys(child)
  }
}
