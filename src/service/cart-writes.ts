import { MODELS } from "../../models"
import type { Model } from "../../models"
import { lockCartsForDeletion } from "../persistence/cart-lock"
import { updateCartRow } from "../persistence/single-statement"
import { cartEvent } from "../events/cart-events"
import { emitCascadedDeletes } from "./cascade-events"
import { ConflictError, NotFoundError } from "../errors/errors"
import { deleteOrphanedAddresses, updateAddressOfCart } from "../persistence/address-sql"
import { deleteCartRows, lockLiveCartsMatching, updateLiveCarts, updateLiveCartsEach } from "../persistence/cart-sql"
import type { Filters } from "../persistence/filters"
import { generateIds } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import { setDeleted } from "../persistence/soft-delete-sql"
import type { Tx } from "../persistence/unit-of-work"
import { insertRows, toColumns } from "../persistence/writer"
import { isPlainObject } from "../validation/arguments"

import type { CartInput as Input } from "./cart-input"
import { CART_ADDRESS_FIELDS as ADDRESS_FIELDS, normaliseCart } from "./cart-input"

async function replaceAddresses(
  tx: Tx,
  carts: readonly { id: string }[],
  data: Input,
  written: Map<string, Dto>,
): Promise<Record<string, unknown>> {
  const patch: Record<string, unknown> = {}
  for (const field of ADDRESS_FIELDS) {
    if (!(field in data)) continue
    const address = data[field]
    if (address === undefined) continue
    patch[`${field}_id`] = null
    // Validation let through an object or null only.
    if (!isPlainObject(address)) continue
    if (typeof address.id === "string" && carts.length === 1) {
      // An address with an id is updated in place, as Medusa does; a standalone one is attached to the
      // cart, and one belonging to another cart is out of reach (not found) rather than shared.
      const updated = await updateAddressOfCart(tx.db, address.id, carts[0]!.id, address)
      if (!updated) throw NotFoundError.forIds("Address", [address.id])
      patch[`${field}_id`] = address.id
      written.set(address.id, updated)
      continue
    }
    // A new address replaces the old one per cart; one INSERT for all carts.
    const addressIds = generateIds(MODELS.Address.idPrefix, carts.length)
    const rows = carts.map((cart, index) => ({ ...toColumns(MODELS.Address, address), id: addressIds[index]!, cart_id: cart.id }))
    const created = await insertRows(tx.db, MODELS.Address, rows)
    patch[`${field}_id`] = created.map((row) => row.id)
    for (const row of created) written.set(String(row.id), row)
  }
  return patch
}

/**
 * Locks the carts matching `where` in ONE statement that also bumps their `version` and `updated_at`,
 * and checks the caller's expected version; returns their ids in id order. @throws ConflictError
 */
async function lockCarts(tx: Tx, where: Filters): Promise<string[]> {
  const locked = await lockLiveCartsMatching(tx.db, where)
  const expected = tx.ctx.expectedVersion
  if (expected !== undefined) {
    // The lock already bumped the version: the caller expected the one before.
    for (const { id, version } of locked) if (version - 1 !== expected) throw ConflictError.versionMismatch(id, expected, version - 1)
  }
  return locked.map((cart) => cart.id)
}

/** Updates the carts matching `where` with the same data (the lock bumps `version`). @throws ConflictError */
export async function updateCartsWhere(tx: Tx, where: Filters, data: Input): Promise<Dto[]> {
  const ids = await lockCarts(tx, where)
  if (ids.length === 0) return []
  const carts = await writeLockedCarts(tx, ids, data)
  emitUpdated(tx, carts, data)
  return carts
}

/** One update of a list `updateCarts([{ id, ...data }])`. */
export interface CartUpdate {
  readonly id: string
  readonly data: Input
}

/**
 * Updates carts each with its own data: every cart locked (and its version bumped) in ONE statement,
 * then the updates that set no address in one statement per distinct set of fields. An update that
 * sets an address, and every update of a list that names a cart twice (each must see the one before),
 * is written on its own, in list order. Returns the carts in list order.
 * @throws NotFoundError naming every missing cart, ConflictError
 */
export async function updateEachCart(tx: Tx, updates: readonly CartUpdate[]): Promise<Dto[]> {
  const ids = updates.map((update) => update.id)
  const locked = new Set(await lockCarts(tx, { id: [...new Set(ids)] }))
  const missing = ids.filter((id) => !locked.has(id))
  // Medusa names every missing id at once; throwing rolls the locks back.
  if (missing.length) throw NotFoundError.forIds("Cart", missing)
  const batched = new Set(locked.size === ids.length ? updates.filter((update) => !setsAddress(update.data)) : [])
  const rows = await updateLiveCartsEach(
    tx.db,
    [...batched].map(({ id, data }) => ({ id, patch: cartPatch(data) })),
  )
  const results: Dto[] = []
  for (const update of updates) {
    const cart = batched.has(update) ? rows.get(update.id) : (await writeLockedCarts(tx, [update.id], update.data))[0]
    if (!cart) throw NotFoundError.forIds("Cart", [update.id])
    if (batched.has(update)) withAddresses(cart, new Map())
    emitUpdated(tx, [cart], update.data)
    results.push(cart)
  }
  return results
}

