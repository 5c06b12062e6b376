import { MEDUSA_KEYS } from "./host-container"
import { recordOf, stringAt } from "./medusa-query"
import { MedusaQueryAdapter } from "./query-adapter"
import type { MedusaDismissingLink } from "./order"

/** The part of Medusa's payment module the order ↔ payment collection link needs: a session's collection. */
export interface MedusaSessionLookup {
  listPaymentSessions(
    filters: { id: string[] },
    config: { select: string[]; take: null },
  ): Promise<{ id: string; payment_collection_id: string }[]>
}

/**
 * Medusa's order ↔ payment collection link, as Medusa's cart completion sets it: the collection of the
 * authorised session belongs to the order, so Medusa's admin finds the order's payment (to capture or
 * refund it). Sessions Medusa's payment module does not know (another payment port) are not linked.
 */
export class MedusaOrderPayments extends MedusaQueryAdapter {
  private readonly payment = this.module<MedusaSessionLookup>("payment")
  private readonly link = this.module<MedusaDismissingLink>("link")

  /** Links the session's payment collection to the order; nothing when Medusa does not know the session. */
  async linkSession(orderId: string, sessionId: string): Promise<void> {
    const [session] = await this.payment().listPaymentSessions({ id: [sessionId] }, { select: ["id", "payment_collection_id"], take: null })
    if (session) await this.link().create(pair(orderId, session.payment_collection_id))
  }

  /** Removes the order's payment collection links (the collections and their payments stay). */
  async unlinkAll(orderId: string): Promise<void> {
    const { data } = await this.query().graph({
      entity: "order_payment_collection",
      fields: ["order_id", "payment_collection_id"],
      filters: { order_id: [orderId] },
    })
    for (const row of data) {
      const collectionId = stringAt(recordOf(row), "payment_collection_id")
      if (collectionId) await this.link().dismiss(pair(orderId, collectionId))
    }
  }
}

function pair(orderId: string, collectionId: string): Record<string, Record<string, string>> {
  return { [MEDUSA_KEYS.order]: { order_id: orderId }, [MEDUSA_KEYS.payment]: { payment_collection_id: collectionId } }
}
