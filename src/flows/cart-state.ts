import { ConflictError, InvalidDataError, NotAllowedError, NotFoundError } from "../errors/errors"
import type { BigNumberInput } from "../money/big-number"
import { toDecimal } from "../money/decimal"
import type { CartContext } from "../service/cart-context"
import type { CartModuleService } from "../service/cart-module-service"
import type { LockedCart } from "../service/checkout-state"
import type { CartDTO } from "../types/dtos"

/** The relations a storefront shows and the flows reason about. */
export const FULL_CART_RELATIONS = [
  "items",
  "items.tax_lines",
  "items.adjustments",
  "shipping_methods",
  "shipping_methods.tax_lines",
  "shipping_methods.adjustments",
  "shipping_address",
  "billing_address",
  "credit_lines",
] as const

/** The cart with every relation and its totals. @throws NotFoundError */
export function retrieveFullCart(service: CartModuleService, cartId: string, ctx?: CartContext): Promise<CartDTO> {
  return service.retrieveCart(cartId, { relations: [...FULL_CART_RELATIONS] }, ctx)
}

/**
 * Runs `work` in one transaction holding the cart's row lock (SELECT … FOR UPDATE), so concurrent
 * flows on one cart run one after another. Taking the lock writes nothing: the version moves and
 * events are emitted only when `work` changes something.
 */
export function withCartLock<T>(
  service: CartModuleService,
  cartId: string,
  work: (ctx: CartContext, locked: LockedCart) => Promise<T>,
): Promise<T> {
  return service.transaction(async (ctx) => work(ctx, await service.lockCart(cartId, ctx)))
}

/** How often a flow re-plans when the cart changed while it was asking providers. */
const PLAN_ATTEMPTS = 10

function backoff(attempt: number): Promise<void> {
  // Jittered and growing, so flows that keep overtaking each other on one busy cart spread out.
  const ms = Math.random() * Math.min(400, 10 * 2 ** attempt)
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Plans outside the lock, applies under it: `plan` reads the cart and calls providers (pricing,
 * taxes, payment...) without holding the cart row, so a slow provider never blocks other writers;
 * `apply` then runs under the lock only if the cart's version is still the one `plan` saw. When it
 * moved, the plan is discarded (`discard` undoes provider-side effects) and planned again.
 * @throws ConflictError when the cart keeps changing faster than the flow can plan.
 */
export async function planThenApply<P extends { readonly version: number }, T>(
  service: CartModuleService,
  cartId: string,
  plan: () => Promise<P>,
  apply: (planned: P, ctx: CartContext) => Promise<T>,
  discard: (planned: P) => Promise<void> = async () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const planned = await plan()
    const outcome = await withCartLock(service, cartId, async (ctx, locked) =>
      locked.version === planned.version ? { done: true as const, value: await apply(planned, ctx) } : { done: false as const },
    )
    if (outcome.done) return outcome.value
    await discard(planned)
    if (attempt < PLAN_ATTEMPTS) await backoff(attempt)
    if (attempt >= PLAN_ATTEMPTS)
      throw new ConflictError(`Cart with id "${cartId}" kept changing while it was being updated; retry`, cartId)
  }
}

/**
 * {@link planThenApply} for a plan that starts from the full cart: a completed cart is refused before any
 * provider is asked. @throws NotFoundError, NotAllowedError, ConflictError
 */
export function planOnOpenCart<P extends { readonly version: number }, T>(
  service: CartModuleService,
  cartId: string,
  plan: (cart: CartDTO) => Promise<P>,
  apply: (planned: P, ctx: CartContext) => Promise<T>,
): Promise<T> {
  const planFromCart = async () => {
    const cart = await retrieveFullCart(service, cartId)
    assertCartOpen(cart)
    return plan(cart)
  }
  return planThenApply(service, cartId, planFromCart, apply)
}

/** Refuses to change a completed cart. @throws NotAllowedError */
export function assertCartOpen(cart: Pick<CartDTO, "id" | "completed_at">): void {
  if (cart.completed_at) throw NotAllowedError.cartCompleted(cart.id)
}

/** The cart total as an exact decimal string (major units); "0" when totals were not computed. */
export function cartTotal(cart: Pick<CartDTO, "total">): string {
  return cart.total ? cart.total.raw.value : "0"
}

/** A money field's exact value as a decimal string: its raw twin when there is one (the number may have lost digits). */
export function exact(value: BigNumberInput, raw?: { readonly value: string | number } | null): string {
  return toDecimal(raw ? raw.value : value).toFixed()
}

/** Whether two money amounts are the same number (exactly, whatever their notation). */
export function sameAmount(a: BigNumberInput, b: BigNumberInput): boolean {
  return toDecimal(a).eq(toDecimal(b))
}

/** Checks a line quantity: an integer ≥ `min`. @throws InvalidDataError */
export function assertQuantity(quantity: unknown, min: number, path: (string | number)[] = ["quantity"]): number {
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < min) {
    throw InvalidDataError.because(`quantity must be an integer ≥ ${min}`, path)
  }
  return quantity
}

/** The line item when it belongs to the cart. @throws NotFoundError */
export async function lineOfCart(service: CartModuleService, cartId: string, lineId: string, ctx?: CartContext) {
  const [line] = await service.listLineItems({ id: lineId, cart_id: cartId }, {}, ctx)
  if (!line) throw NotFoundError.forId("LineItem", lineId)
  return line
}
