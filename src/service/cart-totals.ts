import type { Model } from "../../models"
import { MODELS } from "../../models"
import type { ReadPlan } from "../persistence/read-plan"
import { fullPlan } from "../persistence/read-plan"
import type { Dto } from "../persistence/row-mapper"
import { BigNumber } from "../money/big-number"
import type { BigNumberFactory } from "../money/big-number-class"
import type { Decimal } from "../money/decimal"
import { computeCartTotals } from "../totals"
import { isPlainObject } from "../validation/arguments"
import type { LineRowTotals, TotalsOptions } from "../totals"

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
const CART_TOTAL_FIELDS: ReadonlySet<string> = new Set([
  ...LINE_FIELDS,
  ...CART_ONLY_FIELDS,
  "credit_line_total",
  "credit_line_subtotal",
  "credit_line_tax_total",
  ...LINE_FIELDS.map((field) => `raw_${field}`),
])

/** Whether a cart read must compute totals, as Medusa decides it: no `select`, or one naming `*` or a total. */
export function wantsTotals(select: readonly string[] | undefined): boolean {
  if (select === undefined) return true
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

/**
 * Adds every relation totals need to a cart read plan, each with every column, as Medusa's
 * `addRelationsToCalculateTotals` does: once totals are on, `select` no longer narrows the items, shipping
 * methods, credit lines and their adjustments and tax lines (Medusa drops those entries from `select`), so
 * `select: ["total", "items.title"]` returns whole items. As in Medusa, the relations are returned; with
 * `lean` (the `totals.lean` option) they are loaded for the computation and left out of the result.
 * Returns whether the caller's plan left out `currency_code`, which the computation reads: then the
 * caller drops it from the result, as Medusa returns only what was selected.
 */
export function addTotalsRelations(cart: ReadPlan, lean = false): boolean {
  const ensure_ = (plan: ReadPlan, relation: string, model: Model) => whole(ensure(plan, relation, model, lean))
  const currencyLeftOut = !cart.columns.has("currency_code")
  cart.columns.add("currency_code")
  for (const [relation, model, adjustments, taxLines] of [
    ["items", MODELS.LineItem, MODELS.LineItemAdjustment, MODELS.LineItemTaxLine],
    ["shipping_methods", MODELS.ShippingMethod, MODELS.ShippingMethodAdjustment, MODELS.ShippingMethodTaxLine],
  ] as const) {
    const line = ensure_(cart, relation, model)
    ensure_(line, "adjustments", adjustments)
    ensure_(line, "tax_lines", taxLines)
  }
  ensure_(cart, "credit_lines", MODELS.CreditLine)
  return currencyLeftOut
}

/** Widens a plan `select` narrowed back to every column of its model. */
function whole(plan: ReadPlan): ReadPlan {
  if (plan.restricted) {
    plan.columns.clear()
    for (const column of plan.model.columnNames) plan.columns.add(column)
    plan.restricted = false
  }
  return plan
}

type Row = Record<string, unknown>

/** The rows of a relation the read plan loaded (none when it is absent). */
function rowsOf(row: Row, relation: string): Row[] {
  const rows = row[relation]
  return Array.isArray(rows) ? rows.filter(isPlainObject) : []
}

/** A money column's `raw_` twin's exact value, if the row has one. */
function rawValue(row: Row, field: string): unknown {
  const raw = row[`raw_${field}`]
  return typeof raw === "object" && raw !== null && "value" in raw ? raw.value : undefined
}

function exact(row: Row, field: string): string {
  const raw = rawValue(row, field)
  return raw !== undefined ? String(raw) : String(row[field] ?? 0)
}

function lineInput(row: Row, amountField: "unit_price" | "amount") {
  return {
    id: String(row.id),
    unit_price: exact(row, amountField),
    amount: exact(row, amountField),
    quantity: String(row.quantity ?? 1),
    is_tax_inclusive: Boolean(row.is_tax_inclusive),
    tax_lines: rowsOf(row, "tax_lines").map((line) => ({ rate: exactRate(line) })),
    adjustments: rowsOf(row, "adjustments").map((adjustment) => ({
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

/**
 * Computes totals for a mapped cart (relations still present) and writes them onto the cart, its items and
 * shipping methods. As Medusa's `decorateCartTotals` does, the stored amounts of the rows it reads (a line's
 * `unit_price` and `compare_at_unit_price`, an adjustment's, a shipping method's and a credit line's `amount`)
 * become BigNumbers built from their exact `raw_` twins; a tax line's `rate` stays a number, as Medusa's.
 */
export function decorateCartTotals(cart: Dto, options: TotalsOptions): void {
  const items = rowsOf(cart, "items")
  const methods = rowsOf(cart, "shipping_methods")
  const credits = rowsOf(cart, "credit_lines")
  const toBigNumber = sharedBigNumbers(options.bigNumber ?? ((raw) => new BigNumber(raw)))
  for (const line of [...items, ...methods]) {
    amountsToBigNumbers(line, toBigNumber)
    for (const adjustment of rowsOf(line, "adjustments")) amountsToBigNumbers(adjustment, toBigNumber)
  }
  for (const credit of credits) amountsToBigNumbers(credit, toBigNumber)
  const totals = computeCartTotals(
    {
      currency_code: String(cart.currency_code),
      items: items.map((item) => lineInput(item, "unit_price")),
      shipping_methods: methods.map((method) => lineInput(method, "amount")),
      credit_lines: credits.map((credit) => ({ amount: exact(credit, "amount") })),
    },
    options,
  )
  const write = totalsWriter(options.bigNumber)
  write(cart, totals.cart, NOT_ON_MEDUSA_CART)
  for (let index = 0; index < items.length; index++) {
    write(items[index]!, totals.items[index]!)
    decorateRows(items[index]!, totals.item_rows[index]!, write)
  }
  for (let index = 0; index < methods.length; index++) {
    write(methods[index]!, totals.shipping_methods[index]!)
    decorateRows(methods[index]!, totals.shipping_method_rows[index]!, write)
  }
  for (let index = 0; index < credits.length; index++) write(credits[index]!, totals.credit_lines[index]!)
}

/** Money columns a totals read returns as BigNumbers (Medusa turns every field with a `raw_` twin into one). */
const AMOUNT_COLUMNS = ["unit_price", "compare_at_unit_price", "amount"] as const

/**
 * One BigNumber per exact value within a read: lines of a cart often share a price, and a BigNumber is
 * immutable, so sharing it is safe (as for the totals, see totalsWriter).
 */
function sharedBigNumbers(make: BigNumberFactory): BigNumberFactory {
  const made = new Map<string, BigNumber>()
  return (raw) => {
    const key = `${raw.value}/${raw.precision}`
    let number = made.get(key)
    if (number === undefined) made.set(key, (number = make(raw)))
    return number
  }
}

/** Replaces each amount of `row` that has an exact `raw_` twin with a BigNumber of that twin; nulls stay null. */
function amountsToBigNumbers(row: Row, toBigNumber: BigNumberFactory): void {
  for (const column of AMOUNT_COLUMNS) {
    const raw = row[rawKeyOf(column)]
    if (!isPlainObject(raw) || typeof raw.value !== "string") continue
    row[column] = toBigNumber({ value: raw.value, precision: typeof raw.precision === "number" ? raw.precision : RAW_PRECISION })
  }
}

/** Every adjustment and tax line gets its own `subtotal` and `total` (with `raw_` twins), as Medusa's decoration leaves them. */
function decorateRows(line: Row, rows: LineRowTotals, write: TotalsWriter): void {
  const adjustments = rowsOf(line, "adjustments")
  const taxLines = rowsOf(line, "tax_lines")
  for (let index = 0; index < adjustments.length; index++) write(adjustments[index]!, rows.adjustments[index]!)
  for (let index = 0; index < taxLines.length; index++) write(taxLines[index]!, rows.tax_lines[index]!)
}

// Group totals the engine computes but Medusa's decorateCartTotals does not set on the cart.
const NOT_ON_MEDUSA_CART: ReadonlySet<string> = new Set([
  "item_discount_subtotal",
  "item_discount_tax_total",
  "shipping_discount_subtotal",
  "shipping_discount_tax_total",
])

const RAW_PRECISION = BigNumber.DEFAULT_PRECISION
const RAW_KEYS = new Map<string, string>()

function rawKeyOf(key: string): string {
  let raw = RAW_KEYS.get(key)
  if (raw === undefined) {
    raw = `raw_${key}`
    RAW_KEYS.set(key, raw)
  }
  return raw
}

/** Writes each total of `totals` onto `target` as a BigNumber plus its `raw_` twin, skipping `omit`. */
type TotalsWriter = <T extends { readonly [K in keyof T]: Decimal }>(target: Row, totals: T, omit?: ReadonlySet<string>) => void

/**
 * The same fields as `toTotalsFields`, written in place, for one cart read. A cart's totals share
 * many Decimal instances (zero, a subtotal that is also the original subtotal...), so each becomes
 * a BigNumber and an exact string once per read: on a 200-item cart this decoration, not the
 * arithmetic, was most of the cost. BigNumbers are immutable, so sharing one is safe; every `raw_`
 * twin stays its own object, as callers may change it.
 */
function totalsWriter(bigNumber: BigNumberFactory | undefined): TotalsWriter {
  const seen = new Map<Decimal, { readonly number: BigNumber; readonly text: string }>()
  return (target, totals, omit) => {
    for (const key in totals) {
      if (omit?.has(key)) continue
      const value: Decimal = totals[key]
      let converted = seen.get(value)
      if (converted === undefined) {
        // Medusa keeps a total at 20 significant digits (see toTotalsFields); a Medusa host gets its own class.
        const kept = value.toSignificantDigits(RAW_PRECISION)
        const text = kept.toFixed()
        converted = { number: bigNumber ? bigNumber({ value: text, precision: RAW_PRECISION }) : new BigNumber(kept), text }
        seen.set(value, converted)
      }
      target[key] = converted.number
      target[rawKeyOf(key)] = { value: converted.text, precision: RAW_PRECISION }
    }
  }
}
