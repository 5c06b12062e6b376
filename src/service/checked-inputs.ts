import { requireData } from "../validation/arguments"
import type { InputName, Validator } from "../validation/validator"
import { toArray } from "./one-or-many"

/** A public input once validated: a plain object. */
export type Input = Record<string, unknown>

/**
 * Validates one input or a list (every element before anything is written) and returns them as a list of
 * objects. The validator refuses anything but an object, so the `requireData` after it never throws:
 * it only lets the type say what the check already made true. @throws InvalidDataError
 */
export function checkedInputs(validator: Validator, name: InputName, data: unknown): Input[] {
  const inputs = toArray(data)
  validator.check(name, inputs)
  return inputs.map((input) => requireData(input))
}
