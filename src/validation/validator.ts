import type { z } from "zod"
import { InvalidDataError } from "../errors/errors"
import type { ValidationIssue } from "../errors/cart-module-error"
import { firstMissingRequired } from "./required-fields"
import { issuePath } from "./issue-path"
import { findNul, hasNul } from "./json-bounds"
import { isPlainObject } from "./arguments"
import { REFUSED, quickParserOf } from "./quick-parse"
import * as schemas from "./schemas"

type Schema = z.ZodType

const partialOf = (schema: z.ZodObject) => schema.partial()

/**
 * Each public input by name, with its schema. An upsert entry is an update when it names an `id` (only
 * the fields it gives change) and a create otherwise, so its schema requires nothing; the fields a create
 * needs are checked per entry (see required-fields.ts), in Medusa's words.
 */
const INPUTS = {
  createCart: schemas.cart,
  updateCart: schemas.cart.omit({ items: true }).partial(),
  updateCartWithId: schemas.cart.omit({ items: true }).partial().extend({ id: schemas.id }),
  createAddress: schemas.addressOfCart,
  updateAddress: schemas.address.required({ id: true }),
  createLineItem: schemas.lineItem,
  updateLineItem: partialOf(schemas.lineItemColumns),
  createShippingMethod: schemas.shippingMethod,
  updateShippingMethod: partialOf(schemas.shippingMethod),
  createLineItemAdjustment: schemas.lineItemAdjustment,
  updateLineItemAdjustment: partialOf(schemas.lineItemAdjustment),
  upsertLineItemAdjustment: partialOf(schemas.lineItemAdjustment),
  createLineItemTaxLine: schemas.lineItemTaxLine,
  updateLineItemTaxLine: partialOf(schemas.lineItemTaxLine),
  upsertLineItemTaxLine: partialOf(schemas.lineItemTaxLine),
  createShippingMethodAdjustment: schemas.shippingMethodAdjustment,
  updateShippingMethodAdjustment: partialOf(schemas.shippingMethodAdjustment),
  upsertShippingMethodAdjustment: partialOf(schemas.shippingMethodAdjustment),
  createShippingMethodTaxLine: schemas.shippingMethodTaxLine,
  updateShippingMethodTaxLine: partialOf(schemas.shippingMethodTaxLine),
  upsertShippingMethodTaxLine: partialOf(schemas.shippingMethodTaxLine),
  createCreditLine: schemas.creditLine,
  updateCreditLine: partialOf(schemas.creditLine),
} as const satisfies Readonly<Record<string, Schema>>

/** The name of a public input; a name without a schema does not compile. */
export type InputName = keyof typeof INPUTS

function toIssues(error: z.ZodError, prefix: readonly (string | number)[]): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issuePath(issue.path)]
    const constraint = issue.code === "custom" && issue.params?.constraint === true
    return constraint ? { path, message: issue.message, constraint } : { path, message: issue.message }
  })
}

function sameIssuePath(a: ValidationIssue, b: ValidationIssue): boolean {
  return a.path.length === b.path.length && a.path.every((part, index) => part === b.path[index])
}

/** Checks every public input at the boundary; a failure is one `invalid_data` error listing all issues. */
export class Validator {
  constructor(readonly limits: { readonly maxQuantity?: number; readonly maxLinesPerCart?: number } = {}) {}

  /**
   * Validates a batch (every element before anything is written) and returns what the schemas parsed, in
   * order: the values to write. A field the schema does not declare (cartwright's own bookkeeping such as
   * `version`, a parent key the method sets itself, an unknown key) is not in the result, so nothing
   * unvalidated reaches the database. @throws InvalidDataError
   */
  parse(name: InputName, inputs: readonly unknown[]): Record<string, unknown>[] {
    return this.quickParse(name, inputs) ?? this.fullParse(name, inputs)
  }

  /**
   * The batch as {@link fullParse} returns it when every input is plainly valid, checked without zod; or
   * undefined (any doubt at all), and then {@link fullParse} decides and words every issue.
   */
  private quickParse(name: InputName, inputs: readonly unknown[]): Record<string, unknown>[] | undefined {
    const parser = quickParserOf(INPUTS[name])
    if (!parser) return undefined
    const parsed: Record<string, unknown>[] = []
    const issues: ValidationIssue[] = []
    for (const input of inputs) {
      const result = parser(input)
      if (result === REFUSED || !isPlainObject(result) || !isPlainObject(input) || hasNul(input)) return undefined
      this.checkLimits(input, [], issues)
      if (issues.length > 0) return undefined
      parsed.push(result)
    }
    return firstMissingRequired(name, inputs) ? undefined : parsed
  }

  private fullParse(name: InputName, inputs: readonly unknown[]): Record<string, unknown>[] {
    const schema: Schema = INPUTS[name]
    const issues: ValidationIssue[] = []
    const parsed: Record<string, unknown>[] = []
    inputs.forEach((input, index) => {
      if (typeof input !== "object" || input === null || Array.isArray(input)) {
        issues.push({ path: inputs.length > 1 ? [index] : [], message: "must be an object" })
        return
      }
      const nul = findNul(input)
      if (nul) issues.push({ path: [...(inputs.length > 1 ? [index] : []), ...nul], message: "must not contain NUL characters" })
      const result = schema.safeParse(input)
      if (!result.success) issues.push(...toIssues(result.error, inputs.length > 1 ? [index] : []))
      // An object schema's output is always a plain object; anything else is refused, so every index stays aligned.
      else if (isPlainObject(result.data)) parsed.push(result.data)
      else issues.push({ path: inputs.length > 1 ? [index] : [], message: "must be an object" })
      this.checkLimits(input, inputs.length > 1 ? [index] : [], issues)
    })
    // A missing required field is worded as @medusajs/cart words it; every issue stays in `issues`.
    const missing = firstMissingRequired(name, inputs)
    if (missing) {
      const all = issues.some((issue) => sameIssuePath(issue, missing.issue)) ? issues : [missing.issue, ...issues]
      throw InvalidDataError.required(missing.entity, missing.field, missing.found, all)
    }
    if (issues.length) throw InvalidDataError.fromIssues(issues, name.replace(/([A-Z])/g, " $1").toLowerCase())
    return parsed
  }

  private checkLimits(input: object, path: (string | number)[], issues: ValidationIssue[]): void {
    const max = this.limits.maxQuantity
    const quantity = "quantity" in input ? input.quantity : undefined
    if (max !== undefined && typeof quantity !== "undefined" && Number(quantity) > max) {
      issues.push({ path: [...path, "quantity"], message: `must be at most ${max}` })
    }
    // A new cart's nested items: the whole cart is in the input, so both limits are checked here.
    const nested = "items" in input ? input.items : undefined
    if (!Array.isArray(nested)) return
    const items: readonly unknown[] = nested
    const maxLines = this.limits.maxLinesPerCart
    if (maxLines !== undefined && items.length > maxLines) {
      issues.push({ path: [...path, "items"], message: `would have ${items.length} lines; the limit is ${maxLines}` })
    }
    items.forEach((item, index) => {
      if (typeof item === "object" && item !== null) this.checkLimits(item, [...path, "items", index], issues)
    })
  }

  /** Validates find options (`select`, `relations`, `take`, `skip`...). @throws InvalidDataError */
  findConfig(config: unknown): void {
    const result = schemas.findConfig.safeParse(config)
    if (!result.success) throw InvalidDataError.fromIssues(toIssues(result.error, ["config"]), "find options")
  }
}
