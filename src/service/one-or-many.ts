/** Wraps a single input in an array; arrays pass through. */
export function toArray(input: unknown): readonly unknown[] {
  return Array.isArray(input) ? input : [input]
}

/** Returns the first element when the caller passed one item, the whole list when it passed a list. */
export function sameShape<T>(input: unknown, results: T[]): T | T[] {
  return Array.isArray(input) ? results : results[0]!
}

/** Returns the one row when the caller named one id (`(id, data)`), else the whole list. */
export function oneForAnId<T>(first: unknown, rows: T[]): T | T[] {
  return typeof first === "string" ? rows[0]! : rows
}

/** What `add*` of tax lines and shipping method adjustments returns: the one row for one plain object, else the list. */
export function asAdded<T>(first: unknown, rows: T[]): T | T[] {
  return typeof first === "string" ? rows : sameShape(first, rows)
}
