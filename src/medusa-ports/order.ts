import type { CreateOrderInput, OrderPort, OrderSummary } from "../ports/order"
import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"
import { recordOf, stringAt } from "./medusa-query"
import { MedusaQueryAdapter } from "./query-adapter"
import { exactOf } from "./money"
import type { MedusaCreateOrderInput } from "./order-input"
import { orderInputOf } from "./order-input"
import { MedusaOrderPayments } from "./order-payments"
import type { MedusaLink } from "./payment-collections"

/** An order as Medusa's order module returns it with its totals (a subset of `OrderDTO`). */
export interface MedusaOrder {
  id: string
  display_id?: number | null
  status: string
  currency_code: string
  email?: string | null
  total: unknown
  created_at: Date | string
}

/** The part of Medusa's order module (`IOrderModuleService`) the order adapter calls. */
export interface MedusaOrderModule {
  createOrders(data: MedusaCreateOrderInput[]): Promise<{ id: string }[]>
  listOrders(filters: { id: string[] }, config: { select: string[]; relations: string[]; take: number }): Promise<MedusaOrder[]>
  deleteOrders(ids: string[]): Promise<void>
}

/**
 * Which cart an order came from. Medusa keeps this as its order ↔ cart link (`order_cart`), owned by
 * neither module; the order adapter asks this store.
 */
export interface OrderCartStore {
  /** The cart the order was created from, or null. */
  cartOf(orderId: string): Promise<string | null>
  /** Records the order's cart (right after the order is created). */
  linkCart(orderId: string, cartId: string): Promise<void>
  /** Forgets the order's cart (when the order is deleted). */
  unlinkCart(orderId: string, cartId: string): Promise<void>
}

/** The part of Medusa's Link the order ↔ cart store calls beyond `create`. */
export interface MedusaDismissingLink extends MedusaLink {
  dismiss(links: Record<string, Record<string, string>>): Promise<unknown>
}

/**
 * {@link OrderCartStore} over Medusa's order ↔ cart link, written with Link and read with Query. Medusa
 * defines the link when the app's cart module is registered under `cart` (`cartwright/medusa`).
 */
export class MedusaOrderCarts extends MedusaQueryAdapter implements OrderCartStore {
  private readonly link = this.module<MedusaDismissingLink>("link")

  /** The cart linked to the order, read from the link table. */
  async cartOf(orderId: string): Promise<string | null> {
    const { data } = await this.query().graph({ entity: "order_cart", fields: ["order_id", "cart_id"], filters: { order_id: [orderId] } })
    return stringAt(recordOf(data[0]), "cart_id") ?? null
  }

  /** Creates the link row. */
  async linkCart(orderId: string, cartId: string): Promise<void> {
    await this.link().create({ [MEDUSA_KEYS.order]: { order_id: orderId }, [MEDUSA_KEYS.cart]: { cart_id: cartId } })
  }

  /** Removes the link row. */
  async unlinkCart(orderId: string, cartId: string): Promise<void> {
    await this.link().dismiss({ [MEDUSA_KEYS.order]: { order_id: orderId }, [MEDUSA_KEYS.cart]: { cart_id: cartId } })
  }
}

/** Options of {@link MedusaOrders}. */
export interface MedusaOrdersOptions {
  /** Where an order's cart is kept. Default: Medusa's order ↔ cart link ({@link MedusaOrderCarts}). */
  readonly carts?: OrderCartStore
  /**
   * `"link"` (default): link the paying session's payment collection to the order, as Medusa's cart
   * completion does (needs Medusa's payment module); `"none"`: leave payments out of the order.
   */
  readonly payments?: "link" | "none"
}

const SUMMARY_FIELDS = ["id", "display_id", "status", "currency_code", "email", "created_at", "total"]

/**
 * {@link OrderPort} over Medusa's order module (`container.resolve("order")`): a completed cart becomes a
 * `pending` order with the cart's snapshot, lines, tax lines, adjustments, shipping methods and
 * promotion codes, as Medusa's cart completion creates it, linked to the cart. The order
 * module computes the order's totals itself; the summary reports its `total` and `display_id`. The
 * paying session's payment collection is linked to the order (Medusa's order ↔ payment collection
 * link), so Medusa's admin captures and refunds it there. Deleting (the completion's compensation)
 * deletes the order and its links. Medusa's order events are left to the host.
 */
export class MedusaOrders implements OrderPort {
  private readonly orders: () => MedusaOrderModule
  private readonly carts: OrderCartStore
  private readonly payments: MedusaOrderPayments | null

  constructor(container: HostContainer, options: MedusaOrdersOptions = {}) {
    this.orders = lazyModule<MedusaOrderModule>(container, MEDUSA_KEYS.order)
    this.carts = options.carts ?? new MedusaOrderCarts(container)
    this.payments = options.payments === "none" ? null : new MedusaOrderPayments(container)
  }

  /** Creates the order and links it to the cart and its payment; if a link fails, the order is deleted again. */
  async createOrder(input: CreateOrderInput): Promise<OrderSummary> {
    const [created] = await this.orders().createOrders([orderInputOf(input.cart)])
    try {
      await this.carts.linkCart(created!.id, input.cart.id)
      await this.payments?.linkSession(created!.id, input.payment.session_id)
    } catch (error) {
      await this.deleteOrder(created!.id)
      throw error
    }
    const order = await this.find(created!.id)
    return { ...summaryOf(order!, input.cart.id), payment_provider_id: input.payment.provider_id }
  }

  /** The order with its cart id, or null. */
  async retrieveOrder(id: string): Promise<OrderSummary | null> {
    const order = await this.find(id)
    return order ? summaryOf(order, (await this.carts.cartOf(id)) ?? "") : null
  }

  /** Deletes the order and its cart and payment links; an unknown id is ignored. */
  async deleteOrder(id: string): Promise<void> {
    const cartId = await this.carts.cartOf(id)
    if (cartId) await this.carts.unlinkCart(id, cartId)
    await this.payments?.unlinkAll(id)
    if (await this.find(id)) await this.orders().deleteOrders([id])
  }

  private async find(id: string): Promise<MedusaOrder | undefined> {
    // Medusa computes `total` only with the relations it is computed from.
    const [order] = await this.orders().listOrders(
      { id: [id] },
      { select: SUMMARY_FIELDS, relations: ["items", "shipping_methods", "credit_lines"], take: 1 },
    )
    return order
  }
}

function summaryOf(order: MedusaOrder, cartId: string): OrderSummary {
  return {
    id: order.id,
    cart_id: cartId,
    currency_code: order.currency_code,
    total: exactOf(order.total).toFixed(),
    email: order.email ?? null,
    created_at: new Date(order.created_at).toISOString(),
    display_id: order.display_id ?? null,
    status: order.status,
  }
}
