import type { Model } from "../../models"
import { MODELS } from "../../models"
import { ident, query } from "./db"
import { modelNamed } from "./read-plan"
import type { Db } from "./db"

/** The rows hidden with a model's row when it is soft-deleted, by the column that links them. */
function cascadeTargets(model: Model): { model: Model; column: string }[] {
  if (model === MODELS.Cart) {
    // Every child row carries cart_id, so one pass per table reaches grandchildren too.
    return Object.values(MODELS)
      .filter((m) => m !== MODELS.Cart)
      .map((m) => ({ model: m, column: "cart_id" }))
  }
  return Object.values(model.relations)
    .filter((relation) => relation.kind === "many")
    .map((relation) => ({ model: modelNamed(relation.model), column: relation.column }))
}

/** The rows a soft delete or restore changed: their ids per table, and the cart each belongs to. */
export interface SoftDeleted {
  readonly ids: Map<Model, string[]>
  /** Each changed row's cart (a cart's own id for a cart; null for an address of no cart). */
  readonly cartOf: ReadonlyMap<string, string | null>
}

/**
 * Soft-deletes (or restores) rows and cascades to their children in ONE statement of chained CTEs.
 * All rows share one per-statement timestamp, so restore brings back exactly the children that went
 * with the parent, not ones deleted on their own earlier. Returns the affected ids per table.
 */
export async function setDeleted(db: Db, model: Model, ids: readonly string[], deleted: boolean): Promise<SoftDeleted> {
  if (ids.length === 0) return { ids: new Map([[model, []]]), cartOf: new Map() }
  const targets = cascadeTargets(model)
  // One timestamp per statement, not now() (fixed for the whole transaction): a child soft-deleted on
  // its own earlier in the same transaction must not share its parent's stamp, or restore would revive it.
  const set = deleted ? "deleted_at = (SELECT at FROM ts)" : "deleted_at = NULL"
  const rootCondition = deleted ? "deleted_at IS NULL" : "deleted_at IS NOT NULL"
  const ctes = [
    // clock_timestamp() is volatile, so this CTE is evaluated once and shared by every UPDATE below.
    `ts AS (SELECT clock_timestamp() AS at)`,
    `r AS (UPDATE ${ident(model.table)} SET ${set} WHERE id = ANY(?::text[]) AND ${rootCondition} RETURNING id, ${model === MODELS.Cart ? "id" : "cart_id"} AS cart_id)`,
  ]
  targets.forEach((target, index) => {
    const child = `${ident(target.model.table)}.${ident(target.column)}`
    // Every CTE sees the snapshot from before the statement, so the parent's old deleted_at is still readable.
    const match = deleted
      ? `${child} IN (SELECT id FROM r) AND deleted_at IS NULL`
      : `${child} IN (SELECT id FROM r) AND deleted_at = (SELECT o.deleted_at FROM ${ident(model.table)} o WHERE o.id = ${child})`
    // Every child table carries cart_id (an address's is null when it belongs to no cart).
    ctes.push(`c${index} AS (UPDATE ${ident(target.model.table)} SET ${set} WHERE ${match} RETURNING id, cart_id)`)
  })
  const selects = [`SELECT 'r' AS t, id, cart_id FROM r`, ...targets.map((_, index) => `SELECT 'c${index}', id, cart_id FROM c${index}`)]
  const bindings = [ids]
  const sql = `WITH ${ctes.join(", ")} ${selects.join(" UNION ALL ")}`
  const rows = await query<{ t: string; id: string; cart_id: string | null }>(db, sql, bindings)
  const affected = new Map<Model, string[]>([[model, []]])
  const cartOf = new Map<string, string | null>()
  for (const target of targets) affected.set(target.model, [])
  for (const row of rows) {
    const owner = row.t === "r" ? model : targets[Number(row.t.slice(1))]!.model
    affected.get(owner)!.push(row.id)
    cartOf.set(row.id, row.cart_id)
  }
  return { ids: affected, cartOf }
}
