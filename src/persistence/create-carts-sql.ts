import { MODELS } from "../../models"
import { preparedQuery } from "./db"
import type { Db } from "./db"
import { isRecord } from "./is-record"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"
import { insertArraysSql } from "./insert-arrays"

/** The rows of new carts, their addresses and their items, column-shaped, ids set. */
export interface NewCartRows {
  readonly carts: readonly Record<string, unknown>[]
  readonly addresses: readonly Record<string, unknown>[]
  readonly items: readonly Record<string, unknown>[]
}

/** What the inserts returned, as DTOs, carts and items in input order. */
export interface InsertedCarts {
  readonly carts: Dto[]
  readonly addresses: Dto[]
  readonly items: Dto[]
}

// The json columns the statement adds to each cart row; read apart, never part of the cart.
const CHILD_COLUMNS: ReadonlySet<string> = new Set(["__addresses", "__items"])

/**
 * Inserts new carts with their addresses and items in ONE statement (three INSERT CTEs), outside
 * any transaction: a new cart has nothing to lock, and one statement is atomic. The cart→address
 * keys are deferred, and checked as the statement ends. Addresses and items come back as json
 * (one row per cart). Each table's rows travel as one array per column, so the statement has as many
 * parameters as the three tables have columns whatever the batch size, and one text per shape.
 */
export async function insertCartsInOneStatement(db: Db, rows: NewCartRows): Promise<InsertedCarts> {
  const bindings: unknown[] = []
  const ctes: string[] = []
  if (rows.addresses.length) ctes.push(`a AS (${insertArraysSql(MODELS.Address, rows.addresses, bindings)} RETURNING *)`)
  if (rows.items.length) ctes.push(`i AS (${insertArraysSql(MODELS.LineItem, rows.items, bindings)} RETURNING *)`)
  ctes.push(`c AS (${insertArraysSql(MODELS.Cart, rows.carts, bindings)} RETURNING *)`)
  const addresses = rows.addresses.length ? `(SELECT json_agg(a) FROM a)` : "NULL::json"
  const items = rows.items.length ? `(SELECT json_agg(i ORDER BY i.created_at, i.id) FROM i)` : "NULL::json"
  const sql = `WITH ${ctes.join(", ")} SELECT c.*, ${addresses} AS "__addresses", ${items} AS "__items" FROM c ORDER BY c.created_at, c.id`
  const result = await preparedQuery<Record<string, unknown>>(db, sql, bindings)
  const first = result[0]
  const jsonRows = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : [])
  const inserted: InsertedCarts = {
    carts: [],
    addresses: jsonRows(first?.__addresses).map((row) => mapRow(MODELS.Address, row)),
    items: jsonRows(first?.__items).map((row) => mapRow(MODELS.LineItem, row)),
  }
  for (const row of result) inserted.carts.push(mapRow(MODELS.Cart, row, CHILD_COLUMNS))
  return inserted
}
