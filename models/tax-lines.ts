import { defineLineChildren } from "./line-children"

const taxLines = defineLineChildren({
  name: "TaxLine",
  table: "tax_line",
  idSuffix: "txl",
  columns: {
    description: { kind: "text", nullable: true },
    tax_rate_id: { kind: "text", nullable: true },
    code: { kind: "text" },
    rate: { kind: "decimal" },
    provider_id: { kind: "text", nullable: true },
    metadata: { kind: "json", nullable: true },
    // What the tax provider returned for this line (Medusa 2.17.3+); stored and returned as given.
    data: { kind: "json", nullable: true },
  },
  indexed: "tax_rate_id",
  checks: (table) => [{ name: `${table}_rate_check`, expression: "rate >= 0 AND rate <= 100" }],
})

/** A tax applied to a line item (`cart_line_item_tax_line`, ids `calitxl_…`); `rate` is a percentage. */
export const LineItemTaxLine = taxLines.item

/** A tax applied to a shipping method (`cart_shipping_method_tax_line`, ids `casmtxl_…`). */
export const ShippingMethodTaxLine = taxLines.shippingMethod
