import type { CartContext, Tx, UnitOfWork } from "../persistence/unit-of-work"

/**
 * Tries `oneStatement` (a write sent as one statement, no transaction) and falls back to `general`
 * in a transaction when that wrote nothing: a failed check, a row gone meanwhile, a host transaction.
 * `onHeldCarts`: `oneStatement` writes only the carts in `tx.hostHeldCarts` when that is set, so it may
 * also run on a host transaction that holds cart locks (see `UnitOfWork.writeOneStatement`).
 */
export async function writeFast<T>(
  unitOfWork: UnitOfWork,
  ctx: CartContext | undefined,
  oneStatement: (tx: Tx) => Promise<T | undefined>,
  general: (tx: Tx) => Promise<T>,
  onHeldCarts = false,
): Promise<T> {
  const done = await unitOfWork.writeOneStatement(ctx, oneStatement, onHeldCarts)
  return done ? done.value : unitOfWork.write(ctx, general)
}
