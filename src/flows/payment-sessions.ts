import { InvalidDataError, NotAllowedError, NotFoundError } from "../errors/errors"
import type { PaymentSessionInput, ProviderSession } from "../ports/payment"
import type { CartDTO } from "../types/dtos"
import { cartTotal, planOnOpenCart, retrieveFullCart, sameAmount, withCartLock } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { resolveRegion } from "./resolve-region"

/** A payment session as the payment port keeps it, plus whether the cart pays with it. */
export interface CartPaymentSession extends ProviderSession {
  readonly is_selected: boolean
}

/** Input of the payment-session flows; `provider_id` where one session is meant, `data` for {@link updatePaymentSession}. */
export interface PaymentSessionFlowInput {
  readonly cart_id: string
  readonly provider_id?: string
  readonly data?: Readonly<Record<string, unknown>>
}

/** What undoing a session change needs: the selection before and the sessions opened meanwhile. */
export interface PaymentSessionCompensation {
  readonly cart_id: string
  readonly previous_selected_provider_id: string | null
  readonly opened_session_ids: readonly string[]
}

type Deps = Pick<FlowDeps, "cart" | "payment" | "regions">

/** Marks the selected session: the selected provider's, or the only session when there is one. */
function markSelected(sessions: readonly ProviderSession[], selectedProvider: string | null): CartPaymentSession[] {
  const chosen = sessions.some((session) => session.provider_id === selectedProvider)
    ? selectedProvider
    : sessions.length === 1
      ? sessions[0]!.provider_id
      : null
  return sessions.map((session) => ({ ...session, is_selected: session.provider_id === chosen }))
}

/**
 * The cart's payment sessions as the payment port reports them (never from cart metadata), with
 * the selection the module keeps in its checkout state.
 */
export async function paymentSessionsOf(deps: Pick<FlowDeps, "cart" | "payment">, cartId: string): Promise<CartPaymentSession[]> {
  const [sessions, state] = await Promise.all([deps.payment.listSessions(cartId), deps.cart.retrieveCheckoutState(cartId)])
  return markSelected(sessions, state.selected_payment_provider_id)
}

/** The selected session among `sessions`, if any. */
export function selectedSessionOf(sessions: readonly CartPaymentSession[]): CartPaymentSession | undefined {
  return sessions.find((session) => session.is_selected)
}

function sessionInput(cart: CartDTO, providerId: string): PaymentSessionInput {
  return {
    provider_id: providerId,
    cart_id: cart.id,
    amount: cartTotal(cart),
    currency_code: cart.currency_code,
    email: cart.email ?? null,
  }
}

/** A session priced for another total or currency than the cart's now: its authorisation is void. */
export function isStaleSession(session: ProviderSession, cart: Pick<CartDTO, "total" | "currency_code">): boolean {
  return !sameAmount(session.amount, cartTotal(cart)) || session.currency_code !== cart.currency_code
}

/** Re-prices a stale session at its provider; a fresh one comes back unchanged. */
export async function repriceSession(deps: Pick<FlowDeps, "payment">, session: ProviderSession, cart: CartDTO): Promise<ProviderSession> {
  return isStaleSession(session, cart)
    ? deps.payment.updateSession(session.id, { amount: cartTotal(cart), currency_code: cart.currency_code })
    : session
}

function requireProvider(input: PaymentSessionFlowInput): string {
  if (!input.provider_id) throw InvalidDataError.because("provider_id is required", ["provider_id"])
  return input.provider_id
}

function findSession<S extends ProviderSession>(sessions: readonly S[], providerId: string): S {
  const session = sessions.find((candidate) => candidate.provider_id === providerId)
  if (!session) throw NotFoundError.forId("PaymentSession for provider", providerId)
  return session
}

/** What a session flow's plan phase produced: provider work done, the selection to store. */
interface SessionPlan {
  readonly version: number
  /** The provider to select; undefined leaves the selection alone. */
  readonly select?: string | null
}

type Change = (
  deps: Deps,
  cart: CartDTO,
  sessions: CartPaymentSession[],
  input: PaymentSessionFlowInput,
  opened: string[],
) => Promise<Omit<SessionPlan, "version">>

/**
 * Builds a session flow. Provider calls run in the plan phase, outside the cart lock; the apply
 * phase stores the selection under the lock only if the cart did not change meanwhile (else it
 * plans again, so a session is never left priced for a total the cart no longer has).
 */
function sessionStep(name: string, change: Change): FlowStep<Deps, PaymentSessionFlowInput, CartDTO, PaymentSessionCompensation> {
  return {
    name,
    async invoke(deps, input) {
      const opened: string[] = []
      const before = await deps.cart.retrieveCheckoutState(input.cart_id)
      try {
        await planOnOpenCart(
          deps.cart,
          input.cart_id,
          async (cart) => {
            const sessions = await paymentSessionsOf(deps, cart.id)
            return { version: cart.version, ...(await change(deps, cart, sessions, input, opened)) }
          },
          async (planned, ctx) => {
            if (planned.select !== undefined)
              await deps.cart.updateCheckoutState(input.cart_id, { selected_payment_provider_id: planned.select }, ctx)
          },
        )
      } catch (error) {
        // Nothing was stored; sessions opened at providers must not be left dangling.
        await Promise.allSettled(opened.map((id) => deps.payment.deleteSession(id)))
        throw error
      }
      const compensation = {
        cart_id: input.cart_id,
        previous_selected_provider_id: before.selected_payment_provider_id,
        opened_session_ids: [...opened],
      }
      return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation }
    },
    async compensate(deps, compensation) {
      await Promise.allSettled(compensation.opened_session_ids.map((id) => deps.payment.deleteSession(id)))
      await deps.cart.updateCheckoutState(compensation.cart_id, {
        selected_payment_provider_id: compensation.previous_selected_provider_id,
      })
    },
  }
}

