import type { CartContext } from "../service/cart-context"
import type { RefreshDeps } from "./flow-deps"
import { writePromotions } from "./promotions"
import type { RefreshPlan } from "./refresh-plan"
import { taxLineFields } from "./refresh-taxes"

/** Writes a refresh plan under the cart lock (the caller checked the version). Writes only what changed. */
export async function applyRefresh(deps: Pick<RefreshDeps, "cart">, plan: RefreshPlan, ctx: CartContext): Promise<void> {
  const cartId = plan.cart.id
  if (plan.removed_lines.length)
    await deps.cart.softDeleteLineItems(
      plan.removed_lines.map((line) => line.id),
      undefined,
      ctx,
    )
  if (plan.prices.length) {
    await deps.cart.updateLineItems(
      plan.prices.map((price) => ({
        id: price.id,
        unit_price: price.unit_price,
        is_tax_inclusive: price.is_tax_inclusive,
        compare_at_unit_price: price.compare_at_unit_price,
        is_custom_price: false,
      })),
      ctx,
    )
  }
  if (plan.removed_shipping_method_ids.length)
    await deps.cart.softDeleteShippingMethods([...plan.removed_shipping_method_ids], undefined, ctx)
  if (plan.shipping_amounts.length)
    await deps.cart.updateShippingMethods(
      plan.shipping_amounts.map((entry) => ({ id: entry.id, amount: entry.amount })),
      ctx,
    )
  if (plan.promotions) await writePromotions(deps, cartId, plan.promotions.codes, plan.promotions.result, ctx)
  if (plan.taxes) {
    await deps.cart.setLineItemTaxLines(
      cartId,
      plan.taxes.item_tax_lines.map((line) => ({ ...taxLineFields(line), item_id: line.item_id })),
      ctx,
    )
    await deps.cart.setShippingMethodTaxLines(
      cartId,
      plan.taxes.shipping_tax_lines.map((line) => ({ ...taxLineFields(line), shipping_method_id: line.shipping_method_id })),
      ctx,
    )
  }
  if (plan.gift_cards.length)
    await deps.cart.updateCreditLines(
      plan.gift_cards.map((entry) => ({ id: entry.id, amount: entry.amount })),
      ctx,
    )
}
