import { MODELS } from "../models"
import { ConflictError } from "../src/index"
import type { CartModule } from "../src/index"
import type { BenchTarget } from "./bench-target"

const RETRIEVE_RELATIONS = [
  "items",
  "items.tax_lines",
  "items.adjustments",
  "shipping_methods",
  "shipping_methods.tax_lines",
  "shipping_address",
]
const BIG_RELATIONS = ["items", "items.tax_lines", "items.adjustments"]

/** Every cart column by name: a select that reads the same rows as a totals read, without asking for totals. */
export function sameRowsSelect(): string[] {
  return [...MODELS.Cart.columnNames, "items.*", "items.tax_lines.*", "items.adjustments.*"]
}

/** The bench operations through cartwright's public service. */
export function cartwrightTarget(module: CartModule): BenchTarget {
  const service = module.service
  return {
    label: "cartwright",
    async createCart(input) {
      const cart = await service.createCarts({ ...input, items: [...input.items] })
      return { id: cart.id, itemIds: (cart.items ?? []).map((item) => item.id) }
    },
    async addItems(cartId, items) {
      const added = await service.addLineItems(cartId, [...items])
      return added.map((item) => item.id)
    },
    setItemTaxLines: (cartId, lines) =>
      service.setLineItemTaxLines(
        cartId,
        lines.map(({ line_id, code, rate }) => ({ item_id: line_id, code, rate })),
      ),
    setItemAdjustments: (cartId, adjustments) => service.setLineItemAdjustments(cartId, [...adjustments]),
    async addShippingMethod(cartId, method) {
      const [added] = await service.addShippingMethods(cartId, [method])
      return added!.id
    },
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
    async itemIdsOf(cartId) {
      const lines = await service.listLineItems({ cart_id: cartId }, { select: ["id"] })
      return lines.map((line) => line.id)
    },
    retrieveBigWithTotals: (cartId) => service.retrieveCart(cartId, { relations: BIG_RELATIONS }),
    retrieveBigSameRows: (cartId) => service.retrieveCart(cartId, { select: sameRowsSelect(), relations: BIG_RELATIONS }),
    retrieveBigNarrow: (cartId) =>
      service.retrieveCart(cartId, {
        select: ["id", "currency_code", "items.id", "items.title", "items.quantity", "items.unit_price"],
        relations: ["items"],
      }),
    async readVersioned(cartId, itemId) {
      const cart = await service.retrieveCart(cartId, { select: ["version", "items.id", "items.quantity"], relations: ["items"] })
      return { version: cart.version, quantity: Number(cart.items!.find((item) => item.id === itemId)!.quantity) }
    },
    async updateQuantityAt(itemId, quantity, expectedVersion) {
      try {
        await service.updateLineItems(itemId, { quantity }, { expectedVersion })
        return true
      } catch (error) {
        if (error instanceof ConflictError) return false
        throw error
      }
    },
    analyze: () => module.orm.em.getKnex().raw("ANALYZE"),
    // The module belongs to the caller (bench-database.ts closes it and drops its database).
    close: async () => undefined,
  }
}
