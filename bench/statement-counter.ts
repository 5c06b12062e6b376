import { createRequire } from "node:module"

/** What one measured block returned and the SQL statements it sent to PostgreSQL. */
export interface CountedStatements<T> {
  readonly result: T
  /** Statements sent while the block ran, BEGIN/COMMIT/ROLLBACK included. */
  readonly count: number
  /** Their SQL text, in the order they were sent. */
  readonly statements: readonly string[]
}

/** The one method of `pg`'s Client that every statement goes through (`pg` ships no types of its own). */
interface PgClientPrototype {
  query(this: unknown, ...args: unknown[]): unknown
}

// Resolved from this file like knex and @mikro-orm/postgresql resolve it (one hoisted copy in
// node_modules), so the prototype patched here is the one the module's pool uses; the
// integration test checks that assumption instead of trusting it.
const pg = createRequire(__filename)("pg") as { Client: { prototype: PgClientPrototype } }

const WRAPPED = Symbol.for("cartwright.statementCounter")

interface Recorder {
  statements: string[]
}

// One block at a time: statements are attributed to whichever block is open, so concurrent
// blocks would mix their counts. Nested or overlapping blocks are refused rather than misreported.
let active: Recorder | undefined

function sqlOf(arg: unknown): string {
  if (typeof arg === "string") return arg
  if (arg && typeof arg === "object" && typeof (arg as { text?: unknown }).text === "string") {
    return (arg as { text: string }).text
  }
  return String(arg)
}

/**
 * Patches a `pg` module's Client.prototype.query once per process (later calls are no-ops); by
 * default the `pg` cartwright uses, or another copy (Medusa's, under integrations/medusa).
 */
export function installStatementCounter(pgModule: { Client: { prototype: PgClientPrototype } } = pg): void {
  const proto = pgModule.Client.prototype as PgClientPrototype & { [WRAPPED]?: true }
  if (proto[WRAPPED]) return
  const original = proto.query
  proto.query = function countedQuery(this: unknown, ...args: unknown[]): unknown {
    active?.statements.push(sqlOf(args[0]))
    return original.apply(this, args)
  }
  proto[WRAPPED] = true
}

/** True when the `pg` this module patches is the `pg` that `@mikro-orm/postgresql`'s knex loads. */
export function isSamePgAsKnex(): boolean {
  const knexPath = createRequire(require.resolve("@mikro-orm/postgresql")).resolve("knex")
  const pgOfKnex = createRequire(knexPath)("pg") as { Client: { prototype: unknown } }
  return pgOfKnex.Client.prototype === pg.Client.prototype
}

/**
 * Runs `block` and counts the SQL statements sent to PostgreSQL meanwhile, at the driver.
 *
 * @example
 * const { result, count } = await countStatements(() => service.retrieveCart(id))
 * @throws Error when another block is being counted (counts would mix).
 */
export async function countStatements<T>(block: () => Promise<T>): Promise<CountedStatements<T>> {
  installStatementCounter()
  if (active) throw new Error("countStatements: another block is already being counted")
  const recorder: Recorder = { statements: [] }
  active = recorder
  try {
    const result = await block()
    return { result, count: recorder.statements.length, statements: recorder.statements }
  } finally {
    active = undefined
  }
}

/** Starts counting statements until the returned `stop()`; for loops whose statements are summed (one block at a time). */
export function startCounting(): { stop(): readonly string[] } {
  installStatementCounter()
  if (active) throw new Error("startCounting: another block is already being counted")
  const recorder: Recorder = { statements: [] }
  active = recorder
  return {
    stop() {
      if (active === recorder) active = undefined
      return recorder.statements
    },
  }
}
