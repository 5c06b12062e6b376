import { MoneyDecimal, toDecimal } from "../money/decimal"
import type { PortLineItem } from "./port-line-item"
import type { PortShippingMethod } from "./port-shipping-method"

/** The cart as the promotion port sees it; money as exact decimal strings in major units. */
export interface PromotionCart {
  readonly id: string
  readonly currency_code: string
  /** What promotion rules may test (region, customer, channel, country); absent when unknown. */
  readonly region_id?: string | null
  readonly customer_id?: string | null
  readonly email?: string | null
  readonly sales_channel_id?: string | null
  readonly country_code?: string | null
  /** `subtotal` (before tax and discounts) and `original_total` (with tax) are exact decimal strings, when the caller has them. */
  readonly items: readonly (PortLineItem & {
    readonly is_discountable: boolean
    readonly subtotal?: string
    readonly original_total?: string
  })[]
  readonly shipping_methods: readonly (PortShippingMethod & {
    readonly subtotal?: string
    readonly original_total?: string
  })[]
}

/** One computed discount (a positive amount, an exact decimal string) on an item or a shipping method. */
export interface ComputedAdjustment {
  readonly code: string
  readonly amount: string
  readonly description?: string | null
  readonly promotion_id?: string | null
  readonly provider_id?: string | null
  /** True when `amount` includes tax (a tax-inclusive promotion). */
  readonly is_tax_inclusive?: boolean
}

/** The promotion usage a completed cart consumed: one entry per adjustment, with its code and amount. */
export interface PromotionUsage {
  readonly cart_id: string
  readonly customer_id: string | null
  readonly email: string | null
  readonly adjustments: readonly { readonly code: string; readonly amount: string }[]
}

/** The port's answer: adjustments per item and shipping method, and the codes it does not know. */
export interface PromotionResult {
  readonly item_adjustments: readonly (ComputedAdjustment & { readonly item_id: string })[]
  readonly shipping_adjustments: readonly (ComputedAdjustment & { readonly shipping_method_id: string })[]
  readonly unknown_codes: readonly string[]
}

/** Where discounts come from. Called outside the cart lock when codes are applied or removed and by the refresh after every change to the cart's contents. */
export interface PromotionPort {
  /** The adjustments that `codes` give `cart`; every adjustment replaces the cart's previous ones. */
  computeAdjustments(cart: PromotionCart, codes: readonly string[]): Promise<PromotionResult>
  /** Counts the usage of a completed cart's promotions (limits, campaign budgets); called when the cart completes. Optional. */
  registerUsage?(usage: PromotionUsage): Promise<void>
  /** Gives back what {@link PromotionPort.registerUsage} counted; called when a completion is undone. Optional. */
  revertUsage?(usage: PromotionUsage): Promise<void>
}

/** A promotion of {@link InMemoryPromotions}: a percentage off every discountable item, or a fixed amount off shipping. */
export interface PromotionEntry {
  readonly id: string
  readonly code: string
  readonly type: "percentage_items" | "fixed_shipping"
  /** Percent (0–100) for `percentage_items`; major units for `fixed_shipping`. */
  readonly value: number
}

/** Promotions held in memory; codes compare case-insensitively. */
export class InMemoryPromotions implements PromotionPort {
  constructor(private readonly promotions: readonly PromotionEntry[]) {}

  /** Applies every known code. */
  async computeAdjustments(cart: PromotionCart, codes: readonly string[]): Promise<PromotionResult> {
    const known = codes.flatMap((code) => this.promotions.filter((p) => p.code.toLowerCase() === code.toLowerCase()))
    const unknown = codes.filter((code) => !this.promotions.some((p) => p.code.toLowerCase() === code.toLowerCase()))
    const itemAdjustments = known
      .filter((p) => p.type === "percentage_items")
      .flatMap((p) =>
        cart.items
          .filter((item) => item.is_discountable)
          // Rounded to cents so the example's totals stay readable; a real engine follows the currency.
          .map((item) => ({
            item_id: item.id,
            code: p.code,
            promotion_id: p.id,
            amount: toDecimal(item.unit_price).times(item.quantity).times(p.value).div(100).toDecimalPlaces(2).toFixed(),
            description: `${p.value}% off`,
          })),
      )
    const shippingAdjustments = known
      .filter((p) => p.type === "fixed_shipping")
      .flatMap((p) =>
        cart.shipping_methods.map((method) => ({
          shipping_method_id: method.id,
          code: p.code,
          promotion_id: p.id,
          amount: MoneyDecimal.min(p.value, toDecimal(method.amount)).toFixed(),
          description: `${p.value} off shipping`,
        })),
      )
    return { item_adjustments: itemAdjustments, shipping_adjustments: shippingAdjustments, unknown_codes: unknown }
  }
}
