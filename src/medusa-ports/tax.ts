import type { ComputedTaxLine, TaxLines, TaxPort, TaxQuery } from "../ports/tax"
import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"

/** An item Medusa's tax module prices (its `TaxableItemDTO`). */
export interface MedusaTaxableItem {
  id: string
  product_id: string
  product_type_id?: string
  quantity?: number
  unit_price?: number | string
  currency_code?: string
}

/** A shipping method Medusa's tax module prices (its `TaxableShippingDTO`). */
export interface MedusaTaxableShipping {
  id: string
  shipping_option_id: string
  unit_price?: number | string
  currency_code?: string
}

/** A tax line Medusa's tax module returns: `line_item_id` for items, `shipping_line_id` for shipping. */
export interface MedusaTaxLine {
  rate_id?: string
  rate: number
  code: string | null
  name: string
  provider_id: string
  line_item_id?: string
  shipping_line_id?: string
}

/** The part of Medusa's tax module (`ITaxModuleService`) the tax adapter calls. */
export interface MedusaTaxModule {
  getTaxLines(
    items: (MedusaTaxableItem | MedusaTaxableShipping)[],
    context: { address: { country_code: string; province_code?: string | null; postal_code?: string } },
  ): Promise<MedusaTaxLine[]>
}

function toComputed(line: MedusaTaxLine): ComputedTaxLine {
  // A tax rate without a code is legal in Medusa; the cart's tax line needs one, so the rate's name stands in.
  return {
    code: line.code ?? line.name,
    rate: line.rate,
    description: line.name,
    tax_rate_id: line.rate_id ?? null,
    provider_id: line.provider_id,
  }
}

/**
 * {@link TaxPort} over Medusa's tax module (`container.resolve("tax")`): the tax lines of its tax
 * regions, rates and rules (product, product type, shipping option overrides) for the cart's shipping
 * address, computed by the region's tax provider. A cart without a shipping country gets no tax
 * lines, as in Medusa's cart workflows.
 */
export class MedusaTax implements TaxPort {
  private readonly tax: () => MedusaTaxModule

  constructor(container: HostContainer) {
    this.tax = lazyModule<MedusaTaxModule>(container, MEDUSA_KEYS.tax)
  }

  /** The tax lines per item and shipping method. */
  async getTaxLines(query: TaxQuery): Promise<TaxLines> {
    const country = query.address?.country_code
    if (!country || (!query.items.length && !query.shipping_methods.length)) return { item_tax_lines: [], shipping_tax_lines: [] }
    const currency = query.currency_code
    const items: MedusaTaxableItem[] = query.items.map((item) => ({
      id: item.id,
      product_id: item.product_id ?? "",
      ...(item.product_type_id ? { product_type_id: item.product_type_id } : {}),
      quantity: item.quantity,
      unit_price: item.unit_price,
      currency_code: currency,
    }))
    const shipping: MedusaTaxableShipping[] = query.shipping_methods.map((method) => ({
      id: method.id,
      shipping_option_id: method.shipping_option_id ?? "",
      unit_price: method.amount,
      currency_code: currency,
    }))
    const address = {
      country_code: country,
      province_code: query.address?.province ?? null,
      ...(query.address?.postal_code ? { postal_code: query.address.postal_code } : {}),
    }
    const lines = await this.tax().getTaxLines([...items, ...shipping], { address })
    return {
      item_tax_lines: lines.flatMap((line) => (line.line_item_id ? [{ ...toComputed(line), item_id: line.line_item_id }] : [])),
      shipping_tax_lines: lines.flatMap((line) =>
        line.shipping_line_id ? [{ ...toComputed(line), shipping_method_id: line.shipping_line_id }] : [],
      ),
    }
  }
}
