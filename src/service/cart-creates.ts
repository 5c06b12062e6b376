import { MODELS } from "../../models"
import { insertCartsInOneStatement } from "../persistence/create-carts-sql"
import type { InsertedCarts, NewCartRows } from "../persistence/create-carts-sql"
import { cartEvent } from "../events/cart-events"
import { readLiveAddresses } from "../persistence/address-sql"
import { generateId, generateIds } from "../persistence/ids"
import type { Dto } from "../persistence/row-mapper"
import type { Tx } from "../persistence/unit-of-work"
import { insertRows, toColumns } from "../persistence/writer"
import { isPlainObject } from "../validation/arguments"
import { idsOf } from "./row-ids"
import { createNestedPricingLines, hasNestedPricingLines } from "./nested-pricing-lines"

import type { CartInput as Input } from "./cart-input"
import { CART_ADDRESS_FIELDS as ADDRESS_FIELDS, normaliseCartColumns } from "./cart-input"

/** A cart input's nested items (validation made each an object). */
function itemsOf(input: Input): Input[] {
  return Array.isArray(input.items) ? input.items.filter(isPlainObject) : []
}

/** The rows new carts become: carts, their nested addresses and items, ids set (sorted batches: see ids.ts). */
function planCarts(inputs: readonly Input[]): NewCartRows {
  const carts: Record<string, unknown>[] = []
  const addresses: Record<string, unknown>[] = []
  const items: Record<string, unknown>[] = []
  const cartIds = generateIds(MODELS.Cart.idPrefix, inputs.length)
  const itemCount = inputs.reduce((sum, input) => sum + itemsOf(input).length, 0)
  const itemIds = generateIds(MODELS.LineItem.idPrefix, itemCount)
  // toColumns returns a fresh object, so ids are assigned onto it rather than spread into a copy (a spread
  // per row was a measurable share of a create's CPU); an existing key keeps its place either way.
  for (const [index, input] of inputs.entries()) {
    const id = cartIds[index]!
    const row = normaliseCartColumns(toColumns(MODELS.Cart, input))
    row.id = id
    for (const field of ADDRESS_FIELDS) {
      const address = input[field]
      if (!isPlainObject(address)) continue
      const addressRow = toColumns(MODELS.Address, address)
      addressRow.id = generateId(MODELS.Address.idPrefix)
      addressRow.cart_id = id
      addresses.push(addressRow)
      row[`${field}_id`] = addressRow.id
    }
    for (const item of itemsOf(input)) {
      const itemRow = toColumns(MODELS.LineItem, item)
      itemRow.id = itemIds[items.length]!
      itemRow.cart_id = id
      items.push(itemRow)
    }
    carts.push(row)
  }
  return { carts, addresses, items }
}

/**
 * Creates carts with their nested addresses and items: three INSERT statements whatever the count
 * (carts, then addresses, then items). The cart→address keys are checked at commit, which is what
 * lets the cart go in before the addresses that carry its id.
 */
export async function createCarts(tx: Tx, inputs: readonly Input[]): Promise<Dto[]> {
  const rows = planCarts(inputs)
  const carts = await insertRows(tx.db, MODELS.Cart, rows.carts)
  const addresses = await insertRows(tx.db, MODELS.Address, rows.addresses)
  const items = await insertRows(tx.db, MODELS.LineItem, rows.items)
  const addressById = new Map(addresses.map((address) => [String(address.id), address]))
  await loadReferencedAddresses(tx, carts, addressById)
  const created = finishCreated(tx, { carts, addresses, items }, addressById)
  const itemInputs = inputs.flatMap(itemsOf)
  if (hasNestedPricingLines(itemInputs)) {
    await createNestedPricingLines(
      tx,
      items,
      rows.items.map((row) => String(row.id)),
      itemInputs,
    )
  }
  return created
}

/**
 * Creates carts as {@link createCarts} does, in ONE statement and no transaction, when no cart points
 * at an existing address and no item carries tax lines or adjustments; otherwise `undefined` (no statement sent).
 */
export async function createCartsInOneStatement(tx: Tx, inputs: readonly Input[]): Promise<Dto[] | undefined> {
  if (inputs.some((input) => input.shipping_address_id != null || input.billing_address_id != null)) return undefined
  // Items carrying tax lines or adjustments: the general path creates those too.
  if (hasNestedPricingLines(inputs.flatMap(itemsOf))) return undefined
  const inserted = await insertCartsInOneStatement(tx.db, planCarts(inputs))
  return finishCreated(tx, inserted, new Map(inserted.addresses.map((address) => [String(address.id), address])))
}

/** Hangs addresses and items on the created carts as Medusa returns them, and emits the events (carts, new addresses, items). */
function finishCreated(tx: Tx, { carts, addresses, items }: InsertedCarts, addressById: Map<string, Dto>): Dto[] {
  for (const item of items) {
    item.adjustments = []
    item.tax_lines = []
  }
  for (const cart of carts) {
    cart.shipping_address = cart.shipping_address_id ? (addressById.get(String(cart.shipping_address_id)) ?? null) : null
    cart.billing_address = cart.billing_address_id ? (addressById.get(String(cart.billing_address_id)) ?? null) : null
    // Medusa's createCarts returns these relations too; a new cart has no shipping method or credit line yet.
    cart.items = items.filter((item) => item.cart_id === cart.id)
    cart.shipping_methods = []
    cart.credit_lines = []
  }
  tx.emit(
    ...carts.map((cart) => cartEvent("Cart", "created", { id: String(cart.id), cart_id: String(cart.id) }, tx.ctx.eventGroupId)),
    // The addresses written with the carts, as @medusajs/cart announces its nested writes.
    ...addresses.map((address) => cartEvent("Address", "created", idsOf(address), tx.ctx.eventGroupId)),
    ...items.map((item) => cartEvent("LineItem", "created", idsOf(item), tx.ctx.eventGroupId)),
  )
  return carts
}

/**
 * Existing addresses a new cart points at (`shipping_address_id`, `billing_address_id`), read in one
 * statement when there are any, so the created cart carries them populated as Medusa's does. A missing
 * id reads as null here; the deferred foreign key then fails the commit with Medusa's relation message.
 */
async function loadReferencedAddresses(tx: Tx, carts: readonly Dto[], known: Map<string, Dto>): Promise<void> {
  const wanted = new Set<string>()
  for (const cart of carts) {
    for (const field of ["shipping_address_id", "billing_address_id"]) {
      const id = cart[field]
      if (typeof id === "string" && !known.has(id)) wanted.add(id)
    }
  }
  if (wanted.size === 0) return
  for (const address of await readLiveAddresses(tx.db, [...wanted])) known.set(String(address.id), address)
}
