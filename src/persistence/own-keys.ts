/**
 * True when `key` is an own property of `record`. Lookups keyed by caller text (filter, select,
 * order and relation names) must use this: `columns["constructor"]` or `columns["__proto__"]` would
 * otherwise find Object.prototype's members and let a name that is no column reach the SQL builder.
 */
export function hasOwn<T extends object>(record: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(record, key)
}
