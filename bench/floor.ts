import { createRequire } from "node:module"
import { generateId, generateIds } from "../src/persistence/ids"
import type { BenchAddress, BenchItem, BenchTarget, BenchTaxLine } from "./bench-target"
import { FLOOR_READS } from "./floor-reads"

/**
 * The physical floor: each bench operation as the minimal SQL that writes or reads the same rows of
 * cartwright's schema through bare `pg`, one autocommit statement per call (the concurrency phase
 * reads, then writes; its locked twin is one transaction: lock, read, write). Writes bump the cart's version as cartwright does, in the same statement;
 * batches travel as arrays (`unnest`). Reads return the same rows as nested JSON, without totals.
 */

interface QueryResult {
  readonly rows: Record<string, unknown>[]
  readonly rowCount: number | null
}

interface PgQueryable {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>
}

/** A connection checked out of the pool, for the locked phase's transaction. */
interface PgPoolClient extends PgQueryable {
  release(destroy?: boolean): void
}

interface PgPool extends PgQueryable {
  connect(): Promise<PgPoolClient>
  end(): Promise<void>
  on(event: "error", listener: (err: Error) => void): unknown
}

// Untyped require: `pg` ships no types and @types/pg is not a dependency (bench-database.ts does the same).
const { Pool } = createRequire(__filename)("pg") as { Pool: new (config: { connectionString: string; max: number }) => PgPool }

// Ids as cartwright makes them: generating them is not the database's work, so it is not the floor's either.
const id = generateId
const ids = generateIds

// Bumps the cart's version (and takes its row lock) inside the write's own statement.
const BUMP = `UPDATE cart SET version = version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id`
const BUMP_BY_ITEM = `UPDATE cart SET version = version + 1, updated_at = now() WHERE id = (SELECT cart_id FROM cart_line_item WHERE id = $1) RETURNING id`
const RAW = (column: string) => `jsonb_build_object('value', ${column}::text, 'precision', 20)`

const INSERT_ITEMS = (cart: string) =>
  `INSERT INTO cart_line_item (id, cart_id, title, variant_id, quantity, unit_price, raw_unit_price)` +
  ` SELECT u.id, ${cart}, u.title, u.variant_id, u.quantity, u.price, ${RAW("u.price")}` +
  ` FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::numeric[]) AS u(id, title, variant_id, quantity, price)`

const CREATE_CART = `WITH c AS (INSERT INTO cart (id, currency_code, email, shipping_address_id) VALUES ($1, $7, $8, $9)),
a AS (INSERT INTO cart_address (id, cart_id, first_name, last_name, address_1, city, country_code, postal_code)
  SELECT $9, $1, $10, $11, $12, $13, $14, $15 WHERE $9::text IS NOT NULL)
${INSERT_ITEMS("$1")}`

const ADD_ITEMS = `WITH c AS (${BUMP}) ${INSERT_ITEMS("c.id")}`.replace(" FROM unnest(", " FROM c, unnest(")

const SET_TAX_LINES = (table: string, parent: string) => `WITH c AS (${BUMP}),
d AS (DELETE FROM ${table} WHERE cart_id = $1)
INSERT INTO ${table} (id, cart_id, ${parent}, code, rate) SELECT u.id, c.id, u.parent, u.code, u.rate
FROM c, unnest($2::text[], $3::text[], $4::text[], $5::numeric[]) AS u(id, parent, code, rate)`

const SET_ADJUSTMENTS = `WITH c AS (${BUMP}),
d AS (DELETE FROM cart_line_item_adjustment WHERE cart_id = $1)
INSERT INTO cart_line_item_adjustment (id, cart_id, item_id, code, amount, raw_amount)
SELECT u.id, c.id, u.item_id, u.code, u.amount, ${RAW("u.amount")}
FROM c, unnest($2::text[], $3::text[], $4::text[], $5::numeric[]) AS u(id, item_id, code, amount)`

const ADD_SHIPPING = `WITH c AS (${BUMP})
INSERT INTO cart_shipping_method (id, cart_id, name, amount, raw_amount, shipping_option_id)
SELECT $2, c.id, $3, $4::numeric, ${RAW("$4::numeric")}, $5 FROM c`

const UPDATE_QUANTITY = `WITH c AS (${BUMP_BY_ITEM})
UPDATE cart_line_item SET quantity = $2, updated_at = now() WHERE id = $1 AND cart_id IN (SELECT id FROM c)`

const UPDATE_QUANTITY_AT = UPDATE_QUANTITY.replace("RETURNING id", "AND version = $3 RETURNING id")

// READ COMMITTED takes a new snapshot per statement, so the read after this lock sees the last
// committed quantity. Read in the locking statement itself (a join), the item row would come from
// the snapshot taken before the wait, and increments would be lost.
const LOCK_CART = `SELECT id FROM cart WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`

const DELETE_ITEM = `WITH c AS (${BUMP_BY_ITEM}) DELETE FROM cart_line_item WHERE id = $1 AND cart_id IN (SELECT id FROM c)`

