import { CartCheckout, MODELS } from "../../../models"
import { MIGRATIONS } from "../../../migrations"
import { createCartModule } from "../../../src/module/create-cart-module"
import type { CartModule } from "../../../src/module/create-cart-module"
import { createTestDatabase, withPgClient } from "../../support/test-database"
import type { TestDatabase } from "../../support/test-database"

const CART_TABLES = [
  "cart",
  "cart_address",
  "cart_checkout",
  "cart_line_item",
  "cart_line_item_adjustment",
  "cart_line_item_tax_line",
  "cart_shipping_method",
  "cart_shipping_method_adjustment",
  "cart_shipping_method_tax_line",
  "credit_line",
]
const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name)

let database: TestDatabase
let cartModule: CartModule

// Each test gets an empty database: migrations are about state transitions, so no test may inherit another's.
beforeEach(async () => {
  database = await createTestDatabase()
  cartModule = await createCartModule({ database: { clientUrl: database.url } })
})
afterEach(async () => {
  await cartModule.close()
  await database.drop()
})

async function cartTables(): Promise<string[]> {
  const { rows } = await withPgClient(database.url, (client) =>
    client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'cartwright_migrations' order by table_name",
    ),
  )
  return rows.map((row) => row.table_name)
}

describe("migrate (up)", () => {
  it("creates the nine cart tables and the checkout state table on a fresh database and reports what it applied", async () => {
    expect(await cartTables()).toEqual([])
    expect(await cartModule.migrate()).toEqual(MIGRATION_NAMES)
    expect(await cartTables()).toEqual(CART_TABLES)
    expect(CART_TABLES).toEqual([...Object.values(MODELS), CartCheckout].map((model) => model.table).sort())
  })

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    await cartModule.migrate()
    expect(await cartModule.migrate()).toEqual([])
    expect(await cartTables()).toEqual(CART_TABLES)
    expect(await cartModule.migrationStatus()).toEqual({ executed: MIGRATION_NAMES, pending: [] })
  })
})

describe("migrateDown", () => {
  it("round-trips: down drops the tables, up creates them again", async () => {
    await cartModule.migrate()
    expect(await cartModule.migrateDown({ all: true })).toEqual([...MIGRATION_NAMES].reverse())
    expect(await cartTables()).toEqual([])
    expect(await cartModule.migrationStatus()).toEqual({ executed: [], pending: MIGRATION_NAMES })
    expect(await cartModule.migrate()).toEqual(MIGRATION_NAMES)
    expect(await cartTables()).toEqual(CART_TABLES)
  })

  it("reverts nothing on a database with no applied migration", async () => {
    expect(await cartModule.migrateDown()).toEqual([])
  })
})

describe("schema after migrations", () => {
  it("matches the models: the schema generator finds nothing to change", async () => {
    await cartModule.migrate()
    const diff = await cartModule.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })
    expect(diff.trim()).toBe("")
  })

  it("would notice drift: a column dropped behind the module's back shows up in the diff", async () => {
    await cartModule.migrate()
    await withPgClient(database.url, (client) => client.query('alter table cart_line_item drop column "variant_sku"'))
    const diff = await cartModule.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })
    expect(diff).toMatch(/alter table "cart_line_item" add column "variant_sku" text null/)
  })

  it("has every CHECK constraint the models declare", async () => {
    await cartModule.migrate()
    const { rows } = await withPgClient(database.url, (client) =>
      client.query<{ conname: string }>("select conname from pg_constraint where contype = 'c' order by conname"),
    )
    const declared = Object.values(MODELS).flatMap((model) => model.checks.map((check) => check.name))
    expect(declared.length).toBeGreaterThan(0)
    expect(rows.map((row) => row.conname)).toEqual(expect.arrayContaining(declared))
  })

  it("rejects a negative quantity written with raw SQL, past the module's validation", async () => {
    await cartModule.migrate()
    const error = await withPgClient(database.url, async (client) => {
      await client.query("insert into cart (id, currency_code) values ('cart_raw', 'usd')")
      return client
        .query(
          "insert into cart_line_item (id, cart_id, title, quantity, unit_price, raw_unit_price) values ('cali_raw', 'cart_raw', 'Tee', -1, 10, '{}')",
        )
        .then(
          () => undefined,
          (err: unknown) => err,
        )
    })
    expect(error).toMatchObject({ code: "23514", constraint: "cart_line_item_quantity_check" })
  })

  it("rejects an upper-case currency code written with raw SQL", async () => {
    await cartModule.migrate()
    const error = await withPgClient(database.url, (client) =>
      client.query("insert into cart (id, currency_code) values ('cart_raw', 'USD')").then(
        () => undefined,
        (err: unknown) => err,
      ),
    )
    expect(error).toMatchObject({ code: "23514", constraint: "cart_currency_code_check" })
  })
})
