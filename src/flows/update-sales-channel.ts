import type { FlowDeps, RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { changeAndRefresh, compensationOf, undoRefresh } from "./refresh-cart"
import type { RefreshCartCompensation, RefreshCartResult } from "./refresh-cart"
import { resolveSalesChannel } from "./resolve-sales-channel"

/** Input of {@link updateSalesChannel}; null takes the cart out of any channel. */
export interface UpdateSalesChannelInput {
  readonly cart_id: string
  readonly sales_channel_id: string | null
}

/**
 * Moves the cart to another sales channel, checked through the sales channel port. In the same
 * transaction, lines whose variant is not sold in the new channel are removed (reported in
 * `report.removed_lines` with reason `not_in_sales_channel`) and the rest re-priced for it.
 * Undo: the previous channel, removed lines restored.
 * @throws NotFoundError for an unknown channel; NotAllowedError for a disabled one.
 */
export const updateSalesChannelStep: FlowStep<
  RefreshDeps & Pick<FlowDeps, "salesChannels">,
  UpdateSalesChannelInput,
  RefreshCartResult,
  RefreshCartCompensation
> = {
  name: "update-cart-sales-channel",
  async invoke(deps, input) {
    const salesChannelId = await resolveSalesChannel(deps.salesChannels, input.sales_channel_id)
    const changes = { sales_channel: true }
    const result = await changeAndRefresh(deps, { cart_id: input.cart_id, patch: { sales_channel_id: salesChannelId }, changes })
    return {
      output: { cart: result.cart, report: result.report },
      compensation: compensationOf(input.cart_id, result, changes),
    }
  },
  compensate: undoRefresh,
}

/** Moves the cart to another sales channel (plain-function form of {@link updateSalesChannelStep}). */
export const updateSalesChannel = asFlow(updateSalesChannelStep)