/** Whether an update names an address (even as undefined): those take the general path. */
function setsAddress(data: Input): boolean {
  return ADDRESS_FIELDS.some((field) => field in data)
}

/** The cart's own columns of an update: normalised, without the fields other code writes. */
function cartPatch(data: Input): Record<string, unknown> {
  const patch = normaliseCart(data)
  for (const field of [...ADDRESS_FIELDS, "id", "items", "version"]) delete patch[field]
  return patch
}

/**
 * As Medusa's updateCarts: both addresses come back, in full when this call wrote them, else as a
 * reference `{ id }` (what Medusa's ORM serialises for an unloaded relation), or null.
 */
function withAddresses(cart: Dto, written: ReadonlyMap<string, Dto>): void {
  for (const field of ADDRESS_FIELDS) {
    const id = cart[`${field}_id`]
    cart[field] = typeof id === "string" ? (written.get(id) ?? { id }) : null
  }
}

function emitUpdated(tx: Tx, carts: readonly Dto[], data: Input): void {
  const changed = Object.keys(data)
  tx.emit(
    ...carts.map((cart) => cartEvent("Cart", "updated", { id: String(cart.id), cart_id: String(cart.id), changed }, tx.ctx.eventGroupId)),
  )
}

/** Writes the same data (addresses included) to carts this call locked; fails if any id is missing. */
async function writeLockedCarts(tx: Tx, ids: readonly string[], data: Input): Promise<Dto[]> {
  const normalised = normaliseCart(data)
  const shells = ids.map((id) => ({ id }))
  const written = new Map<string, Dto>()
  const addressPatch = await replaceAddresses(tx, shells, normalised, written)
  const results: Dto[] = []
  const perCart = Object.values(addressPatch).some(Array.isArray)
  const groups = perCart ? ids.map((id, index) => ({ ids: [id], index })) : [{ ids, index: 0 }]
  for (const group of groups) {
    const patch = cartPatch(normalised)
    for (const [key, value] of Object.entries(addressPatch)) patch[key] = Array.isArray(value) ? value[group.index] : value
    const rows = await updateCartRows(tx, group.ids, patch)
    results.push(...rows)
  }
  if (Object.keys(addressPatch).length) await deleteReplacedAddresses(tx, ids)
  for (const cart of results) withAddresses(cart, written)
  return results
}

/**
 * `updateCarts(id, data)` as one statement (no transaction) when `data` sets no address; otherwise, or
 * when the cart is missing, deleted or at another version than expected, `undefined` (general path).
 */
export async function updateCartInOneStatement(tx: Tx, id: string, data: Input): Promise<Dto[] | undefined> {
  if (setsAddress(data)) return undefined
  const cart = await updateCartRow(tx.db, id, cartPatch(data), tx.ctx.expectedVersion)
  if (!cart) return undefined
  withAddresses(cart, new Map())
  emitUpdated(tx, [cart], data)
  return [cart]
}

/** Deletes the carts' own addresses that no longer hang off them: "replaces" leaves no orphan behind. */
async function deleteReplacedAddresses(tx: Tx, cartIds: readonly string[]): Promise<void> {
  const removed = await deleteOrphanedAddresses(tx.db, cartIds)
  tx.emit(...removed.map((row) => cartEvent("Address", "deleted", { id: row.id, cart_id: row.cart_id }, tx.ctx.eventGroupId)))
}

async function updateCartRows(tx: Tx, ids: readonly string[], patch: Record<string, unknown>): Promise<Dto[]> {
  const rows = await updateLiveCarts(tx.db, ids, patch)
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((row) => row.id))
    throw NotFoundError.forIds(
      "Cart",
      ids.filter((id) => !found.has(id)),
    )
  }
  return rows
}

/**
 * Soft-deletes (or restores) carts with their children. The carts are locked first, then the cascade
 * runs in its own statement, so children added by a writer this call waited for go with the cart.
 * Emits `cart.deleted` / `cart.restored` per cart, as Medusa's soft delete and restore do.
 */
export async function setCartsDeleted(tx: Tx, ids: readonly string[], deleted: boolean): Promise<Map<Model, string[]>> {
  const locked = await lockCartsForDeletion(tx, ids, deleted)
  const affected = await setDeleted(tx.db, MODELS.Cart, locked, deleted)
  const action = deleted ? "deleted" : "restored"
  tx.emit(...(affected.ids.get(MODELS.Cart) ?? []).map((id) => cartEvent("Cart", action, { id, cart_id: id }, tx.ctx.eventGroupId)))
  if (deleted) emitCascadedDeletes(tx, affected, MODELS.Cart)
  return affected.ids
}

/** Hard-deletes carts; every child goes with them by foreign-key cascade. */
export async function deleteCarts(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const deleted = await deleteCartRows(tx.db, ids)
  tx.emit(...deleted.map((row) => cartEvent("Cart", "deleted", { id: row.id, cart_id: row.id }, tx.ctx.eventGroupId)))
}
