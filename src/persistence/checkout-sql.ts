import type { Db } from "./db"
import { query } from "./db"

/** A locked cart's state: what flows re-check after calling providers outside the lock. */
export interface LockedCart {
  readonly id: string
  readonly version: number
  readonly completed_at: Date | null
}

/** A `cart_checkout` row as stored; `promotion_codes` is JSON, checked by whoever reads it. */
export interface CheckoutRow {
  readonly selected_payment_provider_id: string | null
  readonly promotion_codes: unknown
  readonly order_id: string | null
  readonly idempotency_key: string | null
  readonly completed_at: Date | null
}

/** The `cart_checkout` columns a write may set; an absent (or undefined) one keeps its value. */
export interface CheckoutColumns {
  readonly selected_payment_provider_id?: string | null | undefined
  readonly promotion_codes?: readonly string[] | undefined
  readonly order_id?: string | null | undefined
  readonly idempotency_key?: string | null | undefined
  readonly completed_at?: Date | null | undefined
}

/** The writable columns in the order they are written, so one patch shape is always one statement text. */
const WRITABLE = ["selected_payment_provider_id", "promotion_codes", "order_id", "idempotency_key", "completed_at"] as const

/**
 * Takes the live cart's row lock (`SELECT … FOR UPDATE`) for the rest of the transaction without
 * writing anything: no version bump, no `updated_at`. Undefined when there is no such cart.
 */
export async function lockLiveCartRow(db: Db, cartId: string): Promise<LockedCart | undefined> {
  const [row] = await query<LockedCart>(db, `SELECT id, version, completed_at FROM cart WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [
    cartId,
  ])
  return row
}

/**
 * A live cart's checkout row: all nulls for a cart that never had one, undefined when there is no
 * such cart (the LEFT JOIN keeps the cart's row either way).
 */
export async function readCheckoutRow(db: Db, cartId: string): Promise<CheckoutRow | undefined> {
  const rows = await query<CheckoutRow>(
    db,
    `SELECT s.selected_payment_provider_id, s.promotion_codes, s.order_id, s.idempotency_key, s.completed_at
       FROM cart c LEFT JOIN cart_checkout s ON s.id = c.id WHERE c.id = ? AND c.deleted_at IS NULL`,
    [cartId],
  )
  return rows[0]
}

/** Writes the given columns of a cart's checkout row in one upsert (the first write creates it); returns the row. */
export async function upsertCheckoutRow(db: Db, cartId: string, patch: CheckoutColumns): Promise<CheckoutRow> {
  const sets: string[] = []
  const values: unknown[] = []
  for (const column of WRITABLE) {
    const value = patch[column]
    if (value === undefined) continue
    sets.push(column)
    values.push(Array.isArray(value) ? JSON.stringify(value) : value)
  }
  const columns = ["id", "cart_id", ...sets]
  // With nothing to set, the row is still created (or returned) without counting as a change.
  const update = sets.length
    ? sets.map((column) => `"${column}" = EXCLUDED."${column}"`).join(", ") + ", updated_at = now()"
    : "updated_at = cart_checkout.updated_at"
  const [row] = await query<CheckoutRow>(
    db,
    `INSERT INTO cart_checkout (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})
       ON CONFLICT (id) DO UPDATE SET ${update}
       RETURNING selected_payment_provider_id, promotion_codes, order_id, idempotency_key, completed_at`,
    [cartId, cartId, ...values],
  )
  if (!row) throw new Error("INSERT … ON CONFLICT DO UPDATE returned no row")
  return row
}
