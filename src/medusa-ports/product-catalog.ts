import type { CatalogVariant, ProductCatalogPort } from "../ports/product-catalog"
import { recordOf, rowsAt, stringAt } from "./medusa-query"
import { MedusaQueryAdapter } from "./query-adapter"

/** The product fields a line item snapshots (a subset of Medusa's `ProductDTO`). */
export interface MedusaProduct {
  id: string
  title: string
  handle: string
  subtitle: string | null
  description: string | null
  thumbnail: string | null
  is_giftcard: boolean
  discountable?: boolean
  type_id: string | null
  type: { id: string; value: string } | null
  collection_id: string | null
  collection: { id: string; title: string } | null
}

/** The variant fields a line item snapshots (a subset of Medusa's `ProductVariantDTO`). */
export interface MedusaProductVariant {
  id: string
  title: string
  sku: string | null
  barcode: string | null
  /** Declared by Medusa's DTO, but 2.21's variant model has no such column: absent means the default, true. */
  requires_shipping?: boolean
  options: { value: string; option?: { title: string } | null }[]
  product?: MedusaProduct | null
}

/** The part of Medusa's product module (`IProductModuleService`) the catalogue adapter calls. */
export interface MedusaProductModule {
  listProductVariants(filters: { id: string[] }, config: { relations: string[]; take: null }): Promise<MedusaProductVariant[]>
}

/** Options of {@link MedusaProductCatalog}. */
export interface MedusaProductCatalogOptions {
  /**
   * Where a product's sales channels come from: `"query"` (default) follows Medusa's
   * product ↔ sales channel link through Query, as a Medusa app has it; `"none"` sells every
   * variant in every channel (a host without the sales channel module).
   */
  readonly salesChannels?: "query" | "none"
}

/** Medusa keeps variant option values as rows; a line item keeps them as `{ [option title]: value }`, as Medusa's cart workflows do. */
function optionValuesOf(variant: MedusaProductVariant): Record<string, string> | null {
  const pairs = variant.options.flatMap((value) => (value.option ? [[value.option.title, value.value] as const] : []))
  return pairs.length ? Object.fromEntries(pairs) : null
}

function toCatalogVariant(variant: MedusaProductVariant, product: MedusaProduct, channels: readonly string[]): CatalogVariant {
  return {
    id: variant.id,
    title: variant.title,
    sku: variant.sku,
    barcode: variant.barcode,
    option_values: optionValuesOf(variant),
    requires_shipping: variant.requires_shipping ?? true,
    product: {
      id: product.id,
      title: product.title,
      handle: product.handle,
      description: product.description,
      subtitle: product.subtitle,
      thumbnail: product.thumbnail,
      type: product.type?.value ?? null,
      type_id: product.type_id,
      collection: product.collection?.title ?? null,
      is_giftcard: product.is_giftcard,
      // Medusa's product defaults `discountable` to true; a DTO without the field means the default.
      discountable: product.discountable ?? true,
      sales_channel_ids: channels,
    },
  }
}

/**
 * {@link ProductCatalogPort} over Medusa's product module (`container.resolve("product")`): variants
 * with their product, type, collection and option values, and the product's sales channels from
 * Medusa's link (through Query) so that the flows refuse a variant outside the cart's channel.
 */
export class MedusaProductCatalog extends MedusaQueryAdapter<MedusaProductCatalogOptions> implements ProductCatalogPort {
  private readonly products = this.module<MedusaProductModule>("product")

  /** The variants among `ids` that exist and whose product is not deleted. */
  async retrieveVariants(ids: readonly string[]): Promise<CatalogVariant[]> {
    if (!ids.length) return []
    const variants = await this.products().listProductVariants(
      { id: [...ids] },
      { relations: ["product", "product.type", "product.collection", "options", "options.option"], take: null },
    )
    const channels = await this.salesChannelsOf([...new Set(variants.flatMap((variant) => (variant.product ? [variant.product.id] : [])))])
    return variants.flatMap((variant) =>
      variant.product ? [toCatalogVariant(variant, variant.product, channels.get(variant.product.id) ?? [])] : [],
    )
  }

  private async salesChannelsOf(productIds: readonly string[]): Promise<ReadonlyMap<string, string[]>> {
    if ((this.options.salesChannels ?? "query") === "none" || !productIds.length) return new Map()
    const { data } = await this.query().graph({ entity: "product", fields: ["id", "sales_channels.id"], filters: { id: [...productIds] } })
    return new Map(
      data.flatMap((entry) => {
        const row = recordOf(entry)
        const id = stringAt(row, "id")
        return id ? [[id, rowsAt(row, "sales_channels").flatMap((channel) => stringAt(channel, "id") ?? [])] as const] : []
      }),
    )
  }
}
