import type { FulfillmentCart } from "../ports/fulfillment"
import type { BigNumberInput } from "../money/big-number"
import { computeCartTotals } from "../totals"
import type { TotalsCartInput } from "../totals"
import type { AddressFieldsDTO, CartDTO, CartLineItemDTO } from "../types/dtos"
import { exact } from "./cart-state"

/** A money field as a line carries it: the number, and its exact raw twin once read from the store. */
interface DraftAmount {
  readonly amount: BigNumberInput
  readonly raw_amount?: { readonly value: string | number } | null
}

/** What the totals engine reads of a line's tax lines and adjustments (stored or just computed by a port). */
interface DraftChildren {
  readonly tax_lines?: readonly { readonly rate: number }[]
  readonly adjustments?: readonly (DraftAmount & { readonly is_tax_inclusive?: boolean | null })[]
}

/** A line item of a draft cart: a stored line, or one with planned prices, discounts or taxes. */
export interface DraftItem extends DraftChildren {
  readonly id: string
  readonly unit_price: BigNumberInput
  readonly raw_unit_price?: { readonly value: string | number } | null
  readonly quantity: number
  readonly is_tax_inclusive: boolean
}

/** A shipping method of a draft cart. */
export interface DraftMethod extends DraftChildren, DraftAmount {
  readonly id: string
  readonly is_tax_inclusive: boolean
}

/** A cart as it will be once a patch is written: a new address is only its fields until it is stored. */
export type DraftCart = Omit<CartDTO, "shipping_address" | "billing_address"> & {
  readonly shipping_address?: AddressFieldsDTO | null
  readonly billing_address?: AddressFieldsDTO | null
}

/** The cart after the planned changes, as the ports and the totals engine see it. */
export interface Draft {
  readonly cart: DraftCart
  readonly items: readonly DraftItem[]
  readonly methods: readonly DraftMethod[]
}

/** The totals engine's input for a draft's lines (in `currency`), with the given credit lines. */
export function draftTotalsInput(
  currency: string,
  items: readonly DraftItem[],
  methods: readonly DraftMethod[],
  creditLines: TotalsCartInput["credit_lines"],
): TotalsCartInput {
  return {
    currency_code: currency,
    items: items.map((item) => ({
      id: item.id,
      unit_price: exact(item.unit_price, item.raw_unit_price),
      quantity: item.quantity,
      is_tax_inclusive: item.is_tax_inclusive,
      tax_lines: (item.tax_lines ?? []).map((line) => ({ rate: line.rate })),
      adjustments: (item.adjustments ?? []).map((adj) => ({
        amount: exact(adj.amount, adj.raw_amount),
        is_tax_inclusive: adj.is_tax_inclusive ?? false,
      })),
    })),
    shipping_methods: methods.map((method) => ({
      id: method.id,
      amount: exact(method.amount, method.raw_amount),
      is_tax_inclusive: method.is_tax_inclusive,
      tax_lines: (method.tax_lines ?? []).map((line) => ({ rate: line.rate })),
      adjustments: (method.adjustments ?? []).map((adj) => ({ amount: exact(adj.amount, adj.raw_amount) })),
    })),
    credit_lines: creditLines,
  }
}

/** The fulfillment port's view of a (draft) cart: the item subtotal comes from the totals engine. */
export function fulfillmentCartFor(cart: DraftCart, items: readonly CartLineItemDTO[] = cart.items ?? []): FulfillmentCart {
  const totals = computeCartTotals(draftTotalsInput(cart.currency_code, items, [], []))
  return {
    id: cart.id,
    region_id: cart.region_id ?? null,
    currency_code: cart.currency_code,
    sales_channel_id: cart.sales_channel_id ?? null,
    shipping_address: cart.shipping_address ? { country_code: cart.shipping_address.country_code ?? null } : null,
    item_subtotal: totals.cart.item_subtotal.toFixed(),
    item_total: totals.cart.item_total.toFixed(),
  }
}
