import type { Model } from "../../models"
import { MODELS } from "../../models"
import { cartEvent } from "../events/cart-events"
import { NotFoundError } from "../errors/errors"
import { deleteAddressRows } from "../persistence/address-sql"
import { generateIds } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import type { Tx } from "../persistence/unit-of-work"
import { lockParents } from "../persistence/cart-lock"
import { setDeleted } from "../persistence/soft-delete-sql"
import { insertRows, toColumns, updateRowsById } from "../persistence/writer"
import { idsOf } from "./row-ids"

type Input = Readonly<Record<string, unknown>>

/** Creates addresses: standalone (`cart_id` null until one is attached) or under a cart, which is then locked. */
export async function createAddresses(tx: Tx, inputs: readonly Input[]): Promise<Dto[]> {
  // One given with a cart_id is a write to that cart's children: lock it like the others.
  const cartIds = [...new Set(inputs.map((input) => input.cart_id).filter((id): id is string => typeof id === "string"))]
  if (cartIds.length) {
    const locked = (await lockParents(tx, MODELS.Cart, cartIds, { allowCompleted: true })).locked
    const missing = cartIds.filter((id) => !locked.has(id))
    if (missing.length) throw NotFoundError.forRelation("cart_id", missing[0]!)
  }
  const ids = generateIds(MODELS.Address.idPrefix, inputs.length)
  const rows = inputs.map((input, index) => ({ ...toColumns(MODELS.Address, input), id: ids[index]! }))
  const created = await insertRows(tx.db, MODELS.Address, rows)
  tx.emit(...created.map((row) => cartEvent("Address", "created", idsOf(row), tx.ctx.eventGroupId)))
  return created
}

/**
 * Locks and bumps the carts that own these addresses, as every child write does; standalone ones
 * (`cart_id` null) need no lock. A completed cart is not refused: SPEC §5 does not list addresses.
 */
async function lockOwningCarts(tx: Tx, ids: readonly string[], includeDeleted = false): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  await lockParents(tx, MODELS.Address, unique, { includeDeleted, allowCompleted: true })
}

/** Updates addresses by id, each with its own data; fails naming any missing id. */
export async function updateAddresses(tx: Tx, updates: readonly { id: string; data: Input }[]): Promise<Dto[]> {
  await lockOwningCarts(
    tx,
    updates.map((update) => update.id),
  )
  const updated = await updateRowsById(
    tx.db,
    MODELS.Address,
    updates.map(({ id, data }) => {
      const { id: _ignored, cart_id: _cart, ...rest } = data
      return { id, data: rest }
    }),
  )
  const missing = updates.filter((update) => !updated.has(update.id)).map((update) => update.id)
  if (missing.length) throw NotFoundError.forIds("Address", missing)
  const results = updates.map((update) => updated.get(update.id)!)
  tx.emit(
    ...results.map((row) =>
      cartEvent("Address", "updated", { ...idsOf(row), changed: Object.keys(updates[0]!.data) }, tx.ctx.eventGroupId),
    ),
  )
  return results
}

/** Hard-deletes addresses; carts pointing at them have the link cleared by the foreign key. */
export async function deleteAddresses(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  // A soft-deleted address may be hard-deleted too, so its cart is found through it as well.
  await lockOwningCarts(tx, ids, true)
  const rows = await deleteAddressRows(tx.db, ids)
  tx.emit(...rows.map((row) => cartEvent("Address", "deleted", { id: row.id, cart_id: row.cart_id }, tx.ctx.eventGroupId)))
}

/** Soft-deletes or restores addresses, locking their carts first (restore targets deleted rows, so the lock sees them). */
export async function setAddressesDeleted(tx: Tx, ids: readonly string[], deleted: boolean): Promise<Map<Model, string[]>> {
  await lockOwningCarts(tx, ids, true)
  return (await setDeleted(tx.db, MODELS.Address, ids, deleted)).ids
}
