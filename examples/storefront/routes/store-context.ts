import type { FastifyInstance, FastifyRequest } from "fastify"
import type { z } from "zod"
import { NotFoundError } from "../../../src/errors/errors"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import type { InMemoryCustomers } from "../auth/customer-store"
import { customerIdOf } from "../auth/request-customer"
import type { Tokens } from "../auth/tokens"
import { loadCartView } from "../v1/cart-view"
import { toV1Cart } from "../v1/v1-cart"
import { parseBody } from "../v1/v1-schemas"

/** Everything the Store API routes use: the flows' dependencies, the customers and the token signer. */
export interface StoreDeps {
  readonly flows: FlowDeps
  readonly customers: InMemoryCustomers
  readonly tokens: Tokens
  /** The regions `GET /store/regions` lists, in order (the first is the default). */
  readonly regionIds: readonly string[]
}

/** The path parameters of the cart routes. */
export type CartParams = { Params: { id: string } }

/**
 * Checks that the requester may use the cart: a cart with a customer belongs to that customer
 * alone; to anyone else it does not exist (404, so ids of others' carts reveal nothing). A cart
 * without a customer is addressed by its id alone, as in Medusa. Returns the requester's id.
 * @throws NotFoundError
 */
export async function authorizeCart(deps: StoreDeps, request: FastifyRequest, cartId: string): Promise<string | null> {
  const customerId = customerIdOf(request, deps.tokens)
  const [cart] = await deps.flows.cart.listCarts({ id: cartId }, { select: ["id", "customer_id"] })
  if (!cart || (cart.customer_id && cart.customer_id !== customerId)) throw NotFoundError.forId("Cart", cartId)
  return customerId
}

/** The `{ cart }` envelope of every cart route, in v1's shape. */
export async function cartResponse(deps: StoreDeps, cartId: string): Promise<{ cart: Record<string, unknown> }> {
  return { cart: toV1Cart(await loadCartView(deps.flows, cartId)) }
}

/** A handler of a route on one cart, answering `{ cart }`; `P` is the route's path parameters. */
type CartHandler<P extends { id: string }> = (request: FastifyRequest & { params: P }) => Promise<{ cart: Record<string, unknown> }>

/** A route that changes one cart: checks the requester may use it, runs `change`, answers with the cart. */
export function cartChange<P extends { id: string }>(deps: StoreDeps, change: (params: P) => Promise<unknown>): CartHandler<P> {
  return async (request) => {
    await authorizeCart(deps, request, request.params.id)
    await change(request.params)
    return cartResponse(deps, request.params.id)
  }
}

/** {@link cartChange} with a body: a malformed body answers 400 before the cart is even looked up, as in v1. */
export function cartChangeWithBody<P extends { id: string }, B>(
  deps: StoreDeps,
  schema: z.ZodType<B>,
  change: (params: P, body: B) => Promise<unknown>,
): CartHandler<P> {
  return async (request) => {
    const body = parseBody(schema, request.body)
    return cartChange<P>(deps, (params) => change(params, body))(request)
  }
}

/** What {@link registerCartChildRoutes} does to one child of a cart: update it from a body, or remove it. */
export interface CartChildChanges<B> {
  readonly body: z.ZodType<B>
  readonly update: (cartId: string, childId: string, body: B) => Promise<unknown>
  readonly remove: (cartId: string, childId: string) => Promise<unknown>
}

type ChildParams = { Params: { id: string; child_id: string } }

/**
 * `POST {collection}/:child_id` updates one child of the cart (a line, a payment session) from the body and
 * `DELETE {collection}/:child_id` removes it, both answering `{ cart }`.
 */
export function registerCartChildRoutes<B>(app: FastifyInstance, deps: StoreDeps, collection: string, changes: CartChildChanges<B>): void {
  const url = `${collection}/:child_id`
  app.post<ChildParams>(
    url,
    cartChangeWithBody(deps, changes.body, ({ id, child_id }, body) => changes.update(id, child_id, body)),
  )
  app.delete<ChildParams>(
    url,
    cartChange(deps, ({ id, child_id }) => changes.remove(id, child_id)),
  )
}
