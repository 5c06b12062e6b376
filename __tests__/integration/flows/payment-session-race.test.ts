import { createCart } from "../../../src/flows/create-cart"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import { initializePaymentSessionsStep, paymentSessionsOf } from "../../../src/flows/payment-sessions"
import { MedusaPayment } from "../../../src/medusa-ports/payment"
import type { MedusaPaymentModule, MedusaPaymentSession } from "../../../src/medusa-ports/payment"
import type { PaymentCollectionStore } from "../../../src/medusa-ports/payment-collections"
import { withPgClient } from "../../support/test-database"
import { SEED, useFlows } from "./flow-fixture"

const flows = useFlows()

/** Whether some connection to the test database is queued behind a lock (a flow waiting for the cart lock). */
async function someoneWaitsForALock(): Promise<boolean> {
  return withPgClient(flows.fixture.database.url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )
    return rows[0]!.n > 0
  })
}

/**
 * Medusa's payment module as far as `MedusaPayment` calls it, in memory. The first collection to be
 * created waits until a second caller wants one too, or until that caller is queued on the cart lock:
 * so both calls are in flight at the moment the race would happen, whichever way the flow orders them.
 */
class RacingPaymentModule implements MedusaPaymentModule {
  readonly collections: string[] = []
  readonly sessions = new Map<string, MedusaPaymentSession>()
  readonly deleted: string[] = []
  private wanting = 0
  private next = 0

  async createPaymentCollections(data: { currency_code: string; amount: string }[]): Promise<{ id: string }[]> {
    this.wanting += 1
    while (this.wanting < 2 && !(await someoneWaitsForALock())) await new Promise((resolve) => setTimeout(resolve, 10))
    return data.map(() => {
      const id = `pay_col_${++this.next}`
      this.collections.push(id)
      return { id }
    })
  }

  async updatePaymentCollections(): Promise<unknown> {
    return undefined
  }

  async listPaymentSessions(filters: { id?: string[]; payment_collection_id?: string[] }): Promise<MedusaPaymentSession[]> {
    return [...this.sessions.values()].filter(
      (session) =>
        (!filters.id || filters.id.includes(session.id)) &&
        (!filters.payment_collection_id || filters.payment_collection_id.includes(session.payment_collection_id)),
    )
  }

  async createPaymentSession(
    collectionId: string,
    data: { provider_id: string; currency_code: string; amount: string },
  ): Promise<MedusaPaymentSession> {
    const session = { id: `payses_${++this.next}`, payment_collection_id: collectionId, status: "pending", ...data }
    this.sessions.set(session.id, session)
    return session
  }

  async updatePaymentSession(data: { id: string; currency_code: string; amount: string }): Promise<MedusaPaymentSession> {
    const session = { ...this.sessions.get(data.id)!, ...data }
    this.sessions.set(session.id, session)
    return session
  }

  async authorizePaymentSession(): Promise<unknown> {
    return undefined
  }

  async cancelPayment(): Promise<unknown> {
    return undefined
  }

  async deletePaymentSession(id: string): Promise<void> {
    this.deleted.push(id)
    this.sessions.delete(id)
  }
}

/** The cart ↔ collection link, in memory; a cart's first link wins, as Medusa's adapter reads it. */
class InMemoryCollectionLinks implements PaymentCollectionStore {
  readonly links: { cart_id: string; collection_id: string }[] = []

  async collectionOf(cartId: string): Promise<string | null> {
    return this.links.find((link) => link.cart_id === cartId)?.collection_id ?? null
  }

  async cartOf(collectionId: string): Promise<string | null> {
    return this.links.find((link) => link.collection_id === collectionId)?.cart_id ?? null
  }

  async linkCollection(cartId: string, collectionId: string): Promise<void> {
    this.links.push({ cart_id: cartId, collection_id: collectionId })
  }
}

describe("initializePaymentSessions called twice at once", () => {
  it("creates one payment collection and one session per provider, and deletes none", async () => {
    const module = new RacingPaymentModule()
    const links = new InMemoryCollectionLinks()
    const payment = new MedusaPayment({ resolve: <T>() => module as unknown as T }, { collections: links })
    const deps: FlowDeps = { ...flows.deps, payment }
    const cart = await createCart(deps, { region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })

    const [first, second] = await Promise.all([
      initializePaymentSessionsStep.invoke(deps, { cart_id: cart.id }),
      initializePaymentSessionsStep.invoke(deps, { cart_id: cart.id }),
    ])

    expect(module.collections).toHaveLength(1)
    expect(links.links).toEqual([{ cart_id: cart.id, collection_id: module.collections[0] }])
    expect([...module.sessions.values()].map((session) => [session.payment_collection_id, session.provider_id])).toEqual([
      [module.collections[0], "manual"],
    ])
    expect(module.deleted).toEqual([])
    // Only the call that opened the session would remove it on undo.
    expect([...first.compensation.opened_session_ids, ...second.compensation.opened_session_ids]).toEqual([...module.sessions.keys()])
    const sessions = await paymentSessionsOf(deps, cart.id)
    expect(sessions.map((session) => [session.provider_id, session.is_selected])).toEqual([["manual", true]])
  })
})
