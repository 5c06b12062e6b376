import type { Model } from "../../models"
import { MODELS } from "../../models"
import type { EventEntity } from "../events/cart-events"

/** How a cart child hangs off its parent: the column naming the parent and the event entity it emits as. */
export interface ChildSpec {
  readonly model: Model
  readonly parent: Model
  readonly parentColumn: string
  readonly event: keyof typeof EventEntity
}

/** Every child model of a cart, with its parent link. */
export const CHILD_SPECS = {
  LineItem: { model: MODELS.LineItem, parent: MODELS.Cart, parentColumn: "cart_id", event: "LineItem" },
  ShippingMethod: { model: MODELS.ShippingMethod, parent: MODELS.Cart, parentColumn: "cart_id", event: "ShippingMethod" },
  CreditLine: { model: MODELS.CreditLine, parent: MODELS.Cart, parentColumn: "cart_id", event: "CreditLine" },
  LineItemAdjustment: {
    model: MODELS.LineItemAdjustment,
    parent: MODELS.LineItem,
    parentColumn: "item_id",
    event: "LineItemAdjustment",
  },
  LineItemTaxLine: { model: MODELS.LineItemTaxLine, parent: MODELS.LineItem, parentColumn: "item_id", event: "LineItemTaxLine" },
  ShippingMethodAdjustment: {
    model: MODELS.ShippingMethodAdjustment,
    parent: MODELS.ShippingMethod,
    parentColumn: "shipping_method_id",
    event: "ShippingMethodAdjustment",
  },
  ShippingMethodTaxLine: {
    model: MODELS.ShippingMethodTaxLine,
    parent: MODELS.ShippingMethod,
    parentColumn: "shipping_method_id",
    event: "ShippingMethodTaxLine",
  },
} as const satisfies Record<string, ChildSpec>

/** A key of {@link CHILD_SPECS}. */
export type ChildName = keyof typeof CHILD_SPECS
