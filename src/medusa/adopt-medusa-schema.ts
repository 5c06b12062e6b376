import { Migration } from "@mikro-orm/migrations"
import { Migration20261201040000ForeignKeyIndexes } from "../../migrations/20261201040000-foreign-key-indexes"

// Switching an app from @medusajs/cart 2.21 to cartwright in place. Medusa's cart migrations (up to
// Migration20260626000000) leave the nine tables cartwright uses with the same names and nearly the same
// columns; what cartwright adds is listed here, and only that is removed again on the way back:
// - `cart.version` (optimistic concurrency), `is_tax_inclusive` on shipping method adjustments (Medusa has it
//   on line item adjustments only; false is what Medusa's totals assume) and `cart_id` on addresses, adjustments and tax lines (every row
//   found by its cart), backfilled from the rows they belong to, with their foreign keys and indexes;
// - CHECKs Medusa lacks, added NOT VALID: they hold for every write from now on without rejecting (or
//   rewriting) a row Medusa wrote before;
// - tax rates as `numeric` (Medusa: `real`; every real converts exactly to numeric text, the way back rounds to real);
// - the cart's address keys deferrable (a cart and its addresses are inserted in either order) and a hard-deleted
//   cart removing its credit lines (Medusa's key has no ON DELETE).
// Indexes Medusa already has under its own names are kept and not duplicated.

/** The comment that marks tables adopted from Medusa's schema; reverting takes them back to Medusa's shape. */
export const ADOPTED_MARKER = "cartwright: adopted from @medusajs/cart 2.21"

const CHILDREN = [
  { table: "cart_line_item_adjustment", parent: "cart_line_item", key: "item_id" },
  { table: "cart_line_item_tax_line", parent: "cart_line_item", key: "item_id" },
  { table: "cart_shipping_method_adjustment", parent: "cart_shipping_method", key: "shipping_method_id" },
  { table: "cart_shipping_method_tax_line", parent: "cart_shipping_method", key: "shipping_method_id" },
] as const

const CHECKS = [
  ["cart", "cart_currency_code_check", "currency_code ~ '^[a-z]{3}$'"],
  ["cart", "cart_version_check", "version >= 1"],
  ["cart_line_item", "cart_line_item_quantity_check", "quantity > 0"],
  ["cart_line_item", "cart_line_item_compare_at_unit_price_check", "compare_at_unit_price >= 0"],
  ["cart_shipping_method_adjustment", "cart_shipping_method_adjustment_amount_check", "amount >= 0"],
  ["cart_line_item_tax_line", "cart_line_item_tax_line_rate_check", "rate >= 0 AND rate <= 100"],
  ["cart_shipping_method_tax_line", "cart_shipping_method_tax_line_rate_check", "rate >= 0 AND rate <= 100"],
] as const

const TAX_LINES = ["cart_line_item_tax_line", "cart_shipping_method_tax_line"] as const

function addressKeys(deferrable: boolean): string[] {
  return ["shipping", "billing"].flatMap((kind) => [
    `alter table "cart" drop constraint if exists "cart_${kind}_address_id_foreign"`,
    `alter table "cart" add constraint "cart_${kind}_address_id_foreign" foreign key ("${kind}_address_id") references "cart_address" ("id") on update cascade on delete set null${deferrable ? " deferrable initially deferred" : ""}`,
  ])
}

function creditLineKey(cascade: boolean): string[] {
  return [
    `alter table "credit_line" drop constraint if exists "credit_line_cart_id_foreign"`,
    `alter table "credit_line" add constraint "credit_line_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade${cascade ? " on delete cascade" : ""}`,
  ]
}

/** Takes @medusajs/cart's tables over in place of `Migration20261122000000CreateCartTables` (same name in the history). */
export class AdoptMedusaCartTables extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cart" add column "version" integer not null default 1`)
    this.addSql(`alter table "cart_shipping_method_adjustment" add column "is_tax_inclusive" boolean not null default false`)
    this.addSql(`alter table "cart_address" add column "cart_id" text null`)
    // An address belongs to the cart that points at it (Medusa keeps no back-reference).
    this.addSql(
      `update "cart_address" a set "cart_id" = c."id" from "cart" c where a."id" in (c."shipping_address_id", c."billing_address_id")`,
    )
    this.addSql(
      `alter table "cart_address" add constraint "cart_address_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(`create index "IDX_cart_address_cart_id" on "cart_address" ("cart_id") where deleted_at is null`)
    for (const { table, parent, key } of CHILDREN) {
      this.addSql(`alter table "${table}" add column "cart_id" text null`)
      this.addSql(`update "${table}" t set "cart_id" = p."cart_id" from "${parent}" p where p."id" = t."${key}"`)
      // A row Medusa left without an owner cannot be placed; the migration stops (and rolls back) on it.
      this.addSql(`alter table "${table}" alter column "cart_id" set not null`)
      this.addSql(
        `alter table "${table}" add constraint "${table}_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
      )
      this.addSql(`create index "IDX_${table}_cart_id" on "${table}" ("cart_id") where deleted_at is null`)
    }
    for (const table of TAX_LINES) this.addSql(`alter table "${table}" alter column "rate" type numeric using "rate"::numeric`)
    for (const [table, name, expression] of CHECKS)
      this.addSql(`alter table "${table}" add constraint "${name}" check (${expression}) not valid`)
    for (const sql of [...addressKeys(true), ...creditLineKey(true)]) this.addSql(sql)
    this.addSql(`comment on table "cart" is '${ADOPTED_MARKER}'`)
  }

  override async down(): Promise<void> {
    this.addSql(`comment on table "cart" is null`)
    for (const sql of [...addressKeys(false), ...creditLineKey(false)]) this.addSql(sql)
    for (const [table, name] of CHECKS) this.addSql(`alter table "${table}" drop constraint if exists "${name}"`)
    for (const table of TAX_LINES) this.addSql(`alter table "${table}" alter column "rate" type real using "rate"::real`)
    // Dropping a column drops its foreign key and index with it.
    for (const { table } of CHILDREN) this.addSql(`alter table "${table}" drop column if exists "cart_id"`)
    this.addSql(`alter table "cart_address" drop column if exists "cart_id"`)
    this.addSql(`alter table "cart_shipping_method_adjustment" drop column if exists "is_tax_inclusive"`)
    this.addSql(`alter table "cart" drop column if exists "version"`)
  }
}

/** In place of `Migration20261201010000TaxLineData` on adopted tables: Medusa 2.17.3+ already has `data`, and keeps it on the way back. */
export class AdoptMedusaTaxLineData extends Migration {
  override async up(): Promise<void> {
    for (const table of TAX_LINES) this.addSql(`alter table "${table}" add column if not exists "data" jsonb null`)
  }

  override async down(): Promise<void> {
    // Medusa's own column: nothing to undo.
  }
}

/**
 * Migration20261201040000ForeignKeyIndexes on tables @medusajs/cart created: the same full indexes on the way
 * up; on the way down, Medusa's own partial indexes, whose cart address keys also leave out NULLs.
 */
export class AdoptMedusaForeignKeyIndexes extends Migration20261201040000ForeignKeyIndexes {
  protected override partialIndexPredicate(table: string, column: string): string {
    return table === "cart" ? `deleted_at IS NULL AND "${column}" IS NOT NULL` : super.partialIndexPredicate(table, column)
  }
}
