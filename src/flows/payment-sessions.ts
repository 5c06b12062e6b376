import { InvalidDataError, NotAllowedError, NotFoundError } from "../errors/errors"
import type { PaymentSessionInput, ProviderSession } from "../ports/payment"
import type { CartDTO } from "../types/dtos"
import { assertCartOpen, cartTotal, metadataOf, retrieveFullCart, withCartLock } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { resolveRegion } from "./resolve-region"

/** A payment session as the cart keeps it in `metadata.payment_sessions`. */
export interface CartPaymentSession extends ProviderSession {
  readonly is_selected: boolean
}

/** Input of the payment-session flows; `provider_id` where one session is meant. */
export interface PaymentSessionFlowInput {
  readonly cart_id: string
  readonly provider_id?: string
}

/** What undoing a session change needs: the sessions before, and those opened at providers meanwhile. */
export interface PaymentSessionCompensation {
  readonly cart_id: string
  readonly previous: readonly CartPaymentSession[]
  readonly opened: readonly ProviderSession[]
}

type Deps = Pick<FlowDeps, "cart" | "payment" | "regions">

/** The cart's payment sessions. */
export function paymentSessionsOf(cart: Pick<CartDTO, "metadata">): CartPaymentSession[] {
  const sessions = metadataOf(cart).payment_sessions
  return Array.isArray(sessions) ? (sessions as CartPaymentSession[]) : []
}

/** The selected session, or the only one when there is just one. */
export function selectedSessionOf(cart: Pick<CartDTO, "metadata">): CartPaymentSession | undefined {
  const sessions = paymentSessionsOf(cart)
  return sessions.find((session) => session.is_selected) ?? (sessions.length === 1 ? sessions[0] : undefined)
}

function sessionInput(cart: CartDTO, providerId: string): PaymentSessionInput {
  return { provider_id: providerId, cart_id: cart.id, amount: cartTotal(cart), currency_code: cart.currency_code, email: cart.email ?? null }
}

function isStale(session: ProviderSession, cart: CartDTO): boolean {
  return session.amount !== cartTotal(cart) || session.currency_code !== cart.currency_code
}

function requireProvider(input: PaymentSessionFlowInput): string {
  if (!input.provider_id) throw InvalidDataError.because("provider_id is required", ["provider_id"])
  return input.provider_id
}

function findSession(cart: CartDTO, providerId: string): CartPaymentSession {
  const session = paymentSessionsOf(cart).find((candidate) => candidate.provider_id === providerId)
  if (!session) throw NotFoundError.forId("PaymentSession for provider", providerId)
  return session
}

type Change = (deps: Deps, cart: CartDTO, sessions: CartPaymentSession[], input: PaymentSessionFlowInput, opened: ProviderSession[]) => Promise<CartPaymentSession[]>

/**
 * Builds a session flow: under the cart lock, read the sessions, let `change` talk to providers,
 * store the result in `metadata.payment_sessions`. Provider calls run inside the lock so two
 * requests cannot open duplicate sessions for one provider.
 */
function sessionStep(name: string, change: Change): FlowStep<Deps, PaymentSessionFlowInput, CartDTO, PaymentSessionCompensation> {
  return {
    name,
    async invoke(deps, input) {
      const opened: ProviderSession[] = []
      try {
        const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
          const cart = await retrieveFullCart(deps.cart, input.cart_id, ctx)
          assertCartOpen(cart)
          const previous = paymentSessionsOf(cart)
          const next = await change(deps, cart, [...previous], input, opened)
          await deps.cart.updateCarts(cart.id, { metadata: { payment_sessions: next } }, ctx)
          return { cart_id: cart.id, previous, opened: [...opened] }
        })
        return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation }
      } catch (error) {
        // The transaction rolled back; sessions opened at providers must not be left dangling.
        await Promise.allSettled(opened.map((session) => deps.payment.deleteSession(session)))
        throw error
      }
    },
    async compensate(deps, compensation) {
      await Promise.allSettled(compensation.opened.map((session) => deps.payment.deleteSession(session)))
      await deps.cart.updateCarts(compensation.cart_id, { metadata: { payment_sessions: [...compensation.previous] } })
    },
  }
}

async function open(deps: Deps, cart: CartDTO, providerId: string, opened: ProviderSession[]): Promise<ProviderSession> {
  const session = await deps.payment.initiateSession(sessionInput(cart, providerId))
  opened.push(session)
  return session
}

