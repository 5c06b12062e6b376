import type { CartDTO, CartLineItemDTO, CartShippingMethodDTO } from "../types/dtos"

/** A kind of row every line item and shipping method has: its discounts or its taxes. */
type LineChildRelation = "adjustments" | "tax_lines"

/** One row of that kind, on a line item or on a shipping method. */
type LineChild<K extends LineChildRelation> = NonNullable<CartLineItemDTO[K]>[number] | NonNullable<CartShippingMethodDTO[K]>[number]

/**
 * The cart's rows of one kind on every line item and shipping method, written as inputs that name their
 * parent: what an undo sets back after a flow replaced them.
 */
export function lineChildrenOf<K extends LineChildRelation, F extends object>(
  cart: CartDTO,
  relation: K,
  fields: (row: LineChild<K>) => F,
): { items: (F & { item_id: string })[]; methods: (F & { shipping_method_id: string })[] } {
  const rowsOf = (line: CartLineItemDTO | CartShippingMethodDTO): readonly LineChild<K>[] => line[relation] ?? []
  return {
    items: (cart.items ?? []).flatMap((item) => rowsOf(item).map((row) => ({ ...fields(row), item_id: item.id }))),
    methods: (cart.shipping_methods ?? []).flatMap((method) =>
      rowsOf(method).map((row) => ({ ...fields(row), shipping_method_id: method.id })),
    ),
  }
}
