// A leaf of util/ rather than in flows/ or medusa-ports/: both copy DTO fields into what they hand on (a
// line into another cart, a cart into Medusa's order), and neither may import the other.

/** The fields of `T` named `K` that {@link pickDefined} kept: each optional, without `undefined` (and `null` when dropped). */
export type PickedFields<T, K extends keyof T, Dropped = undefined> = { [P in K]?: Exclude<T[P], Dropped> }

/**
 * The fields `keys` of `source` that hold a value: an absent or `undefined` field stays out of the copy
 * (a field a read's `select` left out is not written as `undefined`), and with `{ nulls: "drop" }` a
 * `null` one too (for inputs that take optional fields, not nulls, as Medusa's order inputs do).
 */
export function pickDefined<T extends object, K extends keyof T>(source: T, keys: readonly K[]): PickedFields<T, K>
export function pickDefined<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
  options: { readonly nulls: "drop" },
): PickedFields<T, K, null | undefined>
export function pickDefined<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
  options?: { readonly nulls: "drop" },
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {}
  for (const key of keys) {
    const value = source[key]
    if (value === undefined || (value === null && options?.nulls === "drop")) continue
    picked[key] = value
  }
  return picked
}
