import type { FastifyInstance } from "fastify"
import type { InMemoryCustomers } from "../auth/customer-store"
import { toV1Customer } from "../auth/customer-store"
import { customerIdOf, sessionCookieOf, setSessionCookie } from "../auth/request-customer"
import type { Tokens } from "../auth/tokens"
import { V1HttpError } from "../v1/v1-errors"
import { authBody, createCustomerBody, parseBody } from "../v1/v1-schemas"

/** What the auth routes need: the customer store and the token signer. */
export interface AuthDeps {
  readonly customers: InMemoryCustomers
  readonly tokens: Tokens
}

function currentCustomer(deps: AuthDeps, customerId: string | null) {
  const customer = customerId ? deps.customers.retrieve(customerId) : null
  if (!customer) throw V1HttpError.unauthorized()
  return customer
}

/** Medusa v1's customer auth routes (`/store/auth`, `/store/auth/token`) and registration (`/store/customers`). */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.post("/store/auth", async (request, reply) => {
    const { email, password } = parseBody(authBody, request.body)
    const customer = await deps.customers.authenticate(email, password)
    if (!customer) throw V1HttpError.unauthorized("Invalid email or password")
    setSessionCookie(reply, deps.tokens.openSession(customer.id))
    return { customer: toV1Customer(customer) }
  })

  app.get("/store/auth", async (request) => ({ customer: toV1Customer(currentCustomer(deps, customerIdOf(request, deps.tokens))) }))

  app.delete("/store/auth", async (request, reply) => {
    const cookie = sessionCookieOf(request)
    if (cookie) deps.tokens.endSession(cookie)
    setSessionCookie(reply, null)
    return {}
  })

  app.get<{ Params: { email: string } }>("/store/auth/:email", async (request) => ({ exists: deps.customers.exists(request.params.email) }))

  app.post("/store/auth/token", async (request) => {
    const { email, password } = parseBody(authBody, request.body)
    const customer = await deps.customers.authenticate(email, password)
    if (!customer) throw V1HttpError.unauthorized("Invalid email or password")
    return { access_token: deps.tokens.issueJwt(customer.id) }
  })

  app.post("/store/customers", async (request, reply) => {
    const body = parseBody(createCustomerBody, request.body)
    const customer = await deps.customers.register(body)
    // As v1 does, registering also logs the customer in.
    setSessionCookie(reply, deps.tokens.openSession(customer.id))
    return { customer: toV1Customer(customer) }
  })

  app.get("/store/customers/me", async (request) => ({ customer: toV1Customer(currentCustomer(deps, customerIdOf(request, deps.tokens))) }))
}
