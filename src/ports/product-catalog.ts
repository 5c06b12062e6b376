/** A product variant with the product data a line item snapshots. */
export interface CatalogVariant {
  readonly id: string
  readonly title: string
  readonly sku?: string | null
  readonly barcode?: string | null
  readonly option_values?: Readonly<Record<string, unknown>> | null
  readonly requires_shipping?: boolean
  readonly product: {
    readonly id: string
    readonly title: string
    readonly handle?: string | null
    readonly description?: string | null
    readonly subtitle?: string | null
    readonly thumbnail?: string | null
    readonly type?: string | null
    readonly type_id?: string | null
    readonly collection?: string | null
    readonly is_giftcard?: boolean
    readonly discountable?: boolean
    /** Sales channels the product is sold in; absent or empty: every channel. */
    readonly sales_channel_ids?: readonly string[]
  }
}

/** Where product variants come from. Called when items are added to a cart by `variant_id`. */
export interface ProductCatalogPort {
  /** The variants that exist among `ids` (missing ids are simply absent from the result). */
  retrieveVariants(ids: readonly string[]): Promise<CatalogVariant[]>
}

/** A catalogue held in memory. */
export class InMemoryProductCatalog implements ProductCatalogPort {
  private readonly byId: ReadonlyMap<string, CatalogVariant>

  constructor(variants: readonly CatalogVariant[]) {
    this.byId = new Map(variants.map((variant) => [variant.id, variant]))
  }

  /** Looks variants up by id. */
  async retrieveVariants(ids: readonly string[]): Promise<CatalogVariant[]> {
    return ids.flatMap((id) => {
      const variant = this.byId.get(id)
      return variant ? [variant] : []
    })
  }
}
