import { createRequire } from "node:module"
import { join } from "node:path"
import type { BigNumberClass } from "../money/big-number-class"

// Medusa's code checks `value instanceof BigNumber` against the class of `@medusajs/framework/utils`
// (utils 2.21 `MathBN.convert`, `transformPropertiesToBigNumber`; `createRawPropertiesFromBigNumber` looks for
// its `raw_`/`numeric_` fields): a look-alike fails those checks and is walked into as a plain object. So inside
// a Medusa app totals must be that very class, loaded from the app's own copy (the one its module cache already
// holds), never bundled or depended on by cartwright.
const SPECIFIER = "@medusajs/framework/utils"

function isClass(value: unknown): value is BigNumberClass {
  return typeof value === "function"
}

function bigNumberOf(utils: unknown): BigNumberClass | undefined {
  if (typeof utils !== "object" || utils === null || !("BigNumber" in utils)) return undefined
  return isClass(utils.BigNumber) ? utils.BigNumber : undefined
}

function loadFromHost(): unknown {
  try {
    // CommonJS build: this module's own `require`, which resolves from node_modules/cartwright up to the app's
    // copy and shares the app's module cache (and a test runner's registry, which createRequire would bypass).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the host's copy, resolved at run time
    return require(SPECIFIER)
  } catch {
    // ES module build (no `require`) or an unusual layout: resolve from the app's root, where Medusa runs.
    try {
      return createRequire(join(process.cwd(), "package.json"))(SPECIFIER)
    } catch {
      return undefined
    }
  }
}

let cached: BigNumberClass | null | undefined

/**
 * The host app's `BigNumber` class from `@medusajs/framework/utils`, or `undefined` when the app has none
 * (cartwright's own class is used then). Resolved once per process.
 */
export function hostBigNumberClass(): BigNumberClass | undefined {
  if (cached === undefined) cached = bigNumberOf(loadFromHost()) ?? null
  return cached ?? undefined
}
