import type { Model } from "../../models"
import { MODELS } from "../../models"
import type { ReadPlan } from "../persistence/read-plan"
import { fullPlan } from "../persistence/read-plan"
import type { Dto } from "../persistence/row-mapper"
import { computeCartTotals, toTotalsFields } from "../totals"
import type { LineRowTotals, TotalsOptions } from "../totals"
import type { Decimal } from "../money/decimal"

const LINE_FIELDS = [
  "total",
  "subtotal",
  "tax_total",
  "discount_total",
  "discount_subtotal",
  "discount_tax_total",
  "original_total",
  "original_subtotal",
  "original_tax_total",
] as const

const CART_ONLY_FIELDS = ["item", "shipping"].flatMap((prefix) => [
  ...LINE_FIELDS.filter((field) => !field.startsWith("original_")).map((field) => `${prefix}_${field}`),
  ...["total", "subtotal", "tax_total"].map((field) => `original_${prefix}_${field}`),
])

/** Every computed total a cart can return; naming one in `select` turns totals on. */
export const CART_TOTAL_FIELDS: ReadonlySet<string> = new Set([
  ...LINE_FIELDS,
  ...CART_ONLY_FIELDS,
  "credit_line_total",
  "credit_line_subtotal",
  "credit_line_tax_total",
  ...LINE_FIELDS.map((field) => `raw_${field}`),
])

/** Whether a cart read must compute totals: no select, `*`, or any total field asked for. */
export function wantsTotals(select: readonly string[] | undefined): boolean {
  if (!select || select.length === 0) return true
  return select.some((field) => field === "*" || CART_TOTAL_FIELDS.has(field))
}

function ensure(plan: ReadPlan, relation: string, model: Model, hidden: boolean): ReadPlan {
  let child = plan.relations.get(relation)
  if (!child) {
    child = fullPlan(model, hidden)
    plan.relations.set(relation, child)
  }
  return child
}

function ensureColumns(plan: ReadPlan, columns: readonly string[]): void {
  for (const column of columns) plan.columns.add(column)
}

/**
 * Adds every relation and column totals need to a cart read plan. As in Medusa, the relations are
 * returned (items and shipping methods with their adjustments and tax lines, credit lines); with
 * `lean` (the `totals.lean` option) they are loaded for the computation and left out of the result.
 */
export function addTotalsRelations(cart: ReadPlan, lean = false): void {
  const ensure_ = (plan: ReadPlan, relation: string, model: Model) => ensure(plan, relation, model, lean)
  ensureColumns(cart, ["currency_code"])
  for (const [relation, model, adjustments, taxLines] of [
    ["items", MODELS.LineItem, MODELS.LineItemAdjustment, MODELS.LineItemTaxLine],
    ["shipping_methods", MODELS.ShippingMethod, MODELS.ShippingMethodAdjustment, MODELS.ShippingMethodTaxLine],
  ] as const) {
    const line = ensure_(cart, relation, model)
    ensureColumns(line, relation === "items" ? ["unit_price", "raw_unit_price", "quantity", "is_tax_inclusive"] : ["amount", "raw_amount", "is_tax_inclusive"])
    ensureColumns(ensure_(line, "adjustments", adjustments), ["amount", "raw_amount", "is_tax_inclusive"])
    ensureColumns(ensure_(line, "tax_lines", taxLines), ["rate"])
  }
  ensureColumns(ensure_(cart, "credit_lines", MODELS.CreditLine), ["amount", "raw_amount"])
}

type Row = Record<string, unknown>

function exact(row: Row, field: string): string {
  const raw = row[`raw_${field}`] as { value?: unknown } | null | undefined
  return raw?.value !== undefined ? String(raw.value) : String(row[field] ?? 0)
}

function lineInput(row: Row, amountField: "unit_price" | "amount") {
  return {
    id: String(row.id),
    unit_price: exact(row, amountField),
    amount: exact(row, amountField),
    quantity: String(row.quantity ?? 1),
    is_tax_inclusive: Boolean(row.is_tax_inclusive),
    tax_lines: ((row.tax_lines as Row[] | undefined) ?? []).map((line) => ({ rate: exactRate(line) })),
    adjustments: ((row.adjustments as Row[] | undefined) ?? []).map((adjustment) => ({
      amount: exact(adjustment, "amount"),
      is_tax_inclusive: Boolean(adjustment.is_tax_inclusive),
    })),
  }
}

/** A tax line's rate as its exact stored text (the `raw_rate` twin), never through a JS number. */
function exactRate(line: Row): string {
  const raw = line.raw_rate
  if (typeof raw === "object" && raw !== null && "value" in raw) return String(raw.value)
  return String(line.rate)
}

/** Computes totals for a mapped cart (relations still present) and writes them onto the cart, its items and shipping methods. */
export function decorateCartTotals(cart: Dto, options: TotalsOptions): void {
  const items = (cart.items as Row[] | undefined) ?? []
  const methods = (cart.shipping_methods as Row[] | undefined) ?? []
  const credits = (cart.credit_lines as Row[] | undefined) ?? []
  const totals = computeCartTotals(
    {
      currency_code: String(cart.currency_code),
      items: items.map((item) => lineInput(item, "unit_price")),
      shipping_methods: methods.map((method) => lineInput(method, "amount")),
      credit_lines: credits.map((credit) => ({ amount: exact(credit, "amount") })),
    },
    options,
  )
  const fields = <T extends { readonly [K in keyof T]: Decimal }>(values: T) => toTotalsFields(values, options.bigNumber)
  Object.assign(cart, withoutFieldsMedusaOmits(fields(totals.cart)))
  items.forEach((item, index) => {
    Object.assign(item, fields(totals.items[index]!))
    decorateRows(item, totals.item_rows[index]!, options)
  })
  methods.forEach((method, index) => {
    Object.assign(method, fields(totals.shipping_methods[index]!))
    decorateRows(method, totals.shipping_method_rows[index]!, options)
  })
  credits.forEach((credit, index) => Object.assign(credit, fields(totals.credit_lines[index]!)))
}

/** Every adjustment and tax line gets its own `subtotal` and `total` (with `raw_` twins), as Medusa's decoration leaves them. */
function decorateRows(line: Row, rows: LineRowTotals, options: TotalsOptions): void {
  const adjustments = (line.adjustments as Row[] | undefined) ?? []
  const taxLines = (line.tax_lines as Row[] | undefined) ?? []
  adjustments.forEach((adjustment, index) => Object.assign(adjustment, toTotalsFields(rows.adjustments[index]!, options.bigNumber)))
  taxLines.forEach((taxLine, index) => Object.assign(taxLine, toTotalsFields(rows.tax_lines[index]!, options.bigNumber)))
}

// Group totals the engine computes but Medusa's decorateCartTotals does not set on the cart.
const NOT_ON_MEDUSA_CART = ["item_discount_subtotal", "item_discount_tax_total", "shipping_discount_subtotal", "shipping_discount_tax_total"]

function withoutFieldsMedusaOmits(fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields }
  for (const field of NOT_ON_MEDUSA_CART) {
    delete out[field]
    delete out[`raw_${field}`]
  }
  return out
}
