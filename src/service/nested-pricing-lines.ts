import { MODELS } from "../../models"
import type { Model } from "../../models"
import { cartEvent } from "../events/cart-events"
import { generateIds } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import type { Tx } from "../persistence/unit-of-work"
import { insertRows, toColumns } from "../persistence/writer"
import { isPlainObject } from "../validation/arguments"
import type { Input } from "./checked-inputs"
import { idsOf } from "./row-ids"

// The tax lines and adjustments a new line item may carry (Medusa's `CreateLineItemDTO.tax_lines` and
// `.adjustments`), created with it in the same transaction and hung on it, as @medusajs/cart does.

const NESTED = [
  { field: "tax_lines", model: MODELS.LineItemTaxLine, entity: "LineItemTaxLine" },
  { field: "adjustments", model: MODELS.LineItemAdjustment, entity: "LineItemAdjustment" },
] as const

function entriesOf(input: Input, field: string): Record<string, unknown>[] {
  const value = input[field]
  return Array.isArray(value) ? value.filter(isPlainObject) : []
}

/** Whether any new item carries tax lines or adjustments (then the one-statement writes step aside). */
export function hasNestedPricingLines(inputs: readonly Input[]): boolean {
  return inputs.some((input) => NESTED.some(({ field }) => entriesOf(input, field).length > 0))
}

/**
 * Creates the tax lines and adjustments `inputs` carry for the new items `created` (the item with id `ids[i]`
 * made from `inputs[i]`), two inserts at most, and sets them on the items (which already hold empty lists).
 */
export async function createNestedPricingLines(
  tx: Tx,
  created: readonly Dto[],
  ids: readonly string[],
  inputs: readonly Input[],
): Promise<void> {
  const byId = new Map(created.map((item) => [item.id, item]))
  const items = ids.map((id) => byId.get(id) ?? {})
  for (const { field, model, entity } of NESTED) {
    const rows = nestedRows(model, field, items, inputs)
    if (rows.length === 0) continue
    const created = await insertRows(tx.db, model, rows)
    const byItem = new Map<unknown, Dto[]>()
    for (const row of created) {
      const list = byItem.get(row.item_id)
      if (list) list.push(row)
      else byItem.set(row.item_id, [row])
    }
    for (const item of items) if (byItem.has(item.id)) item[field] = byItem.get(item.id)
    tx.emit(...created.map((row) => cartEvent(entity, "created", idsOf(row), tx.ctx.eventGroupId)))
  }
}

function nestedRows(model: Model, field: string, items: readonly Dto[], inputs: readonly Input[]): Record<string, unknown>[] {
  const pairs = items.flatMap((item, index) => entriesOf(inputs[index] ?? {}, field).map((entry) => ({ item, entry })))
  const ids = generateIds(model.idPrefix, pairs.length)
  return pairs.map(({ item, entry }, index) => {
    const row = toColumns(model, entry)
    row.id = ids[index]
    row.item_id = item.id
    row.cart_id = item.cart_id
    return row
  })
}
