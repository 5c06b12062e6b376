import { Migration } from "@mikro-orm/migrations"

/** Adds the tax provider's `data` (jsonb, nullable) to both tax line tables, as Medusa 2.17.3 did. */
export class Migration20261201010000TaxLineData extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cart_line_item_tax_line" add column if not exists "data" jsonb null`)
    this.addSql(`alter table if exists "cart_shipping_method_tax_line" add column if not exists "data" jsonb null`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "cart_line_item_tax_line" drop column if exists "data"`)
    this.addSql(`alter table if exists "cart_shipping_method_tax_line" drop column if exists "data"`)
  }
}
