/** The entities that emit events, by the name used in event names. */
export const EventEntity = {
  Cart: "cart",
  Address: "cart.address",
  LineItem: "cart.line-item",
  LineItemAdjustment: "cart.line-item-adjustment",
  LineItemTaxLine: "cart.line-item-tax-line",
  ShippingMethod: "cart.shipping-method",
  ShippingMethodAdjustment: "cart.shipping-method-adjustment",
  ShippingMethodTaxLine: "cart.shipping-method-tax-line",
  CreditLine: "cart.credit-line",
} as const

/** What happened to the entity. */
export type EventAction = "created" | "updated" | "deleted" | "restored"

/** Every event name the module emits, e.g. `cart.created` or `cart.line-item.updated`. */
export type CartEventName = `${(typeof EventEntity)[keyof typeof EventEntity]}.${EventAction}`

/** One event: its name, the ids it concerns and what changed. */
export interface CartEvent {
  readonly name: CartEventName
  readonly data: {
    readonly id: string
    /** The cart the row belongs to, when it belongs to one. */
    readonly cart_id?: string | null
    /** Names of the fields an update changed. */
    readonly changed?: readonly string[]
  }
  readonly metadata: {
    readonly source: "cartwright"
    readonly object: string
    readonly action: EventAction
    /** Medusa's convention: set when the caller passed `eventGroupId` in its context. */
    readonly eventGroupId?: string
  }
}

/** Builds an event for `entity` (a key of {@link EventEntity}). */
export function cartEvent(
  entity: keyof typeof EventEntity,
  action: EventAction,
  data: CartEvent["data"],
  eventGroupId?: string,
): CartEvent {
  const object = EventEntity[entity]
  return {
    name: `${object}.${action}` as CartEventName,
    data,
    metadata: { source: "cartwright", object, action, ...(eventGroupId ? { eventGroupId } : {}) },
  }
}
