import type { z } from "zod"

/**
 * A quick check beside a zod schema, for the hot write path: zod's parse of an ordinary line item cost more
 * than the rest of our code on that call. A quick parser either returns exactly what the schema's parse
 * returns (same values, same keys in the same order) or {@link REFUSED}; it never refuses for good, so
 * every refused input is parsed again by zod, which alone words the issues. Being stricter than the schema
 * is therefore always safe; accepting a value the schema refuses would not be, and the property tests in
 * `__tests__/unit/validation/quick-parse.test.ts` hold each test to that.
 */

/** What a quick parser returns when it cannot vouch for a value (zod decides instead). */
export const REFUSED: unique symbol = Symbol("refused")

/** A value's quick parse: the schema's output, or {@link REFUSED}. */
export type QuickParser = (value: unknown) => unknown

/** Accepts only values the schema it is registered for accepts, and that schema returns them unchanged. */
export type QuickTest = (value: unknown) => boolean

const TESTS = new WeakMap<z.ZodType, QuickTest>()

/**
 * Registers `test` as the quick check of `schema` (a leaf: a string, a number, a custom amount...) and
 * returns `schema`. Schemas built from it (`.optional()`, `.nullable()`, objects, arrays) find it through
 * their structure; a schema derived otherwise (`.refine()` after this call) has no quick check.
 */
export function withQuickTest<S extends z.ZodType>(schema: S, test: QuickTest): S {
  TESTS.set(schema, test)
  return schema
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

interface QuickField {
  readonly key: string
  readonly parse: QuickParser
  /** Whether zod lets the key be absent (an `.optional()`, possibly under `.nullable()`). */
  readonly optional: boolean
}

function optionalIn(schema: z.ZodType): boolean {
  const def = schema.def
  if (def.type === "optional") return true
  return def.type === "nullable" && "innerType" in def ? optionalIn(def.innerType as z.ZodType) : false
}

function objectParser(schema: z.ZodObject): QuickParser | undefined {
  // A catch-all (passthrough, strict) changes what happens to unknown keys: left to zod.
  if (schema.def.catchall !== undefined) return undefined
  const fields: QuickField[] = []
  for (const [key, field] of Object.entries(schema.shape)) {
    const parse = key === "__proto__" ? undefined : quickParserOf(field)
    if (!parse) return undefined
    fields.push({ key, parse, optional: optionalIn(field) })
  }
  return (value) => {
    if (!isPlainRecord(value)) return REFUSED
    // Keys in the schema's order, present ones only, read as zod reads them (`in`, then the value).
    const out: Record<string, unknown> = {}
    for (const field of fields) {
      if (!(field.key in value)) {
        if (field.optional) continue
        return REFUSED
      }
      const parsed = field.parse(value[field.key])
      if (parsed === REFUSED) return REFUSED
      out[field.key] = parsed
    }
    return out
  }
}

function arrayParser(element: QuickParser): QuickParser {
  return (value) => {
    if (!Array.isArray(value)) return REFUSED
    const items: readonly unknown[] = value
    const out: unknown[] = []
    for (const item of items) {
      const parsed = element(item)
      if (parsed === REFUSED) return REFUSED
      out.push(parsed)
    }
    return out
  }
}

function wrapperParser(type: string, inner: QuickParser): QuickParser | undefined {
  switch (type) {
    case "optional":
      return (value) => (value === undefined ? undefined : inner(value))
    case "nullable":
      return (value) => (value === null ? null : inner(value))
    case "nonoptional":
      return (value) => (value === undefined ? REFUSED : inner(value))
    default:
      return undefined
  }
}

function compile(schema: z.ZodType): QuickParser | undefined {
  const test = TESTS.get(schema)
  if (test) return (value) => (test(value) ? value : REFUSED)
  const def = schema.def
  // Checks on a structural schema (an array's length, a refined object) are not modelled: zod decides.
  if ("checks" in def && Array.isArray(def.checks) && def.checks.length > 0) return undefined
  if (def.type === "object") return objectParser(schema as z.ZodObject)
  if (def.type === "array" && "element" in def) {
    const element = quickParserOf(def.element as z.ZodType)
    return element && arrayParser(element)
  }
  if ("innerType" in def) {
    const inner = quickParserOf(def.innerType as z.ZodType)
    return inner && wrapperParser(def.type, inner)
  }
  return undefined
}

const PARSERS = new WeakMap<z.ZodType, QuickParser | null>()

/**
 * The quick parser of `schema`, built once from its structure and the tests registered on its leaves, or
 * undefined when some part of it has no quick check (then zod parses every value).
 */
export function quickParserOf(schema: z.ZodType): QuickParser | undefined {
  let parser = PARSERS.get(schema)
  if (parser === undefined) {
    parser = compile(schema) ?? null
    PARSERS.set(schema, parser)
  }
  return parser ?? undefined
}