async function open(deps: Deps, cart: CartDTO, providerId: string, opened: string[]): Promise<ProviderSession> {
  const session = await deps.payment.initiateSession(sessionInput(cart, providerId))
  opened.push(session.id)
  return session
}

/**
 * Opens a session per payment provider of the cart's region (dropping others, re-pricing stale
 * ones); with a single provider it is selected at once. The sessions are listed and opened under the
 * cart's lock: two calls at once would each find no session and open one (with Medusa's payment
 * module, each in a payment collection of its own, one never used again), so the second call waits
 * and finds the first one's sessions.
 */
export const initializePaymentSessionsStep = sessionStep("initialize-payment-sessions", async (deps, cart, _sessions, _input, opened) => {
  const region = await resolveRegion(deps.regions, cart.region_id)
  await withCartLock(deps.cart, cart.id, async () => {
    const sessions = await deps.payment.listSessions(cart.id)
    for (const session of sessions) {
      if (!region.payment_providers.includes(session.provider_id)) await deps.payment.deleteSession(session.id)
      else await repriceSession(deps, session, cart)
    }
    for (const providerId of region.payment_providers) {
      if (!sessions.some((session) => session.provider_id === providerId)) await open(deps, cart, providerId, opened)
    }
    // A session a re-price replaced outside the lock (or an older version left) may still be doubled: keep the first.
    const seen = new Set<string>()
    for (const session of await deps.payment.listSessions(cart.id)) {
      if (seen.has(session.provider_id)) await deps.payment.deleteSession(session.id)
      seen.add(session.provider_id)
    }
  })
  return region.payment_providers.length === 1 ? { select: region.payment_providers[0]! } : {}
})

/** Re-prices every session whose amount or currency no longer matches the cart (their authorisation is void). */
export const refreshPaymentSessionsStep = sessionStep("refresh-payment-sessions", async (deps, cart, sessions) => {
  for (const session of sessions) await repriceSession(deps, session, cart)
  return {}
})

/**
 * Replaces one provider's session with a fresh one (Medusa v1's "refresh a payment session"), under the
 * cart's lock as {@link initializePaymentSessionsStep} opens sessions, so neither sees the provider between
 * the removal and the new session and opens a second one.
 */
export const refreshPaymentSessionStep = sessionStep("refresh-payment-session", async (deps, cart, _sessions, input, opened) => {
  const providerId = requireProvider(input)
  await withCartLock(deps.cart, cart.id, async () => {
    const old = findSession(await deps.payment.listSessions(cart.id), providerId)
    await deps.payment.deleteSession(old.id)
    await open(deps, cart, old.provider_id, opened)
  })
  return {}
})

/** Marks one provider's session as the one to pay with. */
export const selectPaymentSessionStep = sessionStep("select-payment-session", async (_deps, _cart, sessions, input) => ({
  select: findSession(sessions, requireProvider(input)).provider_id,
}))

/** Updates one provider's session data at the provider (Medusa v1's "update a payment session"). */
export const updatePaymentSessionStep = sessionStep("update-payment-session", async (deps, _cart, sessions, input) => {
  const session = findSession(sessions, requireProvider(input))
  await deps.payment.updateSession(session.id, { data: { ...(input.data ?? {}) } })
  return {}
})

/** Removes one provider's session (at the provider too). */
export const deletePaymentSessionStep = sessionStep("delete-payment-session", async (deps, _cart, sessions, input) => {
  const doomed = findSession(sessions, requireProvider(input))
  await deps.payment.deleteSession(doomed.id)
  return doomed.is_selected ? { select: null } : {}
})

/**
 * Authorises the selected session (or `provider_id`'s) for the cart's current total at the provider,
 * re-pricing it first if the total changed, and selects it. A decline is refused.
 * @throws NotAllowedError when no session is selected or the provider declines.
 */
export const authorizePaymentSessionStep = sessionStep("authorize-payment-session", async (deps, cart, sessions, input) => {
  const target = input.provider_id ? findSession(sessions, input.provider_id) : selectedSessionOf(sessions)
  if (!target) throw NotAllowedError.because(`Cart with id "${cart.id}" has no selected payment session`)
  const current = await repriceSession(deps, target, cart)
  const authorized = current.status === "authorized" ? current : await deps.payment.authorizeSession(current.id)
  if (authorized.status !== "authorized")
    throw NotAllowedError.because(`Payment session of provider "${target.provider_id}" was not authorized (${authorized.status})`)
  return { select: target.provider_id }
})

/** Plain-function form of {@link initializePaymentSessionsStep}. */
export const initializePaymentSessions = asFlow(initializePaymentSessionsStep)
/** Plain-function form of {@link refreshPaymentSessionsStep}. */
export const refreshPaymentSessions = asFlow(refreshPaymentSessionsStep)
/** Plain-function form of {@link refreshPaymentSessionStep}. */
export const refreshPaymentSession = asFlow(refreshPaymentSessionStep)
/** Plain-function form of {@link selectPaymentSessionStep}. */
export const selectPaymentSession = asFlow(selectPaymentSessionStep)
/** Plain-function form of {@link updatePaymentSessionStep}. */
export const updatePaymentSession = asFlow(updatePaymentSessionStep)
/** Plain-function form of {@link deletePaymentSessionStep}. */
export const deletePaymentSession = asFlow(deletePaymentSessionStep)
/** Plain-function form of {@link authorizePaymentSessionStep}. */
export const authorizePaymentSession = asFlow(authorizePaymentSessionStep)
