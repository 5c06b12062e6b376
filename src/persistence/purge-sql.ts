import type { Db } from "./db"
import { query } from "./db"

/** Which carts a purge takes: live, inactive since before `cutoff`, and completed ones only when asked. */
export interface PurgeSelection {
  /** The cutoff as PostgreSQL printed it, passed back as is (a JS Date would drop its microseconds). */
  readonly cutoff: string
  readonly includeCompleted: boolean
}

function candidates(selection: PurgeSelection): { sql: string; bindings: unknown[] } {
  // The partial index on last_active_at (WHERE deleted_at IS NULL) serves this condition and the order.
  const completed = selection.includeCompleted ? "" : " AND completed_at IS NULL"
  return { sql: `deleted_at IS NULL AND last_active_at < ?::timestamptz${completed}`, bindings: [selection.cutoff] }
}

/**
 * The purge's fixed cutoff, from the database clock (not the host's, which may be skewed against
 * the timestamps the trigger wrote).
 */
export async function purgeCutoff(db: Db, inactiveForMs: number): Promise<{ text: string; date: Date }> {
  const [row] = await query<{ text: string; epoch_ms: string }>(
    db,
    "SELECT c::text AS text, floor(extract(epoch FROM c) * 1000)::text AS epoch_ms FROM (SELECT now() - (?::bigint * interval '1 millisecond') AS c) t",
    [inactiveForMs],
  )
  return { text: row!.text, date: new Date(Number(row!.epoch_ms)) }
}

/** How many carts a purge would take now (a dry run; locks nothing). */
export async function countPurgeCandidates(db: Db, selection: PurgeSelection): Promise<number> {
  const where = candidates(selection)
  const [row] = await query<{ count: string }>(db, `SELECT count(*) AS count FROM cart WHERE ${where.sql}`, where.bindings)
  return Number(row!.count)
}

/**
 * Locks up to `limit` candidate carts for this transaction and returns their ids. `SKIP LOCKED`:
 * a cart some writer holds is active, so it is passed over instead of waited for. A cart a writer
 * changed after this statement's snapshot is re-checked against the condition once locked
 * (PostgreSQL's re-evaluation under READ COMMITTED), and its fresh `last_active_at` leaves it out.
 */
export async function lockPurgeBatch(db: Db, selection: PurgeSelection, limit: number): Promise<string[]> {
  const where = candidates(selection)
  const rows = await query<{ id: string }>(
    db,
    `SELECT id FROM cart WHERE ${where.sql} ORDER BY last_active_at LIMIT ? FOR UPDATE SKIP LOCKED`,
    [...where.bindings, limit],
  )
  return rows.map((row) => row.id)
}

/**
 * Hard-deletes up to `limit` candidate carts in ONE statement: the selection locks them (skipping
 * locked ones, as {@link lockPurgeBatch}) and the foreign keys' `ON DELETE CASCADE` removes every
 * child row in the same statement. Returns the deleted ids.
 */
export async function deletePurgeBatch(db: Db, selection: PurgeSelection, limit: number): Promise<string[]> {
  const where = candidates(selection)
  const rows = await query<{ id: string }>(
    db,
    `DELETE FROM cart WHERE id IN (SELECT id FROM cart WHERE ${where.sql} ORDER BY last_active_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id`,
    [...where.bindings, limit],
  )
  return rows.map((row) => row.id)
}
