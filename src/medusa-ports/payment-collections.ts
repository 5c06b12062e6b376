import { MEDUSA_KEYS } from "./host-container"
import { recordOf, stringAt } from "./medusa-query"
import { MedusaQueryAdapter } from "./query-adapter"

/**
 * Which payment collection pays for which cart. Medusa keeps this as a link between the cart and
 * payment modules (`cart_payment_collection`), owned by neither; the payment adapter asks this store.
 */
export interface PaymentCollectionStore {
  /** The payment collection of the cart, or null before its first payment session. */
  collectionOf(cartId: string): Promise<string | null>
  /** The cart a collection pays for, or null. */
  cartOf(collectionId: string): Promise<string | null>
  /** Records that the cart pays through the collection (called once, right after the collection is created). */
  linkCollection(cartId: string, collectionId: string): Promise<void>
}

/** The part of Medusa's Link (`container.resolve("link")`) the store calls. */
export interface MedusaLink {
  create(links: Record<string, Record<string, string>>): Promise<unknown>
}

/**
 * {@link PaymentCollectionStore} over Medusa's own cart ↔ payment collection link, written with Link and
 * read with Query, as Medusa's cart workflows keep it. Medusa defines that link only when the app's
 * cart module is registered under the `cart` key: `cartwright/medusa` (or `@medusajs/cart`). Hosts
 * without it pass their own store to {@link MedusaPayment}.
 */
export class MedusaCartPaymentCollections extends MedusaQueryAdapter implements PaymentCollectionStore {
  private readonly link = this.module<MedusaLink>("link")

  /**
   * The collection linked to the cart, read from the link table (the cart module is not asked). Medusa's
   * link lets a cart have several (two first sessions opened at once may each create one): the oldest
   * wins, always the same, so every caller prices and authorises in one collection.
   */
  async collectionOf(cartId: string): Promise<string | null> {
    const { data } = await this.query().graph({
      entity: "cart_payment_collection",
      fields: ["cart_id", "payment_collection_id"],
      filters: { cart_id: [cartId] },
    })
    // Medusa's ids are a prefix and a ULID: sorting them sorts by creation time.
    const ids = data.flatMap((row) => stringAt(recordOf(row), "payment_collection_id") ?? []).sort()
    return ids[0] ?? null
  }

  /** The cart linked to the collection. */
  async cartOf(collectionId: string): Promise<string | null> {
    const { data } = await this.query().graph({
      entity: "cart_payment_collection",
      fields: ["cart_id", "payment_collection_id"],
      filters: { payment_collection_id: [collectionId] },
    })
    return stringAt(recordOf(data[0]), "cart_id") ?? null
  }

  /** Creates the link row. */
  async linkCollection(cartId: string, collectionId: string): Promise<void> {
    await this.link().create({ [MEDUSA_KEYS.cart]: { cart_id: cartId }, [MEDUSA_KEYS.payment]: { payment_collection_id: collectionId } })
  }
}
