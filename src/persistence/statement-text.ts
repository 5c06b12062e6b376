import { createHash } from "node:crypto"

/**
 * What is worked out once per statement text: its `?` placeholders as PostgreSQL's `$1, $2...` (the same
 * rule as knex's: `\\?` stays a `?`) and, once {@link preparedQuery} asks, its prepared statement's name.
 */
export interface StatementText {
  readonly positional: string
  /** Undefined until asked for; null when the text runs unprepared (past {@link MAX_PREPARED}). */
  name?: string | null
}

/**
 * How many distinct statements are prepared (per process, so at most this many per connection);
 * past it statements run unprepared. Read and write shapes are few (one per select/relations set,
 * one per write kind and batch size), so the cap is only a guard against a host's open-ended filters.
 */
const MAX_PREPARED = 256

/**
 * Statement texts by SQL, bounded: past the bound a new text is worked out on every call and runs
 * unprepared. Entries are never evicted, so a text keeps its prepared name for the life of the process.
 */
const TEXTS = new Map<string, StatementText>()
const MAX_TEXTS = MAX_PREPARED * 4
let preparedCount = 0

/** The worked-out form of `sql` (a `?`-placeholder text), cached per text up to {@link MAX_TEXTS}. */
export function statementText(sql: string): StatementText {
  let text = TEXTS.get(sql)
  if (text === undefined) {
    let index = 0
    text = { positional: sql.replace(/(\\*)(\?)/g, (_match: string, escapes: string) => (escapes.length % 2 ? "?" : `$${++index}`)) }
    if (TEXTS.size < MAX_TEXTS) TEXTS.set(sql, text)
    else text.name = null
  }
  return text
}

/** The prepared statement's name of `sql` (a hash of the text, so one name never stands for two texts). */
export function preparedName(sql: string, text: StatementText): string | undefined {
  if (text.name === undefined) {
    text.name = preparedCount < MAX_PREPARED ? `cartwright_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}` : null
    if (text.name !== null) preparedCount++
  }
  return text.name ?? undefined
}
