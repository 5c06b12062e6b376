import type { PaymentPort, PaymentSessionInput, PaymentSessionStatus, PaymentSessionUpdate, ProviderSession } from "../ports/payment"
import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"
import type { MedusaRawAmount } from "./money"
import { exactAmount, sameAmount } from "./money"
import { MedusaCartPaymentCollections } from "./payment-collections"
import type { PaymentCollectionStore } from "./payment-collections"

/** A payment session as Medusa's payment module returns it (a subset of `PaymentSessionDTO`). */
export interface MedusaPaymentSession {
  id: string
  payment_collection_id: string
  provider_id: string
  amount: unknown
  raw_amount?: MedusaRawAmount | null
  currency_code: string
  status: string
  data?: Record<string, unknown> | null
  payment?: { id: string } | null
}

/** The part of Medusa's payment module (`IPaymentModuleService`) the payment adapter calls. */
export interface MedusaPaymentModule {
  createPaymentCollections(data: { currency_code: string; amount: string }[]): Promise<{ id: string }[]>
  updatePaymentCollections(id: string, data: { currency_code: string; amount: string }): Promise<unknown>
  listPaymentSessions(
    filters: { id?: string[]; payment_collection_id?: string[] },
    config: { relations?: string[]; order?: Record<string, "ASC" | "DESC">; take: null },
  ): Promise<MedusaPaymentSession[]>
  createPaymentSession(
    collectionId: string,
    data: { provider_id: string; currency_code: string; amount: string; data: Record<string, unknown> },
  ): Promise<MedusaPaymentSession>
  updatePaymentSession(data: {
    id: string
    currency_code: string
    amount: string
    data: Record<string, unknown>
  }): Promise<MedusaPaymentSession>
  authorizePaymentSession(id: string, context: Record<string, unknown>): Promise<unknown>
  cancelPayment(paymentId: string): Promise<unknown>
  deletePaymentSession(id: string): Promise<void>
}

/** Options of {@link MedusaPayment}. */
export interface MedusaPaymentOptions {
  /** Where a cart's payment collection is found. Default: Medusa's cart ↔ payment collection link ({@link MedusaCartPaymentCollections}). */
  readonly collections?: PaymentCollectionStore
}

/** Medusa's statuses onto the port's: a captured session is (at least) authorised; one awaiting the provider is pending. */
function statusOf(status: string): PaymentSessionStatus {
  if (status === "captured") return "authorized"
  if (status === "authorized" || status === "requires_more" || status === "error" || status === "canceled") return status
  return "pending"
}

/**
 * {@link PaymentPort} over Medusa's payment module (`container.resolve("payment")`), the way Medusa's
 * cart workflows use it: each cart gets one payment collection (created with its first session and
 * linked to the cart through a {@link PaymentCollectionStore}), each provider a session in it, priced in
 * the cart's currency. The module's providers do the work: `pp_system_default` (always registered)
 * authorises at once; Stripe and others through their Medusa provider. An authorised session cannot
 * be re-priced in Medusa (its payment is fixed), so a new amount cancels that payment and replaces the
 * session with a fresh one for the same provider. A decline comes back as the session's status.
 * Two first `initiateSession` calls at once would each create a collection: the payment-session flows
 * call it under the cart's lock; a host calling it directly serialises its calls per cart.
 */
export class MedusaPayment implements PaymentPort {
  private readonly payment: () => MedusaPaymentModule
  private readonly collections: PaymentCollectionStore

  constructor(container: HostContainer, options: MedusaPaymentOptions = {}) {
    this.payment = lazyModule<MedusaPaymentModule>(container, MEDUSA_KEYS.payment)
    this.collections = options.collections ?? new MedusaCartPaymentCollections(container)
  }

  /** The sessions of the cart's payment collection, oldest first; none before the first session. */
  async listSessions(cartId: string): Promise<ProviderSession[]> {
    const collectionId = await this.collections.collectionOf(cartId)
    if (!collectionId) return []
    const sessions = await this.payment().listPaymentSessions(
      { payment_collection_id: [collectionId] },
      { order: { created_at: "ASC" }, take: null },
    )
    return sessions.map((session) => toProviderSession(session, cartId))
  }

