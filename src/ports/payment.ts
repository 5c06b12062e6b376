import { randomUUID } from "node:crypto"

/** The state of a payment session at its provider. */
export type PaymentSessionStatus = "pending" | "requires_more" | "authorized" | "error" | "canceled"

/** A payment session as the provider reports it. */
export interface ProviderSession {
  readonly id: string
  readonly provider_id: string
  readonly amount: number
  readonly currency_code: string
  readonly status: PaymentSessionStatus
  readonly data: Readonly<Record<string, unknown>>
}

/** What a session is opened or updated for. */
export interface PaymentSessionInput {
  readonly provider_id: string
  readonly cart_id: string
  readonly amount: number
  readonly currency_code: string
  readonly email?: string | null
}

/**
 * A payment provider gateway. Called when a cart's payment sessions are initialised, refreshed
 * (the cart's total changed), authorised before completion, or removed.
 */
export interface PaymentPort {
  /** Opens a session at the provider. */
  initiateSession(input: PaymentSessionInput): Promise<ProviderSession>
  /** Changes the amount of an open session; an authorised session falls back to pending. */
  updateSession(session: ProviderSession, input: PaymentSessionInput): Promise<ProviderSession>
  /** Asks the provider to authorise the session's amount. */
  authorizeSession(session: ProviderSession): Promise<ProviderSession>
  /** Cancels the session at the provider (compensation and removal). */
  deleteSession(session: ProviderSession): Promise<void>
}

/** A manual provider held in memory: every session authorises; `declineAbove` makes larger amounts fail. */
export class InMemoryPayment implements PaymentPort {
  /** Sessions open at the "provider", by id. */
  readonly sessions = new Map<string, ProviderSession>()

  constructor(private readonly options: { declineAbove?: number } = {}) {}

  /** Opens a pending session. */
  async initiateSession(input: PaymentSessionInput): Promise<ProviderSession> {
    const session: ProviderSession = { id: `payses_${randomUUID()}`, provider_id: input.provider_id, amount: input.amount, currency_code: input.currency_code, status: "pending", data: {} }
    this.sessions.set(session.id, session)
    return session
  }

  /** Re-prices the session; any authorisation is void. */
  async updateSession(session: ProviderSession, input: PaymentSessionInput): Promise<ProviderSession> {
    const updated: ProviderSession = { ...session, amount: input.amount, currency_code: input.currency_code, status: "pending" }
    this.sessions.set(session.id, updated)
    return updated
  }

  /** Authorises, unless the amount is above `declineAbove`. */
  async authorizeSession(session: ProviderSession): Promise<ProviderSession> {
    const declined = this.options.declineAbove !== undefined && session.amount > this.options.declineAbove
    const updated: ProviderSession = { ...session, status: declined ? "error" : "authorized" }
    this.sessions.set(session.id, updated)
    return updated
  }

  /** Forgets the session. */
  async deleteSession(session: ProviderSession): Promise<void> {
    this.sessions.delete(session.id)
  }
}
