import { requireData } from "../validation/arguments"
import type { InputName, Validator } from "../validation/validator"
import { toArray } from "./one-or-many"

/** A public input once validated: a plain object. */
export type Input = Record<string, unknown>

/**
 * Validates one input or a list (every element before anything is written) and returns what the validator
 * parsed, as a list: the values the write uses, so nothing the schemas did not check reaches the database.
 * @throws InvalidDataError
 */
export function checkedInputs(validator: Validator, name: InputName, data: unknown): Input[] {
  return validator.parse(name, toArray(data))
}

/**
 * {@link checkedInputs} for the one data object of `update*(id | selector, data)`: not an object is
 * `invalid_data` naming `data`; the outer `requireData` only restates that one input gives one result.
 * @throws InvalidDataError
 */
export function checkedInput(validator: Validator, name: InputName, data: unknown): Input {
  return requireData(validator.parse(name, [requireData(data)])[0])
}
