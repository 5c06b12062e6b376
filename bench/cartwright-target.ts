import { MODELS } from "../models"
import { ConflictError } from "../src/index"
import type { CartModule } from "../src/index"
import type { BenchTarget } from "./bench-target"
import { sameShapeOperations } from "./shared-operations"

/** Every cart column by name: a select that reads the same rows as a totals read, without asking for totals. */
export function sameRowsSelect(): string[] {
  return [...MODELS.Cart.columnNames, "items.*", "items.tax_lines.*", "items.adjustments.*"]
}

/** The bench operations through cartwright's public service. */
export function cartwrightTarget(module: CartModule): BenchTarget {
  const service = module.service
  return {
    label: "cartwright",
    ...sameShapeOperations(service, sameRowsSelect()),
    async createCart(input) {
      const cart = await service.createCarts({ ...input, items: [...input.items] })
      return { id: cart.id, itemIds: (cart.items ?? []).map((item) => item.id) }
    },
    async addItems(cartId, items) {
      const added = await service.addLineItems(cartId, [...items])
      return added.map((item) => item.id)
    },
    async addShippingMethod(cartId, method) {
      const [added] = await service.addShippingMethods(cartId, [method])
      return added!.id
    },
    async itemIdsOf(cartId) {
      const lines = await service.listLineItems({ cart_id: cartId }, { select: ["id"] })
      return lines.map((line) => line.id)
    },
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
    async incrementUnderLock(cartId, itemId) {
      // The lock comes first: every read after it sees the last committed quantity, so no writer
      // can overwrite another's increment and none has to retry.
      await service.transaction(async (ctx) => {
        await service.lockCart(cartId, ctx)
        const item = await service.retrieveLineItem(itemId, { select: ["id", "quantity"] }, ctx)
        await service.updateLineItems(itemId, { quantity: Number(item.quantity) + 1 }, ctx)
      })
    },
    maintain: (sql) => module.orm.em.getKnex().raw(sql),
    // The module belongs to the caller (bench-database.ts closes it and drops its database).
    close: async () => undefined,
  }
}
