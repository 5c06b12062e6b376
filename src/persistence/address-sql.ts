import { MODELS } from "../../models"
import type { Db } from "./db"
import { query } from "./db"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"
import { updateWhere } from "./writer"

/** A deleted address and the cart it hung off (null for a standalone one). */
export interface DeletedAddress {
  readonly id: string
  readonly cart_id: string | null
}

/** A cart's own address removed because the cart no longer points at it. */
export interface OrphanedAddress {
  readonly id: string
  readonly cart_id: string
}

/** Hard-deletes addresses by id (soft-deleted ones too); carts pointing at them have the link cleared by the foreign key. */
export function deleteAddressRows(db: Db, ids: readonly string[]): Promise<DeletedAddress[]> {
  return query<DeletedAddress>(db, "DELETE FROM cart_address WHERE id = ANY(?::text[]) RETURNING id, cart_id", [ids])
}

/** The live addresses among `ids`, as DTOs; a missing or deleted id is left out. */
export async function readLiveAddresses(db: Db, ids: readonly string[]): Promise<Dto[]> {
  const rows = await query(db, "SELECT * FROM cart_address WHERE id = ANY(?::text[]) AND deleted_at IS NULL", [ids])
  return rows.map((row) => mapRow(MODELS.Address, row))
}

/**
 * Updates a live address in place and attaches it to `cartId`, if it is standalone or already that
 * cart's; one belonging to another cart is out of reach. Returns the updated row, or undefined.
 */
export async function updateAddressOfCart(
  db: Db,
  addressId: string,
  cartId: string,
  data: Readonly<Record<string, unknown>>,
): Promise<Dto | undefined> {
  const [updated] = await updateWhere(
    db,
    MODELS.Address,
    { ...data, id: undefined, cart_id: cartId },
    {
      sql: "id = ? AND deleted_at IS NULL AND (cart_id IS NULL OR cart_id = ?)",
      bindings: [addressId, cartId],
    },
  )
  return updated
}

/** Deletes the carts' own addresses that no longer hang off them (neither shipping nor billing address). */
export function deleteOrphanedAddresses(db: Db, cartIds: readonly string[]): Promise<OrphanedAddress[]> {
  return query<OrphanedAddress>(
    db,
    `DELETE FROM cart_address a WHERE a.cart_id = ANY(?::text[]) AND NOT EXISTS ` +
      `(SELECT 1 FROM cart c WHERE c.id = a.cart_id AND a.id IN (c.shipping_address_id, c.billing_address_id)) RETURNING a.id, a.cart_id`,
    [cartIds],
  )
}
