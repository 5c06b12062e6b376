import { belongsToCart } from "./cart-reference"
import { defineModel } from "./define-model"
import type { ColumnSpec, Model, ModelSpec } from "./define-model"

type Columns = Readonly<Record<string, ColumnSpec>>

/** What differs between a kind of line child (adjustments, tax lines); the rest follows from the parent. */
interface LineChildSpec<C extends Columns> {
  /** Appended to the parent's model name: `Adjustment` gives `LineItemAdjustment` and `ShippingMethodAdjustment`. */
  readonly name: string
  /** Appended to the parent's table: `adjustment` gives `cart_line_item_adjustment`. */
  readonly table: string
  /** Appended to the parent's id prefix: `adj` gives `caliadj` and `casmadj`. */
  readonly idSuffix: string
  /** The child's own columns, after `cart_id` and the parent's key. */
  readonly columns: C
  /** An indexed column besides `cart_id` and the parent's key. */
  readonly indexed: string
  readonly checks: (table: string) => ModelSpec["checks"]
}

const itemKey = { item_id: { kind: "text", references: { model: "LineItem", onDelete: "cascade" } } } as const
const shippingMethodKey = {
  shipping_method_id: { kind: "text", references: { model: "ShippingMethod", onDelete: "cascade" } },
} as const

/** The two parents a line child hangs off: the names the child's model, table, ids and key derive from. */
const PARENTS = {
  item: { model: "LineItem", table: "cart_line_item", idPrefix: "cali", relation: "item", key: "item_id" },
  shippingMethod: {
    model: "ShippingMethod",
    table: "cart_shipping_method",
    idPrefix: "casm",
    relation: "shipping_method",
    key: "shipping_method_id",
  },
} as const

function lineChild<const C extends Columns>(
  parent: (typeof PARENTS)[keyof typeof PARENTS],
  spec: Omit<LineChildSpec<Columns>, "columns">,
  columns: C,
): Model<C> {
  const table = `${parent.table}_${spec.table}`
  return defineModel({
    name: `${parent.model}${spec.name}`,
    table,
    idPrefix: `${parent.idPrefix}${spec.idSuffix}`,
    columns,
    relations: { [parent.relation]: { model: parent.model, kind: "one", column: parent.key } },
    indexed: ["cart_id", parent.key, spec.indexed],
    checks: spec.checks(table),
  })
}

/**
 * Defines a kind of row that hangs off a line (a discount, a tax line) twice: once under line items, once
 * under shipping methods. Both tables have the same columns, led by `cart_id` and their parent's key.
 */
export function defineLineChildren<const C extends Columns>(
  spec: LineChildSpec<C>,
): {
  readonly item: Model<typeof belongsToCart & typeof itemKey & C>
  readonly shippingMethod: Model<typeof belongsToCart & typeof shippingMethodKey & C>
} {
  return {
    item: lineChild(PARENTS.item, spec, { ...belongsToCart, ...itemKey, ...spec.columns }),
    shippingMethod: lineChild(PARENTS.shippingMethod, spec, { ...belongsToCart, ...shippingMethodKey, ...spec.columns }),
  }
}
