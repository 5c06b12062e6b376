import { Migration } from "@mikro-orm/migrations"

const TABLES = [
  "cart",
  "cart_address",
  "credit_line",
  "cart_line_item",
  "cart_line_item_adjustment",
  "cart_line_item_tax_line",
  "cart_shipping_method",
  "cart_shipping_method_adjustment",
  "cart_shipping_method_tax_line",
] as const

/**
 * Ids no longer increase monotonically (they carry fresh randomness), so creation order is
 * (created_at, id): `created_at` now defaults to the statement's clock instead of the transaction's
 * start, so two inserts in one transaction get distinct times.
 */
export class Migration20261201020000CreationOrderClock extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) this.addSql(`alter table "${table}" alter column "created_at" set default clock_timestamp()`)
  }

  override async down(): Promise<void> {
    for (const table of TABLES) this.addSql(`alter table "${table}" alter column "created_at" set default now()`)
  }
}
