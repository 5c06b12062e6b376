import { Address } from "./address"
import { LineItemAdjustment, ShippingMethodAdjustment } from "./adjustments"
import { Cart } from "./cart"
import { CartCheckout } from "./cart-checkout"
import { CreditLine } from "./credit-line"
import type { Model } from "./define-model"
import { LineItem } from "./line-item"
import { ShippingMethod } from "./shipping-method"
import { LineItemTaxLine, ShippingMethodTaxLine } from "./tax-lines"

export { COLUMN_TYPES, defineModel } from "./define-model"
export type { ColumnKind, ColumnSpec, Model, ModelSpec, RelationSpec } from "./define-model"
export { CartCheckout }

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

/** The model named `N` (`ModelOf<"Cart">`): models are named through {@link MODELS} only. */
export type ModelOf<N extends ModelName> = (typeof MODELS)[N]

/** The MikroORM entity schemas of every table: the nine models plus the module-owned checkout state. */
export const ENTITY_SCHEMAS = [...Object.values(MODELS), CartCheckout].map((model) => model.schema)
