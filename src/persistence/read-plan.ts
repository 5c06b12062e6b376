import { MODELS } from "../../models"
import type { Model } from "../../models"
import { UnexpectedStateError } from "../errors/errors"
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

function childPlan(parent: ReadPlan, relation: string): ReadPlan | undefined {
  const existing = parent.relations.get(relation)
  if (existing) return existing
  const spec = hasOwn(parent.model.relations, relation) ? parent.model.relations[relation] : undefined
  if (!spec) return undefined
  const plan = fullPlan(modelNamed(spec.model))
  parent.relations.set(relation, plan)
  return plan
}

/**
 * Walks (creating as needed) the plan for a dotted relation path like `items.tax_lines`; `undefined` when
 * a segment names no relation (the path is then ignored, see {@link buildReadPlan}).
 */
function planAt(root: ReadPlan, path: readonly string[]): ReadPlan | undefined {
  let plan: ReadPlan | undefined = root
  for (const segment of path) {
    plan = childPlan(plan, segment)
    if (plan === undefined) return undefined
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

/** The model at the end of a dotted relation path, without planning it; undefined when a segment names no relation. */
function modelAt(model: Model, path: readonly string[]): Model | undefined {
  let current = model
  for (const segment of path) {
    const spec = hasOwn(current.relations, segment) ? current.relations[segment] : undefined
    if (spec === undefined) return undefined
    current = modelNamed(spec.model)
  }
  return current
}

function addSelected(root: ReadPlan, field: string): void {
  const segments = field.split(".")
  const last = segments.pop()!
  const model = modelAt(root.model, segments)
  // Anything that names nothing the models have (a computed total, a typo, a field of a linked module,
  // `*items`) is left out, relation path included, as `@medusajs/cart` leaves it: Medusa's own store routes
  // select `shipping_address.region_code`, which no cart module has. Only model columns reach the SQL text.
  if (model === undefined) return
  const known = last === "*" || hasOwn(model.columns, last) || hasOwn(model.relations, last)
  if (!known) return
  const plan = planAt(root, segments)!
  if (last === "*") {
    for (const column of plan.model.columnNames) plan.columns.add(column)
  } else if (hasOwn(plan.model.columns, last)) {
    restrict(plan)
    plan.columns.add(last)
    if (plan.model.moneyColumns.includes(last)) plan.columns.add(`raw_${last}`)
  } else {
    planAt(plan, [last])
  }
}

/**
 * Builds the read plan for `select` and `relations`, as `@medusajs/cart` reads them: any `select` but one
 * holding `*` narrows the row to `id` and the columns it names (`select: []` reads only `id`); fields of
 * relations imply the relation; a field or relation the models do not have is ignored rather than refused.
 */
export function buildReadPlan(model: Model, select: readonly string[] | undefined, relations: readonly string[] | undefined): ReadPlan {
  const root = fullPlan(model)
  for (const relation of relations ?? []) planAt(root, relation.split("."))
  if (select !== undefined && !select.includes("*")) restrict(root)
  for (const field of select ?? []) if (field.length > 0) addSelected(root, field)
  readJoinKeys(root)
  return root
}

/**
 * The key columns a loaded relation joins on are read with it, as Medusa returns them whatever `select`
 * names: `shipping_address_id` beside `shipping_address`, each item's `cart_id` under `items`.
 */
function readJoinKeys(plan: ReadPlan): void {
  for (const [name, child] of plan.relations) {
    const spec = plan.model.relations[name]
    if (spec?.kind === "one") plan.columns.add(spec.column)
    else if (spec?.kind === "many") child.columns.add(spec.column)
    readJoinKeys(child)
  }
}
