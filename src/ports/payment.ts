import { randomUUID } from "node:crypto"
import { toDecimal } from "../money/decimal"

/** The state of a payment session at its provider. */
export type PaymentSessionStatus = "pending" | "requires_more" | "authorized" | "error" | "canceled"

/** A payment session as the provider keeps it; `amount` is an exact decimal string in major units. */
export interface ProviderSession {
  readonly id: string
  readonly cart_id: string
  readonly provider_id: string
  readonly amount: string
  readonly currency_code: string
  readonly status: PaymentSessionStatus
  readonly data: Readonly<Record<string, unknown>>
}

/** What a session is opened for; `amount` is an exact decimal string. */
export interface PaymentSessionInput {
  readonly provider_id: string
  readonly cart_id: string
  readonly amount: string
  readonly currency_code: string
  readonly email?: string | null
}

/** A change to an open session: a new amount (the cart's total changed) and/or provider data. */
export interface PaymentSessionUpdate {
  readonly amount?: string
  readonly currency_code?: string
  readonly data?: Readonly<Record<string, unknown>>
}

/**
 * A payment gateway that OWNS the cart's payment sessions (as Medusa v2's payment module does, with
 * a payment collection per cart): the cart module stores none of them, so no cart write can forge one.
 * `listSessions` is called whenever a flow needs the payment state (refresh, selection, completion),
 * `initiateSession` when sessions are initialised, `updateSession` when the cart's total or a session's
 * data changes, `authorizeSession` before completion, `deleteSession` on removal and compensation.
 * Outside any cart lock, except while sessions are initialised or one is replaced (`initializePaymentSessions`,
 * `refreshPaymentSession`): those hold the cart's lock so that two calls cannot open a provider's session
 * twice, so a port must not write to the cart module itself.
 */
export interface PaymentPort {
  /** The cart's open sessions, oldest first. */
  listSessions(cartId: string): Promise<ProviderSession[]>
  /** Opens a session at the provider. */
  initiateSession(input: PaymentSessionInput): Promise<ProviderSession>
  /** Changes an open session; a new amount voids an authorisation (status back to pending). */
  updateSession(sessionId: string, update: PaymentSessionUpdate): Promise<ProviderSession>
  /** Asks the provider to authorise the session's amount; a decline comes back as status `error`. */
  authorizeSession(sessionId: string): Promise<ProviderSession>
  /** Cancels the session at the provider (removal and compensation); unknown ids are ignored. */
  deleteSession(sessionId: string): Promise<void>
}

/**
 * A manual provider held in memory: every session authorises; `declineAbove` makes larger amounts
 * fail (`error`), `requireMoreAbove` makes them need a customer action (`requires_more`, as 3-D Secure).
 */
export class InMemoryPayment implements PaymentPort {
  /** Sessions open at the "provider", by id, in creation order. */
  readonly sessions = new Map<string, ProviderSession>()

  constructor(private readonly options: { declineAbove?: number | string; requireMoreAbove?: number | string } = {}) {}

  /** The sessions of one cart. */
  async listSessions(cartId: string): Promise<ProviderSession[]> {
    return [...this.sessions.values()].filter((session) => session.cart_id === cartId)
  }

  /** Opens a pending session. */
  async initiateSession(input: PaymentSessionInput): Promise<ProviderSession> {
    const session: ProviderSession = {
      id: `payses_${randomUUID()}`,
      cart_id: input.cart_id,
      provider_id: input.provider_id,
      amount: toDecimal(input.amount).toFixed(),
      currency_code: input.currency_code,
      status: "pending",
      data: {},
    }
    this.sessions.set(session.id, session)
    return session
  }

  /** Re-prices the session (voiding an authorisation when the amount changes) and merges data. */
  async updateSession(sessionId: string, update: PaymentSessionUpdate): Promise<ProviderSession> {
    const session = this.require(sessionId)
    const amount = update.amount !== undefined ? toDecimal(update.amount).toFixed() : session.amount
    const currency = update.currency_code ?? session.currency_code
    const repriced = !toDecimal(amount).eq(toDecimal(session.amount)) || currency !== session.currency_code
    const updated: ProviderSession = {
      ...session,
      amount,
      currency_code: currency,
      status: repriced ? "pending" : session.status,
      data: { ...session.data, ...(update.data ?? {}) },
    }
    this.sessions.set(sessionId, updated)
    return updated
  }

  /** Authorises, unless the amount is above `declineAbove` (error) or `requireMoreAbove` (requires_more). */
  async authorizeSession(sessionId: string): Promise<ProviderSession> {
    const session = this.require(sessionId)
    const above = (limit: number | string | undefined) => limit !== undefined && toDecimal(session.amount).gt(toDecimal(limit))
    const status = above(this.options.declineAbove) ? "error" : above(this.options.requireMoreAbove) ? "requires_more" : "authorized"
    const updated: ProviderSession = { ...session, status }
    this.sessions.set(sessionId, updated)
    return updated
  }

  /** Forgets the session. */
  async deleteSession(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId)
  }

  private require(sessionId: string): ProviderSession {
    const session = this.sessions.get(sessionId)
    if (!session) throw new Error(`Payment session "${sessionId}" does not exist`)
    return session
  }
}
