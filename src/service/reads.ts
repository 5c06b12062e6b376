import type { Model } from "../../models"
import { MODELS } from "../../models"
import { NotFoundError } from "../errors/errors"
import type { Db } from "../persistence/db"
import type { FindConfig } from "../persistence/find-config"
import type { Filters } from "../persistence/filters"
import { buildReadPlan } from "../persistence/read-plan"
import { readRows } from "../persistence/reader"
import { addPlannedReferences, mapPlanned, stripHidden } from "../persistence/row-mapper"
import type { Dto } from "../persistence/row-mapper"
import type { TotalsOptions } from "../totals"
import { addTotalsRelations, decorateCartTotals, wantsTotals } from "./cart-totals"

/** Reads a list of `model` rows with their relations (and cart totals when asked) in one statement. */
export async function listRows(
  db: Db,
  model: Model,
  filters: Filters | undefined,
  config: FindConfig | undefined,
  totals: TotalsOptions,
  withCount = false,
): Promise<{ rows: Dto[]; count: number }> {
  const cfg = config ?? {}
  const isCart = model === MODELS.Cart
  const plan = buildReadPlan(model, cfg.select, cfg.relations)
  const computeTotals = isCart && wantsTotals(cfg.select)
  const currencyLeftOut = computeTotals && addTotalsRelations(plan, totals.lean === true)
  const result = await readRows(db, model, plan, filters ?? {}, cfg, withCount)
  const rows = result.rows.map((row) => {
    const dto = mapPlanned(plan, row)
    if (computeTotals) {
      decorateCartTotals(dto, totals)
      // Read for rounding only: Medusa returns what was selected.
      if (currencyLeftOut) delete dto.currency_code
    }
    return addPlannedReferences(plan, stripHidden(plan, dto))
  })
  return { rows, count: result.count ?? rows.length }
}

/** Reads one row by id or fails with `<Model> with id "…" not found`. */
export async function retrieveRow(db: Db, model: Model, id: string, config: FindConfig | undefined, totals: TotalsOptions): Promise<Dto> {
  if (typeof id !== "string") throw NotFoundError.idRequired(model.name)
  const { rows } = await listRows(db, model, { id }, { ...config, take: undefined, skip: undefined }, totals)
  if (!rows[0]) throw NotFoundError.forId(model.name, id)
  return rows[0]
}
