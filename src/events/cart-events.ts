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

/**
 * The cart events Medusa v2's workflows emit (`CartWorkflowEvents` of `@medusajs/utils` 2.21), with the
 * same names and payloads: `{ id }`, and `customer_id` on `cart.customer_transferred`. `cart.created`
 * and `cart.updated` are also what the module emits for its own writes.
 */
export const CartWorkflowEvents = {
  CREATED: "cart.created",
  UPDATED: "cart.updated",
  CUSTOMER_UPDATED: "cart.customer_updated",
  REGION_UPDATED: "cart.region_updated",
  CUSTOMER_TRANSFERRED: "cart.customer_transferred",
} as const

/** One of {@link CartWorkflowEvents}' names. */
export type CartWorkflowEventName = (typeof CartWorkflowEvents)[keyof typeof CartWorkflowEvents]

/** The action part of a workflow event's name: `customer_updated`, `region_updated`, `customer_transferred`. */
export type CartWorkflowAction = CartWorkflowEventName extends `cart.${infer Action}` ? Exclude<Action, EventAction> : never

/** Every event name the module emits, e.g. `cart.created`, `cart.line-item.updated` or `cart.region_updated`. */
export type CartEventName = `${(typeof EventEntity)[keyof typeof EventEntity]}.${EventAction}` | CartWorkflowEventName

/** One event: its name, the ids it concerns and what changed. */
export interface CartEvent {
  readonly name: CartEventName
  readonly data: {
    readonly id: string
    /** The cart the row belongs to, when it belongs to one. */
    readonly cart_id?: string | null
    /** Names of the fields an update changed. */
    readonly changed?: readonly string[]
    /** `cart.customer_transferred`: the customer the cart now belongs to. */
    readonly customer_id?: string
  }
  readonly metadata: {
    readonly source: "cartwright"
    readonly object: string
    /** What happened: `created`, `updated`..., or a workflow event's suffix (`region_updated`). */
    readonly action: EventAction | CartWorkflowAction
    /** Medusa's convention: set when the caller passed `eventGroupId` in its context. */
    readonly eventGroupId?: string
  }
  /**
   * `"workflow"` for one of {@link CartWorkflowEvents} a flow emits; absent for the module's own events about
   * its rows. A Medusa host tells them apart: Medusa's module events are internal and named per entity.
   */
  readonly origin?: "workflow"
}

/** Builds an event for `entity` (a key of {@link EventEntity}). */
export function cartEvent(
  entity: keyof typeof EventEntity,
  action: EventAction,
  data: CartEvent["data"],
  eventGroupId?: string,
): CartEvent {
  const object = EventEntity[entity]
  const name: CartEventName = `${object}.${action}`
  return {
    name,
    data,
    metadata: { source: "cartwright", object, action, ...(eventGroupId ? { eventGroupId } : {}) },
  }
}

// Each workflow event's name after `cart.`; the mapped type makes a wrong or missing entry a compile error.
const WORKFLOW_ACTIONS = {
  "cart.created": "created",
  "cart.updated": "updated",
  "cart.customer_updated": "customer_updated",
  "cart.region_updated": "region_updated",
  "cart.customer_transferred": "customer_transferred",
} as const satisfies { readonly [N in CartWorkflowEventName]: N extends `cart.${infer Action}` ? Action : never }

/** Builds one of Medusa's cart workflow events (see {@link CartWorkflowEvents}), e.g. `cart.region_updated` with `{ id }`. */
export function cartWorkflowEvent(name: CartWorkflowEventName, data: CartEvent["data"], eventGroupId?: string): CartEvent {
  return {
    name,
    origin: "workflow",
    data,
    metadata: {
      source: "cartwright",
      object: "cart",
      action: WORKFLOW_ACTIONS[name],
      ...(eventGroupId ? { eventGroupId } : {}),
    },
  }
}
