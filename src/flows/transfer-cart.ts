import { NotAllowedError } from "../errors/errors"
import type { CartDTO } from "../types/dtos"
import { assertCartOpen } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { changeAndRefresh, compensationOf, undoRefresh } from "./refresh-cart"
import type { RefreshCartCompensation } from "./refresh-cart"
import { assertEmail } from "./update-cart-details"

/** Input of {@link transferCart}: `customer_id` (and `email`) must come from the host's authentication. */
export interface TransferCartInput {
  readonly cart_id: string
  readonly customer_id: string
  readonly email?: string | null
}

/** Refuses a cart that belongs to another customer. @throws NotAllowedError */
export function assertTransferable(cart: Pick<CartDTO, "id" | "customer_id">, customerId: string): void {
  if (cart.customer_id && cart.customer_id !== customerId)
    throw NotAllowedError.because(`Cart with id "${cart.id}" belongs to another customer`)
}

/**
 * Attaches a guest cart to the customer who just logged in (Medusa's "transfer cart"): sets
 * `customer_id` (and the customer's email) and re-prices the lines for the customer's groups through
 * the shared refresh. A cart already of this customer is left as it is.
 * Undo: the cart back to a guest cart.
 * @throws NotAllowedError for a cart of another customer or a completed cart.
 */
export const transferCartStep: FlowStep<RefreshDeps, TransferCartInput, CartDTO, RefreshCartCompensation> = {
  name: "transfer-cart",
  async invoke(deps, input) {
    const cart = await deps.cart.retrieveCart(input.cart_id, { select: ["id", "customer_id", "email", "completed_at"] })
    assertCartOpen(cart)
    assertTransferable(cart, input.customer_id)
    const patch = { customer_id: input.customer_id, ...(input.email ? { email: assertEmail(input.email) } : {}) }
    const changes = { customer: cart.customer_id !== input.customer_id }
    // Checked again on the version the change is written to: a concurrent transfer to someone else wins, this one is refused.
    const result = await changeAndRefresh(deps, {
      cart_id: input.cart_id,
      patch,
      changes,
      guard: (current) => assertTransferable(current, input.customer_id),
      transfer: true,
    })
    return {
      output: result.cart,
      compensation: compensationOf(input.cart_id, result, changes),
    }
  },
  compensate: undoRefresh,
}

/** Transfers a guest cart to a customer (plain-function form of {@link transferCartStep}). */
export const transferCart = asFlow(transferCartStep)
