import { NotFoundError } from "../errors/errors"
import type { Db } from "../persistence/db"
import { query } from "../persistence/db"
import type { Tx } from "../persistence/unit-of-work"

/** A cart's completion: the order it became and the idempotency key of the request that completed it. */
export interface CompletionRecord {
  readonly order_id: string
  readonly idempotency_key: string | null
  readonly completed_at: Date
}

/**
 * Checkout state the module owns (table `cart_checkout`): no contract method and no `metadata`
 * write can reach it, so flows may base money and identity decisions on it.
 */
export interface CheckoutState {
  readonly cart_id: string
  readonly selected_payment_provider_id: string | null
  readonly promotion_codes: readonly string[]
  readonly completion: CompletionRecord | null
}

/** A change to {@link CheckoutState}; absent fields stay as they are, `completion: null` reopens. */
export interface CheckoutStatePatch {
  readonly selected_payment_provider_id?: string | null
  readonly promotion_codes?: readonly string[]
  readonly completion?: { readonly order_id: string; readonly idempotency_key: string | null } | null
}

/** A locked cart's state: what flows re-check after calling providers outside the lock. */
export interface LockedCart {
  readonly id: string
  readonly version: number
  readonly completed_at: Date | null
}

interface StateRow {
  selected_payment_provider_id: string | null
  promotion_codes: unknown
  order_id: string | null
  idempotency_key: string | null
  completed_at: Date | null
}

/**
 * Takes the cart's row lock (`SELECT … FOR UPDATE`) for the rest of the transaction without
 * writing anything: no version bump, no `updated_at`, no event. @throws NotFoundError
 */
export async function lockCartRow(db: Db, cartId: string): Promise<LockedCart> {
  const [row] = await query<LockedCart>(db, `SELECT id, version, completed_at FROM cart WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [
    cartId,
  ])
  if (!row) throw NotFoundError.forId("Cart", cartId)
  return row
}

/** Reads a cart's checkout state; a cart that never had one gets the empty state. @throws NotFoundError */
export async function readCheckoutState(db: Db, cartId: string): Promise<CheckoutState> {
  const rows = await query<StateRow & { cart_exists: boolean }>(
    db,
    `SELECT s.selected_payment_provider_id, s.promotion_codes, s.order_id, s.idempotency_key, s.completed_at, true AS cart_exists
       FROM cart c LEFT JOIN cart_checkout s ON s.id = c.id WHERE c.id = ? AND c.deleted_at IS NULL`,
    [cartId],
  )
  const row = rows[0]
  if (!row) throw NotFoundError.forId("Cart", cartId)
  return stateOf(cartId, row)
}

/** Applies a patch under the cart's lock (upsert: the first write creates the row). @throws NotFoundError */
export async function writeCheckoutState(tx: Tx, cartId: string, patch: CheckoutStatePatch): Promise<CheckoutState> {
  await lockCartRow(tx.db, cartId)
  const sets: string[] = []
  const values: unknown[] = []
  const set = (column: string, value: unknown) => {
    sets.push(column)
    values.push(value)
  }
  if (patch.selected_payment_provider_id !== undefined) set("selected_payment_provider_id", patch.selected_payment_provider_id)
  if (patch.promotion_codes !== undefined) set("promotion_codes", JSON.stringify([...new Set(patch.promotion_codes)]))
  if (patch.completion !== undefined) {
    set("order_id", patch.completion?.order_id ?? null)
    set("idempotency_key", patch.completion?.idempotency_key ?? null)
    sets.push("completed_at")
    values.push(patch.completion ? new Date() : null)
  }
  const columns = ["id", "cart_id", ...sets]
  const update = sets.length
    ? sets.map((column) => `"${column}" = EXCLUDED."${column}"`).join(", ") + ", updated_at = now()"
    : "updated_at = cart_checkout.updated_at"
  const [row] = await query<StateRow>(
    tx.db,
    `INSERT INTO cart_checkout (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})
       ON CONFLICT (id) DO UPDATE SET ${update}
       RETURNING selected_payment_provider_id, promotion_codes, order_id, idempotency_key, completed_at`,
    [cartId, cartId, ...values],
  )
  return stateOf(cartId, row!)
}

function stateOf(cartId: string, row: StateRow): CheckoutState {
  const codes = Array.isArray(row.promotion_codes) ? row.promotion_codes.filter((code): code is string => typeof code === "string") : []
  return {
    cart_id: cartId,
    selected_payment_provider_id: row.selected_payment_provider_id,
    promotion_codes: codes,
    completion: row.order_id
      ? { order_id: row.order_id, idempotency_key: row.idempotency_key, completed_at: row.completed_at ?? new Date(0) }
      : null,
  }
}
