import { withPgClient } from "./test-database"

/**
 * Resolves once at least `count` sessions on the database at `url` are blocked waiting for a lock.
 * Races are reproduced by holding a cart lock in one transaction, starting a second call, and
 * waiting here until it is really queued behind the first before letting the first commit.
 */
export async function waitForLockWaiters(url: string, count = 1): Promise<void> {
  await withPgClient(url, async (client) => {
    for (let attempt = 0; attempt < 2000; attempt++) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      )
      if (rows[0]!.n >= count) return
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error(`no ${count} lock waiter(s) appeared`)
  })
}
