/** A cart line as the promotion and tax ports see it: what was bought, and its unit price as an exact decimal string. */
export interface PortLineItem {
  readonly id: string
  readonly variant_id?: string | null
  readonly product_id?: string | null
  readonly product_type_id?: string | null
  readonly unit_price: string
  readonly quantity: number
}