/** Opens a session per payment provider of the cart's region (dropping others, re-pricing stale ones); one provider is selected at once. */
export const initializePaymentSessionsStep = sessionStep("initialize-payment-sessions", async (deps, cart, sessions, _input, opened) => {
  const region = await resolveRegion(deps.regions, cart.region_id)
  const next: CartPaymentSession[] = []
  for (const session of sessions) {
    if (!region.payment_providers.includes(session.provider_id)) await deps.payment.deleteSession(session)
    else next.push(isStale(session, cart) ? { ...(await deps.payment.updateSession(session, sessionInput(cart, session.provider_id))), is_selected: session.is_selected } : session)
  }
  for (const providerId of region.payment_providers) {
    if (!next.some((session) => session.provider_id === providerId)) next.push({ ...(await open(deps, cart, providerId, opened)), is_selected: false })
  }
  if (next.length === 1 && !next[0]!.is_selected) next[0] = { ...next[0]!, is_selected: true }
  return next
})

/** Re-prices every session whose amount or currency no longer matches the cart (their authorisation is void). */
export const refreshPaymentSessionsStep = sessionStep("refresh-payment-sessions", async (deps, cart, sessions) => {
  const next: CartPaymentSession[] = []
  for (const session of sessions) {
    next.push(isStale(session, cart) ? { ...(await deps.payment.updateSession(session, sessionInput(cart, session.provider_id))), is_selected: session.is_selected } : session)
  }
  return next
})

/** Replaces one provider's session with a fresh one (Medusa v1's "refresh a payment session"). */
export const refreshPaymentSessionStep = sessionStep("refresh-payment-session", async (deps, cart, sessions, input, opened) => {
  const old = findSession(cart, requireProvider(input))
  await deps.payment.deleteSession(old)
  const fresh = await open(deps, cart, old.provider_id, opened)
  return sessions.map((session) => (session.provider_id === old.provider_id ? { ...fresh, is_selected: session.is_selected } : session))
})

/** Marks one provider's session as the one to pay with. */
export const selectPaymentSessionStep = sessionStep("select-payment-session", async (_deps, cart, sessions, input) => {
  const chosen = findSession(cart, requireProvider(input))
  return sessions.map((session) => ({ ...session, is_selected: session.provider_id === chosen.provider_id }))
})

/** Removes one provider's session (at the provider too). */
export const deletePaymentSessionStep = sessionStep("delete-payment-session", async (deps, cart, sessions, input) => {
  const doomed = findSession(cart, requireProvider(input))
  await deps.payment.deleteSession(doomed)
  return sessions.filter((session) => session.provider_id !== doomed.provider_id)
})

/**
 * Authorises the selected session (or `provider_id`'s) for the cart's current total, re-pricing it
 * first if the total changed. A declined authorisation is stored as status `error` and refused.
 * @throws NotAllowedError when no session is selected.
 */
export const authorizePaymentSessionStep = sessionStep("authorize-payment-session", async (deps, cart, sessions, input) => {
  const target = input.provider_id ? findSession(cart, input.provider_id) : selectedSessionOf(cart)
  if (!target) throw NotAllowedError.because(`Cart with id "${cart.id}" has no selected payment session`)
  const current = isStale(target, cart) ? await deps.payment.updateSession(target, sessionInput(cart, target.provider_id)) : target
  const authorized = current.status === "authorized" ? current : await deps.payment.authorizeSession(current)
  return sessions.map((session) => (session.provider_id === target.provider_id ? { ...authorized, is_selected: true } : { ...session, is_selected: false }))
})

/** Plain-function form of {@link initializePaymentSessionsStep}. */
export const initializePaymentSessions = asFlow(initializePaymentSessionsStep)
/** Plain-function form of {@link refreshPaymentSessionsStep}. */
export const refreshPaymentSessions = asFlow(refreshPaymentSessionsStep)
/** Plain-function form of {@link refreshPaymentSessionStep}. */
export const refreshPaymentSession = asFlow(refreshPaymentSessionStep)
/** Plain-function form of {@link selectPaymentSessionStep}. */
export const selectPaymentSession = asFlow(selectPaymentSessionStep)
/** Plain-function form of {@link deletePaymentSessionStep}. */
export const deletePaymentSession = asFlow(deletePaymentSessionStep)
/** Plain-function form of {@link authorizePaymentSessionStep}. */
export const authorizePaymentSession = asFlow(authorizePaymentSessionStep)
