import { Address } from "./address"
import { LineItemAdjustment, ShippingMethodAdjustment } from "./adjustments"
import { Cart } from "./cart"
import { CreditLine } from "./credit-line"
import type { Model } from "./define-model"
import { LineItem } from "./line-item"
import { ShippingMethod } from "./shipping-method"
import { LineItemTaxLine, ShippingMethodTaxLine } from "./tax-lines"

export { defineModel } from "./define-model"
export type { ColumnKind, ColumnSpec, Model, ModelSpec, RelationSpec } from "./define-model"
export {
  Address,
  Cart,
  CreditLine,
  LineItem,
  LineItemAdjustment,
  LineItemTaxLine,
  ShippingMethod,
  ShippingMethodAdjustment,
  ShippingMethodTaxLine,
}

/** The nine models by name, in the order their tables are created. */
export const MODELS = {
  Cart,
  Address,
  LineItem,
  LineItemAdjustment,
  LineItemTaxLine,
  ShippingMethod,
  ShippingMethodAdjustment,
  ShippingMethodTaxLine,
  CreditLine,
} as const satisfies Record<string, Model>

/** A model's name. */
export type ModelName = keyof typeof MODELS

/** The MikroORM entity schemas of every model. */
export const ENTITY_SCHEMAS = Object.values(MODELS).map((model) => model.schema)
