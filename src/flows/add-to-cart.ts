import { ConflictError } from "../errors/errors"
import type { CartDTO } from "../types/dtos"
import type { MetadataDTO } from "../types/dtos"
import { assertCartOpen, withCartLock } from "./cart-state"
import type { FlowDeps, RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { assertInStock, availableQuantity } from "./inventory-check"
import { lineItemsForVariants } from "./price-variants"
import { announceCartUpdated } from "./workflow-events"
import { changeAndRefresh } from "./refresh-cart"

/** Input of {@link addToCart}. */
export interface AddToCartInput {
  readonly cart_id: string
  readonly variant_id: string
  readonly quantity: number
  readonly metadata?: MetadataDTO
}

/** What undoing an add needs: the line touched and its quantity before (null: the line was created). */
export interface AddToCartCompensation {
  readonly cart_id: string
  readonly line_id: string
  readonly previous_quantity: number | null
}

type Deps = RefreshDeps & Pick<FlowDeps, "inventory">

/** Metadata equality for merging: key order does not matter, and null, absent and `{}` are the same. */
export function sameMetadata(a: MetadataDTO | undefined, b: MetadataDTO | undefined): boolean {
  return canonical(a ?? {}) === canonical(b ?? {})
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

/**
 * Adds a variant to a cart. A line of the same variant with the same metadata absorbs the quantity
 * instead of a second line appearing; the read-and-merge runs under the cart's row lock, so parallel
 * adds of one variant end as one line with the summed quantity. Catalogue, pricing and inventory are
 * asked before the lock; the line's total quantity is checked against the available stock under it.
 * Ends with the shared refresh (the merged quantity may reach a price tier, shipping and taxes follow).
 * Undo: restore the previous quantity, or delete the line it created, and refresh.
 * @throws NotAllowedError when the variant lacks stock (naming it and the available quantity).
 */
export const addToCartStep: FlowStep<Deps, AddToCartInput, CartDTO, AddToCartCompensation> = {
  name: "add-to-cart",
  async invoke(deps, input) {
    const scopeFields = ["id", "currency_code", "region_id", "sales_channel_id", "customer_id", "completed_at"]
    const cart = await deps.cart.retrieveCart(input.cart_id, { select: scopeFields })
    assertCartOpen(cart)
    const [line] = await lineItemsForVariants(deps, cart, [
      { variant_id: input.variant_id, quantity: input.quantity, metadata: input.metadata ?? null },
    ])
    const available = await availableQuantity(deps.inventory, input.variant_id, cart.sales_channel_id)
    const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const locked = await deps.cart.retrieveCart(input.cart_id, { select: scopeFields }, ctx)
      assertCartOpen(locked)
      if (
        locked.currency_code !== cart.currency_code ||
        locked.region_id !== cart.region_id ||
        locked.sales_channel_id !== cart.sales_channel_id
      ) {
        throw new ConflictError(
          `Cart with id "${input.cart_id}" changed region or sales channel while the item was being priced; retry`,
          input.cart_id,
        )
      }
      const lines = await deps.cart.listLineItems(
        { cart_id: input.cart_id, variant_id: input.variant_id },
        { select: ["id", "quantity", "metadata"] },
        ctx,
      )
      const inCart = lines.reduce((sum, candidate) => sum + Number(candidate.quantity), 0)
      assertInStock(input.variant_id, inCart + input.quantity, available)
      const existing = lines.find((candidate) => sameMetadata(candidate.metadata, input.metadata))
      await announceCartUpdated(deps.cart, input.cart_id, ctx)
      if (existing) {
        await deps.cart.updateLineItems(existing.id, { quantity: Number(existing.quantity) + input.quantity }, ctx)
        return { cart_id: input.cart_id, line_id: existing.id, previous_quantity: Number(existing.quantity) }
      }
      const created = await deps.cart.createLineItems({ ...line!, cart_id: input.cart_id }, ctx)
      return { cart_id: input.cart_id, line_id: created.id, previous_quantity: null }
    })
    const { cart: output } = await changeAndRefresh(deps, { cart_id: input.cart_id, changes: { lines: [compensation.line_id] } })
    return { output, compensation }
  },
  async compensate(deps, compensation) {
    if (compensation.previous_quantity === null) await deps.cart.deleteLineItems(compensation.line_id)
    else await deps.cart.updateLineItems(compensation.line_id, { quantity: compensation.previous_quantity })
    await changeAndRefresh(deps, { cart_id: compensation.cart_id, changes: { lines: [compensation.line_id] } })
  },
}

/** Adds a variant to a cart (plain-function form of {@link addToCartStep}). */
export const addToCart = asFlow(addToCartStep)
