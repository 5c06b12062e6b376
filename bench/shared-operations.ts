import type { BenchAdjustment, BenchTarget } from "./bench-target"

/** The relations of a cart page in the storefront: what a totals read loads. */
export const RETRIEVE_RELATIONS = [
  "items",
  "items.tax_lines",
  "items.adjustments",
  "shipping_methods",
  "shipping_methods.tax_lines",
  "shipping_address",
]

/** The relations a big-cart read loads. */
export const BIG_RELATIONS = ["items", "items.tax_lines", "items.adjustments"]

/**
 * The calls cartwright's service and Medusa's cart module answer with the same arguments, so the
 * bench sends both exactly the same requests for these operations.
 */
export interface SameShapeCartCalls {
  setLineItemTaxLines(cartId: string, lines: { item_id: string; code: string; rate: number }[]): Promise<unknown>
  setLineItemAdjustments(cartId: string, adjustments: BenchAdjustment[]): Promise<unknown>
  setShippingMethodTaxLines(cartId: string, lines: { shipping_method_id: string; code: string; rate: number }[]): Promise<unknown>
  updateLineItems(itemId: string, data: { quantity: number }): Promise<unknown>
  retrieveCart(cartId: string, config: { select?: string[]; relations: string[] }): Promise<unknown>
  listAndCountCarts(
    filters: Record<string, never>,
    config: { take: number; skip: number; order: { created_at: "ASC" }; select?: string[] },
  ): Promise<unknown>
  deleteLineItems(itemId: string): Promise<unknown>
}

/** The bench operations both service targets implement with the same calls. */
export type SameShapeOperations = Pick<
  BenchTarget,
  | "setItemTaxLines"
  | "setItemAdjustments"
  | "setShippingTaxLines"
  | "updateQuantity"
  | "retrieveWithTotals"
  | "listAndCount"
  | "deleteItem"
  | "retrieveBigWithTotals"
  | "retrieveBigSameRows"
  | "retrieveBigNarrow"
>

/** Those operations over `service`; `sameRowsSelect` names every cart column as that service spells it. */
export function sameShapeOperations(service: SameShapeCartCalls, sameRowsSelect: readonly string[]): SameShapeOperations {
  return {
    setItemTaxLines: (cartId, lines) =>
      service.setLineItemTaxLines(
        cartId,
        lines.map(({ line_id, code, rate }) => ({ item_id: line_id, code, rate })),
      ),
    setItemAdjustments: (cartId, adjustments) => service.setLineItemAdjustments(cartId, [...adjustments]),
    setShippingTaxLines: (cartId, lines) =>
      service.setShippingMethodTaxLines(
        cartId,
        lines.map(({ line_id, code, rate }) => ({ shipping_method_id: line_id, code, rate })),
      ),
    updateQuantity: (itemId, quantity) => service.updateLineItems(itemId, { quantity }),
    retrieveWithTotals: (cartId) => service.retrieveCart(cartId, { relations: RETRIEVE_RELATIONS }),
    listAndCount: (take, skip, withTotals) =>
      service.listAndCountCarts(
        {},
        { take, skip, order: { created_at: "ASC" }, ...(withTotals ? {} : { select: ["id", "email", "currency_code", "created_at"] }) },
      ),
    deleteItem: (itemId) => service.deleteLineItems(itemId),
    retrieveBigWithTotals: (cartId) => service.retrieveCart(cartId, { relations: BIG_RELATIONS }),
    retrieveBigSameRows: (cartId) => service.retrieveCart(cartId, { select: [...sameRowsSelect], relations: BIG_RELATIONS }),
    retrieveBigNarrow: (cartId) =>
      service.retrieveCart(cartId, {
        select: ["id", "currency_code", "items.id", "items.title", "items.quantity", "items.unit_price"],
        relations: ["items"],
      }),
  }
}
