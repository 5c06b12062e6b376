import type { CartContext, Tx, UnitOfWork } from "../persistence/unit-of-work"

/**
 * Tries `oneStatement` (a write sent as one statement, no transaction) and falls back to `general`
 * in a transaction when that wrote nothing: a failed check, a row gone meanwhile, a host transaction.
 */
export async function writeFast<T>(
  unitOfWork: UnitOfWork,
  ctx: CartContext | undefined,
  oneStatement: (tx: Tx) => Promise<T | undefined>,
  general: (tx: Tx) => Promise<T>,
): Promise<T> {
  const done = await unitOfWork.writeOneStatement(ctx, oneStatement)
  return done ? done.value : unitOfWork.write(ctx, general)
}
