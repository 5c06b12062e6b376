import { randomUUID } from "node:crypto"

/** How many units of a variant can still be sold in a sales channel; null `available`: not stock-managed. */
export interface VariantAvailability {
  readonly variant_id: string
  readonly available: number | null
}

/** One line to reserve stock for. */
export interface ReservationRequest {
  readonly variant_id: string
  readonly quantity: number
  readonly line_item_id: string
}

/** What a reservation call returns: ids to hand back to `release` when the completion is undone. */
export interface Reservation {
  readonly id: string
  readonly variant_id: string
  readonly quantity: number
  readonly line_item_id: string
}

/**
 * Stock, as the host's inventory module keeps it. Called outside the cart lock: `availability` when
 * a line is added or its quantity changes (more than available is refused), `reserve` when the cart
 * completes (all or nothing), `release` when that completion is undone.
 */
export interface InventoryPort {
  /** Availability of each variant in the channel (null channel: the store's default stock). */
  availability(variantIds: readonly string[], salesChannelId: string | null): Promise<VariantAvailability[]>
  /** Reserves every request or none; a shortage rejects with the variants that lack stock. */
  reserve(requests: readonly ReservationRequest[], salesChannelId: string | null): Promise<Reservation[]>
  /** Releases reservations (compensation); unknown ids are ignored. */
  release(reservationIds: readonly string[]): Promise<void>
}

/** One stock level of {@link InMemoryInventory}: per variant, optionally per channel (else every channel). */
export interface StockEntry {
  readonly variant_id: string
  readonly quantity: number
  readonly sales_channel_id?: string
}

/** Thrown by {@link InMemoryInventory.reserve} when stock ran out since it was checked. */
export class InsufficientStockError extends Error {
  constructor(readonly variantIds: readonly string[]) {
    super(`Not enough stock for variant(s) ${variantIds.join(", ")}`)
  }
}

/** Stock held in memory; variants without an entry are not stock-managed (always available). */
export class InMemoryInventory implements InventoryPort {
  /** Live reservations by id. */
  readonly reservations = new Map<string, Reservation & { readonly sales_channel_id: string | null }>()

  constructor(private readonly stock: readonly StockEntry[]) {}

  /** Stock minus live reservations. */
  async availability(variantIds: readonly string[], salesChannelId: string | null): Promise<VariantAvailability[]> {
    return variantIds.map((variant_id) => ({ variant_id, available: this.available(variant_id, salesChannelId) }))
  }

  /** Reserves all lines, or throws {@link InsufficientStockError} and reserves nothing. */
  async reserve(requests: readonly ReservationRequest[], salesChannelId: string | null): Promise<Reservation[]> {
    const wanted = new Map<string, number>()
    for (const request of requests) wanted.set(request.variant_id, (wanted.get(request.variant_id) ?? 0) + request.quantity)
    const short = [...wanted].filter(([variant, quantity]) => {
      const available = this.available(variant, salesChannelId)
      return available !== null && available < quantity
    })
    if (short.length) throw new InsufficientStockError(short.map(([variant]) => variant))
    return requests.map((request) => {
      const reservation = { id: `resitem_${randomUUID()}`, ...request }
      this.reservations.set(reservation.id, { ...reservation, sales_channel_id: salesChannelId })
      return reservation
    })
  }

  /** Drops the reservations. */
  async release(reservationIds: readonly string[]): Promise<void> {
    for (const id of reservationIds) this.reservations.delete(id)
  }

  private available(variantId: string, salesChannelId: string | null): number | null {
    const entry =
      this.stock.find((s) => s.variant_id === variantId && s.sales_channel_id === (salesChannelId ?? undefined)) ??
      this.stock.find((s) => s.variant_id === variantId && s.sales_channel_id === undefined)
    if (!entry) return null
    let reserved = 0
    for (const reservation of this.reservations.values()) if (reservation.variant_id === variantId) reserved += reservation.quantity
    return entry.quantity - reserved
  }
}
