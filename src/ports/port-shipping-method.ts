/** A cart's shipping method as the promotion and tax ports see it: its option, and its amount as an exact decimal string. */
export interface PortShippingMethod {
  readonly id: string
  readonly shipping_option_id?: string | null
  readonly amount: string
}
