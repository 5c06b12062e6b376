import { NotFoundError } from "../errors/errors"
import { lockLiveCartRow, readCheckoutRow, upsertCheckoutRow } from "../persistence/checkout-sql"
import type { CheckoutRow, LockedCart } from "../persistence/checkout-sql"
import type { Db } from "../persistence/db"
import type { Tx } from "../persistence/unit-of-work"

export type { LockedCart } from "../persistence/checkout-sql"

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

/**
 * Takes the cart's row lock (`SELECT … FOR UPDATE`) for the rest of the transaction without
 * writing anything: no version bump, no `updated_at`, no event. @throws NotFoundError
 */
export async function lockCartRow(db: Db, cartId: string): Promise<LockedCart> {
  const row = await lockLiveCartRow(db, cartId)
  if (!row) throw NotFoundError.forId("Cart", cartId)
  return row
}

/** Reads a cart's checkout state; a cart that never had one gets the empty state. @throws NotFoundError */
export async function readCheckoutState(db: Db, cartId: string): Promise<CheckoutState> {
  const row = await readCheckoutRow(db, cartId)
  if (!row) throw NotFoundError.forId("Cart", cartId)
  return stateOf(cartId, row)
}

/** Applies a patch under the cart's lock (upsert: the first write creates the row). @throws NotFoundError */
export async function writeCheckoutState(tx: Tx, cartId: string, patch: CheckoutStatePatch): Promise<CheckoutState> {
  await lockCartRow(tx.db, cartId)
  const completion = patch.completion
  const row = await upsertCheckoutRow(tx.db, cartId, {
    selected_payment_provider_id: patch.selected_payment_provider_id,
    promotion_codes: patch.promotion_codes === undefined ? undefined : [...new Set(patch.promotion_codes)],
    // Completing sets (and reopening clears) the order, the key and the time together.
    ...(completion === undefined
      ? {}
      : {
          order_id: completion?.order_id ?? null,
          idempotency_key: completion?.idempotency_key ?? null,
          completed_at: completion ? new Date() : null,
        }),
  })
  return stateOf(cartId, row)
}

function stateOf(cartId: string, row: CheckoutRow): CheckoutState {
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
