import { InvalidDataError } from "../errors/errors"
import type { FulfillmentCart, ShippingOption } from "../ports/fulfillment"
import { fulfillmentCartFor } from "./refresh-draft"
import { announceCartUpdated } from "./workflow-events"
import { changeAndRefresh } from "./refresh-cart"
import type { CartDTO } from "../types/dtos"
import { assertCartOpen, retrieveFullCart, withCartLock } from "./cart-state"
import type { FlowDeps, RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"

/** Input of {@link listShippingOptions}. */
export interface ListShippingOptionsInput {
  readonly cart_id: string
}

/** Input of {@link addShippingMethod}. */
export interface AddShippingMethodInput {
  readonly cart_id: string
  readonly option_id: string
  readonly data?: Readonly<Record<string, unknown>>
}

/** What undoing a shipping method choice needs: the method added and the ones it replaced. */
export interface AddShippingMethodCompensation {
  readonly cart_id: string
  readonly added_id: string
  readonly replaced_ids: readonly string[]
}

/** The cart as the fulfillment port sees it (item subtotal from the totals engine, exact). */
export function fulfillmentCartOf(cart: CartDTO): FulfillmentCart {
  return fulfillmentCartFor(cart)
}

/** Lists the shipping options the cart can use, priced. Nothing to undo. */
export const listShippingOptionsStep: FlowStep<Pick<FlowDeps, "cart" | "fulfillment">, ListShippingOptionsInput, ShippingOption[], null> = {
  name: "list-shipping-options",
  async invoke(deps, input) {
    const cart = await retrieveFullCart(deps.cart, input.cart_id)
    return { output: await deps.fulfillment.listShippingOptions(fulfillmentCartOf(cart)), compensation: null }
  },
  async compensate() {},
}

/**
 * Sets the cart's shipping method from an option: the fulfillment port prices it, and it replaces
 * any method the cart had (one method per cart, as in Medusa v1's single-profile carts). Ends with
 * the shared refresh (promotions and taxes now cover the method).
 * Undo: remove the new method and bring the replaced ones back.
 * @throws InvalidDataError when the option is not available to the cart.
 */
export const addShippingMethodStep: FlowStep<RefreshDeps, AddShippingMethodInput, CartDTO, AddShippingMethodCompensation> = {
  name: "add-shipping-method",
  async invoke(deps, input) {
    const cart = await retrieveFullCart(deps.cart, input.cart_id)
    assertCartOpen(cart)
    const option = await deps.fulfillment.priceShippingOption(input.option_id, fulfillmentCartOf(cart))
    if (!option)
      throw InvalidDataError.because(`Shipping option with id "${input.option_id}" is not available to cart "${cart.id}"`, ["option_id"])
    const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const existing = await deps.cart.listShippingMethods({ cart_id: input.cart_id }, { select: ["id"] }, ctx)
      const replacedIds = existing.map((method) => method.id)
      // Soft delete, so that undo restores the old method with its tax lines and adjustments.
      if (replacedIds.length) await deps.cart.softDeleteShippingMethods(replacedIds, undefined, ctx)
      // createShippingMethods, not addShippingMethods: only it takes the shared context, so the add joins this transaction.
      const added = await deps.cart.createShippingMethods(
        {
          cart_id: input.cart_id,
          name: option.name,
          amount: option.amount,
          is_tax_inclusive: option.is_tax_inclusive ?? false,
          shipping_option_id: option.id,
          data: { ...(option.data ?? {}), ...(input.data ?? {}) },
        },
        ctx,
      )
      await announceCartUpdated(deps.cart, input.cart_id, ctx)
      return { cart_id: input.cart_id, added_id: added.id, replaced_ids: replacedIds }
    })
    const { cart: output } = await changeAndRefresh(deps, { cart_id: input.cart_id, changes: {} })
    return { output, compensation }
  },
  async compensate(deps, compensation) {
    await deps.cart.transaction(async (ctx) => {
      await deps.cart.deleteShippingMethods(compensation.added_id, ctx)
      if (compensation.replaced_ids.length) await deps.cart.restoreShippingMethods([...compensation.replaced_ids], undefined, ctx)
    })
    await changeAndRefresh(deps, { cart_id: compensation.cart_id, changes: {} })
  },
}

/** Lists priced shipping options (plain-function form of {@link listShippingOptionsStep}). */
export const listShippingOptions = asFlow(listShippingOptionsStep)

/** Sets the shipping method (plain-function form of {@link addShippingMethodStep}). */
export const addShippingMethod = asFlow(addShippingMethodStep)
