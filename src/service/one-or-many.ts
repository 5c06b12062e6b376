/** Wraps a single input in an array; arrays pass through. */
export function toArray<T>(input: T | readonly T[]): readonly T[] {
  return Array.isArray(input) ? (input as readonly T[]) : [input as T]
}

/** Returns the first element when the caller passed one item, the whole list when it passed a list. */
export function sameShape<T>(input: unknown, results: T[]): T | T[] {
  return Array.isArray(input) ? results : results[0]!
}

/** Returns the one row when the caller named one id (`(id, data)`), else the whole list. */
export function oneForAnId<T>(first: unknown, rows: T[]): T | T[] {
  return typeof first === "string" ? rows[0]! : rows
}
