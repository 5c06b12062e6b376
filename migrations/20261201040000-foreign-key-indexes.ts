import { Migration } from "@mikro-orm/migrations"

/** Every indexed foreign key column: the cascades of a cart delete look rows up by these. */
const FOREIGN_KEY_INDEXES: readonly (readonly [table: string, column: string])[] = [
  ["cart", "shipping_address_id"],
  ["cart", "billing_address_id"],
  ["cart_address", "cart_id"],
  ["cart_line_item", "cart_id"],
  ["cart_line_item_adjustment", "cart_id"],
  ["cart_line_item_adjustment", "item_id"],
  ["cart_line_item_tax_line", "cart_id"],
  ["cart_line_item_tax_line", "item_id"],
  ["cart_shipping_method", "cart_id"],
  ["cart_shipping_method_adjustment", "cart_id"],
  ["cart_shipping_method_adjustment", "shipping_method_id"],
  ["cart_shipping_method_tax_line", "cart_id"],
  ["cart_shipping_method_tax_line", "shipping_method_id"],
  ["credit_line", "cart_id"],
  ["cart_checkout", "cart_id"],
]

/**
 * Makes the foreign key indexes full instead of partial (`WHERE deleted_at IS NULL`). PostgreSQL's
 * cascade runs `DELETE FROM child WHERE cart_id = $1` for each deleted cart, which a partial index
 * cannot serve: deleting (or purging) carts scanned every child table once per cart. Reads that add
 * `deleted_at IS NULL` use the full index as well. Same index names, same number of indexes.
 */
export class Migration20261201040000ForeignKeyIndexes extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of FOREIGN_KEY_INDEXES) {
      this.addSql(`DROP INDEX IF EXISTS "IDX_${table}_${column}"`)
      this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_${table}_${column}" ON "${table}" ("${column}")`)
    }
  }

  override async down(): Promise<void> {
    for (const [table, column] of FOREIGN_KEY_INDEXES) {
      this.addSql(`DROP INDEX IF EXISTS "IDX_${table}_${column}"`)
      this.addSql(
        `CREATE INDEX IF NOT EXISTS "IDX_${table}_${column}" ON "${table}" ("${column}") WHERE ${this.partialIndexPredicate(table, column)}`,
      )
    }
  }

  /** The predicate of the partial index that `down()` restores (subclasses restore another schema's). */
  protected partialIndexPredicate(_table: string, _column: string): string {
    return "deleted_at IS NULL"
  }
}
