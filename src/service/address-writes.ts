import { MODELS } from "../../models"
import { cartEvent } from "../events/cart-events"
import { NotFoundError } from "../errors/errors"
import { placeholders, query } from "../persistence/db"
import { generateId } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import type { Tx } from "../persistence/unit-of-work"
import { byIds, insertRows, toColumns, updateWhere } from "../persistence/writer"

type Input = Readonly<Record<string, unknown>>

/** Creates standalone addresses (no cart yet: `cart_id` stays null until one is attached). */
export async function createAddresses(tx: Tx, inputs: readonly Input[]): Promise<Dto[]> {
  const rows = inputs.map((input) => ({ ...toColumns(MODELS.Address, input), id: generateId(MODELS.Address.idPrefix) }))
  const created = await insertRows(tx.db, MODELS.Address, rows)
  tx.emit(...created.map((row) => cartEvent("Address", "created", { id: row.id as string, cart_id: (row.cart_id as string) ?? null }, tx.ctx.eventGroupId)))
  return created
}

/** Updates addresses by id, each with its own data; fails naming any missing id. */
export async function updateAddresses(tx: Tx, updates: readonly { id: string; data: Input }[]): Promise<Dto[]> {
  const results: Dto[] = []
  for (const { id, data } of updates) {
    const { id: _ignored, cart_id: _cart, ...rest } = data
    const [row] = await updateWhere(tx.db, MODELS.Address, rest, byIds([id]))
    if (!row) throw NotFoundError.forId("Address", id)
    results.push(row)
  }
  tx.emit(...results.map((row) => cartEvent("Address", "updated", { id: row.id as string, cart_id: (row.cart_id as string) ?? null, changed: Object.keys(updates[0]!.data) }, tx.ctx.eventGroupId)))
  return results
}

/** Hard-deletes addresses; carts pointing at them have the link cleared by the foreign key. */
export async function deleteAddresses(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const rows = await query<{ id: string; cart_id: string | null }>(tx.db, `DELETE FROM cart_address WHERE id IN (${placeholders(ids.length)}) RETURNING id, cart_id`, ids)
  tx.emit(...rows.map((row) => cartEvent("Address", "deleted", { id: row.id, cart_id: row.cart_id }, tx.ctx.eventGroupId)))
}
