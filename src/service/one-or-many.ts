/** Wraps a single input in an array; arrays pass through. */
export function toArray<T>(input: T | readonly T[]): readonly T[] {
  return Array.isArray(input) ? (input as readonly T[]) : [input as T]
}

/** Returns the first element when the caller passed one item, the whole list when it passed a list. */
export function sameShape<T>(input: unknown, results: T[]): T | T[] {
  return Array.isArray(input) ? results : results[0]!
}
