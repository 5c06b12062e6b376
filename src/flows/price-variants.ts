import { InvalidDataError, NotFoundError } from "../errors/errors"
import type { PricingPort } from "../ports/pricing"
import type { CatalogVariant, ProductCatalogPort } from "../ports/product-catalog"
import type { CreateLineItemDTO } from "../types/inputs"
import type { MetadataDTO } from "../types/dtos"
import { assertQuantity } from "./cart-state"

/** One requested line: a variant, a quantity and optional line metadata. */
export interface VariantRequest {
  readonly variant_id: string
  readonly quantity: number
  readonly metadata?: MetadataDTO
}

/** The cart facts that decide availability and price. */
export interface PricingScope {
  readonly currency_code: string
  readonly region_id?: string | null
  readonly sales_channel_id?: string | null
  readonly customer_id?: string | null
}

/** The snapshot fields a line item keeps of its variant and product. */
export function snapshotOf(variant: CatalogVariant): Omit<CreateLineItemDTO, "quantity" | "unit_price"> {
  const product = variant.product
  return {
    title: product.title,
    subtitle: variant.title,
    thumbnail: product.thumbnail ?? null,
    variant_id: variant.id,
    product_id: product.id,
    product_title: product.title,
    product_description: product.description ?? null,
    product_subtitle: product.subtitle ?? null,
    product_type: product.type ?? null,
    product_type_id: product.type_id ?? null,
    product_collection: product.collection ?? null,
    product_handle: product.handle ?? null,
    variant_sku: variant.sku ?? null,
    variant_barcode: variant.barcode ?? null,
    variant_title: variant.title,
    variant_option_values: variant.option_values ? { ...variant.option_values } : null,
    requires_shipping: variant.requires_shipping ?? true,
    is_discountable: product.discountable ?? true,
    is_giftcard: product.is_giftcard ?? false,
  }
}

/**
 * Looks the variants up and prices them for the cart: line item inputs in request order.
 * @throws NotFoundError for an unknown variant; InvalidDataError for a bad quantity, a variant
 * outside the cart's sales channel, or one without a price in the cart's currency.
 */
export async function lineItemsForVariants(
  deps: { readonly catalog: ProductCatalogPort; readonly pricing: PricingPort },
  scope: PricingScope,
  requests: readonly VariantRequest[],
): Promise<CreateLineItemDTO[]> {
  requests.forEach((request, index) => assertQuantity(request.quantity, 1, ["items", index, "quantity"]))
  const ids = [...new Set(requests.map((request) => request.variant_id))]
  const variants = new Map((await deps.catalog.retrieveVariants(ids)).map((variant) => [variant.id, variant]))
  const missing = ids.filter((id) => !variants.has(id))
  if (missing.length) throw NotFoundError.forIds("Variant", missing)
  for (const variant of variants.values()) {
    const channels = variant.product.sales_channel_ids ?? []
    if (channels.length && (!scope.sales_channel_id || !channels.includes(scope.sales_channel_id))) {
      throw InvalidDataError.because(
        `Variant with id "${variant.id}" is not sold in sales channel "${scope.sales_channel_id ?? "(none)"}"`,
        ["variant_id"],
      )
    }
  }
  const prices = await deps.pricing.calculatePrices(
    requests.map((request) => ({
      variant_id: request.variant_id,
      currency_code: scope.currency_code,
      region_id: scope.region_id ?? null,
      quantity: request.quantity,
      customer_id: scope.customer_id ?? null,
      sales_channel_id: scope.sales_channel_id ?? null,
    })),
  )
  return requests.map((request, index) => {
    const price = prices[index]
    if (!price)
      throw InvalidDataError.because(`Variant with id "${request.variant_id}" has no price in currency "${scope.currency_code}"`, [
        "variant_id",
      ])
    return {
      ...snapshotOf(variants.get(request.variant_id)!),
      quantity: request.quantity,
      unit_price: price.amount,
      compare_at_unit_price: price.compare_at_amount ?? null,
      is_tax_inclusive: price.is_tax_inclusive ?? false,
      ...(request.metadata ? { metadata: request.metadata } : {}),
    }
  })
}
