/**
 * Type test: the validator is keyed by a typed union of input names, so a name without a schema (a typo, a
 * template string that names no input) is a compile error rather than a silently skipped check.
 */
import type { InputName, Validator } from "../../src/validation/validator"

declare const validator: Validator

export function checks(): void {
  validator.parse("createLineItem", [])
  // @ts-expect-error: no input is called "createLineitem"
  validator.parse("createLineitem", [])
}

/** Every child's create and update inputs have a schema. */
export type ChildInputs = `${"create" | "update"}${"LineItem" | "ShippingMethod" | "CreditLine" | "LineItemTaxLine"}` extends InputName
  ? true
  : never
export const childInputsCovered: ChildInputs = true
