import type { CartLineItemDTO, CartShippingMethodDTO } from "../types/dtos"
import { toDecimal } from "../money/decimal"
import { exact } from "./cart-state"
import type { RefreshDeps } from "./flow-deps"
import { fulfillmentCartFor } from "./refresh-draft"
import type { DraftCart } from "./refresh-draft"

/** Shipping methods whose option no longer applies (removed) or whose price moved (new amounts), for the draft's items. */
export async function planShipping(
  deps: Pick<RefreshDeps, "fulfillment">,
  cart: DraftCart,
  items: readonly CartLineItemDTO[],
  methods: readonly CartShippingMethodDTO[],
): Promise<{ removed: string[]; amounts: { id: string; amount: string }[] }> {
  const removed: string[] = []
  const amounts: { id: string; amount: string }[] = []
  const fulfillmentCart = fulfillmentCartFor(cart, items)
  for (const method of methods) {
    if (!method.shipping_option_id) continue
    const option = await deps.fulfillment.priceShippingOption(method.shipping_option_id, fulfillmentCart)
    if (!option) removed.push(method.id)
    else if (!toDecimal(option.amount).eq(toDecimal(exact(method.amount, method.raw_amount))))
      amounts.push({ id: method.id, amount: toDecimal(option.amount).toFixed() })
  }
  return { removed, amounts }
}
