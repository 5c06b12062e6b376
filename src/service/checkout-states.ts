import type { CartContext, UnitOfWork } from "../persistence/unit-of-work"
import { requireData, requireId } from "../validation/arguments"
import { lockCartRow, readCheckoutState, writeCheckoutState } from "./checkout-state"
import type { CheckoutState, CheckoutStatePatch, LockedCart } from "./checkout-state"

/** The checkout-state use cases: lock a cart without writing, read and change its module-owned checkout state. */
export class CheckoutStates {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Locks the cart row for the rest of `ctx`'s transaction. @throws NotFoundError */
  lock(cartId: string, ctx?: CartContext): Promise<LockedCart> {
    const id = requireId(cartId, "cartId")
    return this.unitOfWork.write(ctx, async (tx) => {
      const locked = await lockCartRow(tx.db, id)
      // Recorded as held: later one-statement writes joined to the same host transaction skip their savepoint.
      tx.heldLocks.set(id, locked.version)
      return locked
    })
  }

  /** A cart's checkout state. @throws NotFoundError */
  retrieve(cartId: string, ctx?: CartContext): Promise<CheckoutState> {
    const id = requireId(cartId, "cartId")
    return this.unitOfWork.read(ctx, (db) => readCheckoutState(db, id))
  }

  /** Changes a cart's checkout state under its lock. @throws NotFoundError */
  update(cartId: string, patch: CheckoutStatePatch, ctx?: CartContext): Promise<CheckoutState> {
    const id = requireId(cartId, "cartId")
    requireData(patch, "patch")
    return this.unitOfWork.write(ctx, (tx) => writeCheckoutState(tx, id, patch))
  }
}
