import { toDecimal } from "../money/decimal"
import type { CartDTO } from "../types/dtos"

/** An order as the flows see it: its id plus whatever the order module returns. */
export interface OrderSummary {
  readonly id: string
  readonly cart_id: string
  readonly currency_code: string
  /** The order's total as an exact decimal string (never a JS number, which may lose digits). */
  readonly total: string
  readonly email?: string | null
  readonly payment_provider_id?: string | null
  readonly created_at: string
  readonly [key: string]: unknown
}

/** What an order is created from: the completed cart (with totals and relations) and the authorised session. */
export interface CreateOrderInput {
  readonly cart: CartDTO
  readonly payment: { readonly provider_id: string; readonly session_id: string; readonly amount: string }
}

/** Where orders go. Called once per cart completion; `deleteOrder` undoes it when completion fails afterwards. */
export interface OrderPort {
  /** Creates an order from a completed cart. */
  createOrder(input: CreateOrderInput): Promise<OrderSummary>
  /** The order with this id, or null (used to replay an idempotent completion). */
  retrieveOrder(id: string): Promise<OrderSummary | null>
  /** Removes an order (compensation). */
  deleteOrder(id: string): Promise<void>
}

/** Orders held in memory. */
export class InMemoryOrders implements OrderPort {
  /** Every order created, by id. */
  readonly orders = new Map<string, OrderSummary & { readonly cart: CartDTO }>()
  private sequence = 0

  /** Stores a snapshot of the cart as the order. */
  async createOrder(input: CreateOrderInput): Promise<OrderSummary> {
    this.sequence += 1
    const order = {
      id: `order_${String(this.sequence).padStart(6, "0")}`,
      cart_id: input.cart.id,
      currency_code: input.cart.currency_code,
      // Read through the money module: a host's BigNumber class (totals.bigNumber) need not print its value.
      total: input.cart.total === undefined ? "0" : toDecimal(input.cart.total).toFixed(),
      email: input.cart.email ?? null,
      payment_provider_id: input.payment.provider_id,
      created_at: new Date().toISOString(),
      cart: input.cart,
    }
    this.orders.set(order.id, order)
    return summary(order)
  }

  /** Looks an order up by id. */
  async retrieveOrder(id: string): Promise<OrderSummary | null> {
    const order = this.orders.get(id)
    return order ? summary(order) : null
  }

  /** Forgets the order. */
  async deleteOrder(id: string): Promise<void> {
    this.orders.delete(id)
  }
}

function summary(order: OrderSummary & { readonly cart: CartDTO }): OrderSummary {
  const { cart: _cart, ...rest } = order
  return rest
}
