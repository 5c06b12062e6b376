import { InvalidDataError } from "../errors/errors"

/**
 * Checks on the shape of public arguments, made before anything runs: a selector, id list or
 * config of the wrong type must never widen into "every row" (`updateCarts(undefined, …)` once
 * rewrote every cart), so each is refused with `invalid_data` naming the argument.
 */

function describe(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  return typeof value === "object" ? "an object" : `a ${typeof value}`
}

/** True for `{ … }` (not null, not an array, not a Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** One id: a non-empty string. @throws InvalidDataError */
export function requireId(value: unknown, what: string): string {
  if (typeof value === "string" && value.length > 0) return value
  throw InvalidDataError.because(`${what} must be a non-empty string, not ${describe(value)}`, [what])
}

/** An id or a list of ids (possibly empty), each a non-empty string. @throws InvalidDataError */
export function requireIds(value: unknown, what = "ids"): string[] {
  if (typeof value === "string") return [requireId(value, what)]
  if (!Array.isArray(value)) throw InvalidDataError.because(`${what} must be an id or a list of ids, not ${describe(value)}`, [what])
  const ids: readonly unknown[] = value
  return ids.map((id, index) => {
    if (typeof id === "string" && id.length > 0) return id
    throw InvalidDataError.because(`${what}[${index}] must be a non-empty string, not ${describe(id)}`, [what, index])
  })
}

/** Read filters: absent (every row, as Medusa) or an object. @throws InvalidDataError */
export function optionalFilters(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined
  if (isPlainObject(value)) return value
  throw InvalidDataError.because(`filters must be an object, not ${describe(value)}`, ["filters"])
}

/**
 * A write selector: an object whose keys all have values. `{ id: undefined }` is refused rather
 * than read as "no condition", which would select every row.
 * @throws InvalidDataError
 */
export function requireSelector(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw InvalidDataError.because(`selector must be an object, not ${describe(value)}`, ["selector"])
  const pending: { filters: Record<string, unknown>; path: (string | number)[] }[] = [{ filters: value, path: ["selector"] }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const [key, entry] of Object.entries(next.filters)) {
      if (entry === undefined) throw InvalidDataError.because(`${[...next.path, key].join(".")} is undefined`, [...next.path, key])
      if ((key === "$and" || key === "$or") && Array.isArray(entry)) {
        entry.forEach((sub, index) => {
          if (!isPlainObject(sub))
            throw InvalidDataError.because(`${[...next.path, key, index].join(".")} must be an object`, [...next.path, key, index])
          pending.push({ filters: sub, path: [...next.path, key, index] })
        })
      }
    }
  }
  return value
}

/** Update data: an object. @throws InvalidDataError */
export function requireData(value: unknown, what = "data"): Record<string, unknown> {
  if (isPlainObject(value)) return value
  throw InvalidDataError.because(`${what} must be an object, not ${describe(value)}`, [what])
}
