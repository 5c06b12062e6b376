/** Bounds on caller JSON (`metadata`, `data`, option values): nesting depth and total size. */
export const JSON_BOUNDS = { maxDepth: 32, maxNodes: 10_000, maxStringLength: 65_536 } as const

/**
 * Checks a JSON value against {@link JSON_BOUNDS} without recursion (a value nested 10,000 deep
 * must yield a typed error, not a `RangeError` from the stack), and refuses NUL characters, which
 * PostgreSQL cannot store. Returns the problem, or undefined when the value is fine.
 */
export function checkJsonBounds(value: unknown): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  let nodes = 0
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (++nodes > JSON_BOUNDS.maxNodes) return `must have at most ${JSON_BOUNDS.maxNodes} values`
    if (typeof next.value === "string") {
      const problem = checkString(next.value)
      if (problem) return problem
      continue
    }
    if (typeof next.value !== "object" || next.value === null) continue
    if (next.depth >= JSON_BOUNDS.maxDepth) return `must be nested at most ${JSON_BOUNDS.maxDepth} levels deep`
    for (const [key, child] of Object.entries(next.value)) {
      const problem = checkString(key)
      if (problem) return problem
      pending.push({ value: child, depth: next.depth + 1 })
    }
  }
  return undefined
}

/**
 * The path to the first string (value or key) holding a NUL character, anywhere in `input`, or
 * undefined. Iterative and depth-capped: deeper values are left to {@link checkJsonBounds}.
 */
export function findNul(input: unknown): (string | number)[] | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === "string") {
      if (next.value.includes("\u0000")) return next.path
      continue
    }
    if (typeof next.value !== "object" || next.value === null || next.path.length > JSON_BOUNDS.maxDepth + 4) continue
    for (const [key, child] of Object.entries(next.value)) {
      const path = [...next.path, Array.isArray(next.value) ? Number(key) : key]
      if (key.includes("\u0000")) return path
      pending.push({ value: child, path })
    }
  }
  return undefined
}

/**
 * Whether {@link findNul} would find a NUL in `input`: the same walk to the same depth, without the paths it
 * builds for each value (on a valid input, which has none, they were most of its cost). Recursive: the
 * depth is capped as findNul caps it, so the stack stays shallow.
 */
export function hasNul(input: unknown, depth = 0): boolean {
  if (typeof input === "string") return input.includes("\u0000")
  if (typeof input !== "object" || input === null || depth > JSON_BOUNDS.maxDepth + 4) return false
  // Object.keys: the own enumerable keys Object.entries walks, without a pair per key.
  const record = input as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (key.includes("\u0000") || hasNul(record[key], depth + 1)) return true
  }
  return false
}

/** A string PostgreSQL can store and that fits the bounds. */
export function checkString(value: string): string | undefined {
  if (value.includes("\u0000")) return "must not contain NUL characters"
  if (value.length > JSON_BOUNDS.maxStringLength) return `must be at most ${JSON_BOUNDS.maxStringLength} characters`
  return undefined
}