  /** Opens a session at the provider in the cart's collection (created and linked on first use, re-priced otherwise). */
  async initiateSession(input: PaymentSessionInput): Promise<ProviderSession> {
    const collectionId = await this.collectionFor(input.cart_id, input.amount, input.currency_code)
    const session = await this.payment().createPaymentSession(collectionId, {
      provider_id: input.provider_id,
      currency_code: input.currency_code,
      amount: input.amount,
      data: {},
    })
    return toProviderSession(session, input.cart_id)
  }

  /** Re-prices or changes the data of a session; re-pricing an authorised one replaces it (new id, pending). */
  async updateSession(sessionId: string, update: PaymentSessionUpdate): Promise<ProviderSession> {
    const session = await this.require(sessionId)
    const cartId = await this.cartOf(session)
    const amount = update.amount ?? exactAmount(session.raw_amount, session.amount) ?? "0"
    const currency = update.currency_code ?? session.currency_code
    const repriced = !sameAmount(amount, exactAmount(session.raw_amount, session.amount) ?? "0") || currency !== session.currency_code
    if (repriced) await this.payment().updatePaymentCollections(session.payment_collection_id, { currency_code: currency, amount })
    const data = { ...(session.data ?? {}), ...(update.data ?? {}) }
    if (repriced && session.payment) {
      await this.deleteSession(session.id)
      const fresh = await this.payment().createPaymentSession(session.payment_collection_id, {
        provider_id: session.provider_id,
        currency_code: currency,
        amount,
        data,
      })
      return toProviderSession(fresh, cartId)
    }
    return toProviderSession(await this.payment().updatePaymentSession({ id: session.id, currency_code: currency, amount, data }), cartId)
  }

  /** Authorises the session at its provider (idempotent in Medusa); a refusal returns the session with the provider's status. */
  async authorizeSession(sessionId: string): Promise<ProviderSession> {
    const session = await this.require(sessionId)
    const cartId = await this.cartOf(session)
    try {
      await this.payment().authorizePaymentSession(sessionId, {})
    } catch (error) {
      // Medusa records the provider's answer on the session before it throws; anything else is a real failure.
      const after = await this.require(sessionId)
      if (after.status !== "error" && after.status !== "requires_more" && after.status !== "canceled") throw error
      return toProviderSession(after, cartId)
    }
    return toProviderSession(await this.require(sessionId), cartId)
  }

  /** Cancels the session's payment (if authorised) and deletes the session at its provider; unknown ids are ignored. */
  async deleteSession(sessionId: string): Promise<void> {
    const [session] = await this.payment().listPaymentSessions({ id: [sessionId] }, { relations: ["payment"], take: null })
    if (!session) return
    if (session.payment) await this.payment().cancelPayment(session.payment.id)
    await this.payment().deletePaymentSession(session.id)
  }

  private async collectionFor(cartId: string, amount: string, currency: string): Promise<string> {
    const existing = await this.collections.collectionOf(cartId)
    if (existing) {
      await this.payment().updatePaymentCollections(existing, { currency_code: currency, amount })
      return existing
    }
    const [created] = await this.payment().createPaymentCollections([{ currency_code: currency, amount }])
    await this.collections.linkCollection(cartId, created!.id)
    return created!.id
  }

  private async require(sessionId: string): Promise<MedusaPaymentSession> {
    const [session] = await this.payment().listPaymentSessions({ id: [sessionId] }, { relations: ["payment"], take: null })
    if (!session) throw new Error(`Payment session "${sessionId}" does not exist`)
    return session
  }

  /** The port names sessions by cart; Medusa by collection. */
  private async cartOf(session: MedusaPaymentSession): Promise<string> {
    return (await this.collections.cartOf(session.payment_collection_id)) ?? ""
  }
}

function toProviderSession(session: MedusaPaymentSession, cartId: string): ProviderSession {
  return {
    id: session.id,
    cart_id: cartId,
    provider_id: session.provider_id,
    amount: exactAmount(session.raw_amount, session.amount) ?? "0",
    currency_code: session.currency_code.toLowerCase(),
    status: statusOf(session.status),
    data: { ...(session.data ?? {}) },
  }
}
