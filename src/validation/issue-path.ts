/**
 * A zod issue's path as our validation issues carry it. Zod allows symbol keys; no input of ours has
 * one, but if it did it would be named by its description rather than dropped.
 */
export function issuePath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((key) => (typeof key === "symbol" ? String(key) : key))
}
