import type { TaxQuery } from "../ports/tax"
import type { CartDTO } from "../types/dtos"
import type { UpsertLineItemTaxLineDTO, UpsertShippingMethodTaxLineDTO } from "../types/inputs"
import { planOnOpenCart, retrieveFullCart } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { lineChildrenOf } from "./line-children"
import { portLineOf, portShippingOf } from "./port-lines"
import type { DraftCart } from "./refresh-draft"

/** Input of {@link refreshTaxes}. */
export interface RefreshTaxesInput {
  readonly cart_id: string
}

/** The tax lines as they were, for undo. */
export interface RefreshTaxesCompensation {
  readonly cart_id: string
  readonly item_tax_lines: readonly UpsertLineItemTaxLineDTO[]
  readonly shipping_tax_lines: readonly UpsertShippingMethodTaxLineDTO[]
}

/** The tax port's question for a cart. */
export function taxQueryOf(cart: DraftCart): TaxQuery {
  return {
    cart_id: cart.id,
    region_id: cart.region_id ?? null,
    currency_code: cart.currency_code,
    customer_id: cart.customer_id ?? null,
    address: cart.shipping_address
      ? {
          country_code: cart.shipping_address.country_code ?? null,
          province: cart.shipping_address.province ?? null,
          postal_code: cart.shipping_address.postal_code ?? null,
        }
      : null,
    items: (cart.items ?? []).map(portLineOf),
    shipping_methods: (cart.shipping_methods ?? []).map(portShippingOf),
  }
}

/** The writable fields of a tax line. */
export function taxLineFields<
  T extends { code: string; rate: number; description?: string | null; tax_rate_id?: string | null; provider_id?: string | null },
>(line: T) {
  return {
    code: line.code,
    rate: line.rate,
    description: line.description ?? null,
    tax_rate_id: line.tax_rate_id ?? null,
    provider_id: line.provider_id ?? null,
  }
}

/** Replaces every tax line of the cart with what the tax port says now. Undo: the previous tax lines. */
export const refreshTaxesStep: FlowStep<Pick<FlowDeps, "cart" | "tax">, RefreshTaxesInput, CartDTO, RefreshTaxesCompensation> = {
  name: "refresh-cart-taxes",
  async invoke(deps, input) {
    // The tax port is asked outside the lock; its answer is written only to the cart it was computed for.
    const compensation = await planOnOpenCart(
      deps.cart,
      input.cart_id,
      async (cart) => {
        return { version: cart.version, cart, lines: await deps.tax.getTaxLines(taxQueryOf(cart)) }
      },
      async ({ cart, lines }, ctx) => {
        await deps.cart.setLineItemTaxLines(
          cart.id,
          lines.item_tax_lines.map((line) => ({ ...taxLineFields(line), item_id: line.item_id })),
          ctx,
        )
        await deps.cart.setShippingMethodTaxLines(
          cart.id,
          lines.shipping_tax_lines.map((line) => ({ ...taxLineFields(line), shipping_method_id: line.shipping_method_id })),
          ctx,
        )
        const previous = lineChildrenOf(cart, "tax_lines", taxLineFields)
        return { cart_id: cart.id, item_tax_lines: previous.items, shipping_tax_lines: previous.methods }
      },
    )
    return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation }
  },
  async compensate(deps, compensation) {
    await deps.cart.transaction(async (ctx) => {
      await deps.cart.setLineItemTaxLines(compensation.cart_id, [...compensation.item_tax_lines], ctx)
      await deps.cart.setShippingMethodTaxLines(compensation.cart_id, [...compensation.shipping_tax_lines], ctx)
    })
  },
}

/** Recalculates the cart's taxes (plain-function form of {@link refreshTaxesStep}). */
export const refreshTaxes = asFlow(refreshTaxesStep)