function itemColumns(items: readonly BenchItem[]): unknown[] {
  return [
    ids("cali", items.length),
    items.map((i) => i.title),
    items.map((i) => i.variant_id),
    items.map((i) => i.quantity),
    items.map((i) => i.unit_price),
  ]
}

function addressColumns(address: BenchAddress | undefined): unknown[] {
  if (!address) return [null, null, null, null, null, null, null]
  return [id("caaddr"), address.first_name, address.last_name, address.address_1, address.city, address.country_code, address.postal_code]
}

function taxColumns(prefix: string, lines: readonly BenchTaxLine[]): unknown[] {
  return [ids(prefix, lines.length), lines.map((l) => l.line_id), lines.map((l) => l.code), lines.map((l) => l.rate)]
}

/** The floor target on `url` (a database migrated with cartwright's migrations). */
export function floorTarget(url: string): BenchTarget {
  const pool = new Pool({ connectionString: url, max: 10 })
  pool.on("error", () => undefined)
  const run = (sql: string, params: readonly unknown[]) => pool.query(sql, params)
  const one = async (sql: string, params: readonly unknown[]) => (await run(sql, params)).rows[0]
  return {
    label: "floor",
    async createCart(input) {
      const cartId = id("cart")
      const items = itemColumns(input.items)
      await run(CREATE_CART, [cartId, ...items, input.currency_code, input.email ?? null, ...addressColumns(input.shipping_address)])
      return { id: cartId, itemIds: items[0] as string[] }
    },
    async addItems(cartId, items) {
      const columns = itemColumns(items)
      await run(ADD_ITEMS, [cartId, ...columns])
      return columns[0] as string[]
    },
    setItemTaxLines: (cartId, lines) => run(SET_TAX_LINES("cart_line_item_tax_line", "item_id"), [cartId, ...taxColumns("calitxl", lines)]),
    setItemAdjustments: (cartId, adjustments) =>
      run(SET_ADJUSTMENTS, [
        cartId,
        ids("caliadj", adjustments.length),
        adjustments.map((a) => a.item_id),
        adjustments.map((a) => a.code),
        adjustments.map((a) => a.amount),
      ]),
    async addShippingMethod(cartId, method) {
      const methodId = id("casm")
      await run(ADD_SHIPPING, [cartId, methodId, method.name, method.amount, method.shipping_option_id])
      return methodId
    },
    setShippingTaxLines: (cartId, lines) =>
      run(SET_TAX_LINES("cart_shipping_method_tax_line", "shipping_method_id"), [cartId, ...taxColumns("casmtxl", lines)]),
    updateQuantity: (itemId, quantity) => run(UPDATE_QUANTITY, [itemId, quantity]),
    retrieveWithTotals: (cartId) => one(FLOOR_READS.cart, [cartId]),
    listAndCount: (take, skip, withTotals) => run(withTotals ? FLOOR_READS.pageWithRelations : FLOOR_READS.page, [take, skip]),
    deleteItem: (itemId) => run(DELETE_ITEM, [itemId]),
    async itemIdsOf(cartId) {
      const { rows } = await run(`SELECT id FROM cart_line_item WHERE cart_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`, [
        cartId,
      ])
      return rows.map((row) => String(row.id))
    },
    retrieveBigWithTotals: (cartId) => one(FLOOR_READS.bigCart, [cartId]),
    retrieveBigSameRows: (cartId) => one(FLOOR_READS.bigCart, [cartId]),
    retrieveBigNarrow: (cartId) => one(FLOOR_READS.bigCartNarrow, [cartId]),
    async readVersioned(cartId, itemId) {
      const row = await one(
        `SELECT c.version, i.quantity FROM cart c JOIN cart_line_item i ON i.cart_id = c.id WHERE c.id = $1 AND i.id = $2`,
        [cartId, itemId],
      )
      return { version: Number(row!.version), quantity: Number(row!.quantity) }
    },
    async updateQuantityAt(itemId, quantity, expectedVersion) {
      return (await run(UPDATE_QUANTITY_AT, [itemId, quantity, expectedVersion])).rowCount === 1
    },
    async incrementUnderLock(cartId, itemId) {
      const client = await pool.connect()
      let broken = false
      try {
        await client.query("BEGIN")
        await client.query(LOCK_CART, [cartId])
        const [item] = (await client.query(`SELECT quantity FROM cart_line_item WHERE id = $1`, [itemId])).rows
        if (!item) throw new Error(`floor: no line item ${itemId}`)
        await client.query(UPDATE_QUANTITY, [itemId, Number(item.quantity) + 1])
        await client.query("COMMIT")
      } catch (error) {
        broken = await client.query("ROLLBACK").then(
          () => false,
          () => true,
        )
        throw error
      } finally {
        client.release(broken)
      }
    },
    maintain: (sql) => pool.query(sql),
    close: () => pool.end(),
  }
}
