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
  // "" for a table with no rows: its CTE is left out.
  const addressInsert = rows.addresses.length ? insertArraysSql(MODELS.Address, rows.addresses, bindings) : ""
  const itemInsert = rows.items.length ? insertArraysSql(MODELS.LineItem, rows.items, bindings) : ""
  const cartInsert = insertArraysSql(MODELS.Cart, rows.carts, bindings)
  const result = await preparedQuery<Record<string, unknown>>(db, statementOf(addressInsert, itemInsert, cartInsert), bindings)
  const first = result[0]
  const inserted: InsertedCarts = {
    carts: [],
    addresses: jsonRows(first?.__addresses).map((row) => mapRow(MODELS.Address, row)),
    items: jsonRows(first?.__items).map((row) => mapRow(MODELS.LineItem, row)),
  }
  for (const row of result) inserted.carts.push(mapRow(MODELS.Cart, row, CHILD_COLUMNS))
  return inserted
}

function jsonRows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : []
}

/**
 * Statement texts by their three inserts, bounded. The insert texts come from insertArraysSql's cache (the
 * same string objects call after call), so these lookups hash nothing new, and the statement, the same
 * string object too, is not hashed again when it is prepared: building and hashing it anew was a tenth of a
 * create's CPU. Past the bound texts are built per call.
 */
const STATEMENTS = new Map<string, Map<string, Map<string, string>>>()
const MAX_STATEMENTS = 256
let statementCount = 0

function statementOf(addressInsert: string, itemInsert: string, cartInsert: string): string {
  let byItems = STATEMENTS.get(addressInsert)
  let byCarts = byItems?.get(itemInsert)
  let sql = byCarts?.get(cartInsert)
  if (sql !== undefined) return sql
  sql = buildStatement(addressInsert, itemInsert, cartInsert)
  if (statementCount < MAX_STATEMENTS) {
    if (byItems === undefined) STATEMENTS.set(addressInsert, (byItems = new Map()))
    if (byCarts === undefined) byItems.set(itemInsert, (byCarts = new Map()))
    byCarts.set(cartInsert, sql)
    statementCount++
  }
  return sql
}

function buildStatement(addressInsert: string, itemInsert: string, cartInsert: string): string {
  const ctes: string[] = []
  if (addressInsert) ctes.push(`a AS (${addressInsert} RETURNING *)`)
  if (itemInsert) ctes.push(`i AS (${itemInsert} RETURNING *)`)
  ctes.push(`c AS (${cartInsert} RETURNING *)`)
  const addresses = addressInsert ? `(SELECT json_agg(a) FROM a)` : "NULL::json"
  const items = itemInsert ? `(SELECT json_agg(i ORDER BY i.created_at, i.id) FROM i)` : "NULL::json"
  return `WITH ${ctes.join(", ")} SELECT c.*, ${addresses} AS "__addresses", ${items} AS "__items" FROM c ORDER BY c.created_at, c.id`
}
