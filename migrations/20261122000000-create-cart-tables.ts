import { Migration } from "@mikro-orm/migrations"

/** Creates the nine cart tables with their checks, foreign keys and partial lookup indexes. */
export class Migration20261122000000CreateCartTables extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cart" ("id" text not null, "region_id" text null, "customer_id" text null, "sales_channel_id" text null, "email" text null, "currency_code" text not null, "locale" text null, "shipping_address_id" text null, "billing_address_id" text null, "metadata" jsonb null, "completed_at" timestamptz null, "version" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_pkey" primary key ("id"), constraint cart_currency_code_check check (currency_code ~ '^[a-z]{3}$'), constraint cart_version_check check (version >= 1))`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_region_id" ON "cart" ("region_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_customer_id" ON "cart" ("customer_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_sales_channel_id" ON "cart" ("sales_channel_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_currency_code" ON "cart" ("currency_code") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_address_id" ON "cart" ("shipping_address_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_billing_address_id" ON "cart" ("billing_address_id") WHERE deleted_at IS NULL`)
    this.addSql(
      `create table "cart_address" ("id" text not null, "cart_id" text null, "customer_id" text null, "company" text null, "first_name" text null, "last_name" text null, "address_1" text null, "address_2" text null, "city" text null, "country_code" text null, "province" text null, "postal_code" text null, "phone" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_address_pkey" primary key ("id"))`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_address_cart_id" ON "cart_address" ("cart_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_address_customer_id" ON "cart_address" ("customer_id") WHERE deleted_at IS NULL`)
    this.addSql(
      `create table "credit_line" ("id" text not null, "cart_id" text not null, "reference" text null, "reference_id" text null, "amount" numeric not null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "credit_line_pkey" primary key ("id"))`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_line_cart_id" ON "credit_line" ("cart_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_line_reference" ON "credit_line" ("reference") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_credit_line_reference_id" ON "credit_line" ("reference_id") WHERE deleted_at IS NULL`)
    this.addSql(
      `create table "cart_line_item" ("id" text not null, "cart_id" text not null, "title" text not null, "subtitle" text null, "thumbnail" text null, "quantity" integer not null, "variant_id" text null, "product_id" text null, "product_title" text null, "product_description" text null, "product_subtitle" text null, "product_type" text null, "product_type_id" text null, "product_collection" text null, "product_handle" text null, "variant_sku" text null, "variant_barcode" text null, "variant_title" text null, "variant_option_values" jsonb null, "requires_shipping" boolean not null default true, "is_discountable" boolean not null default true, "is_giftcard" boolean not null default false, "is_tax_inclusive" boolean not null default false, "is_custom_price" boolean not null default false, "compare_at_unit_price" numeric null, "unit_price" numeric not null, "metadata" jsonb null, "raw_compare_at_unit_price" jsonb null, "raw_unit_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_line_item_pkey" primary key ("id"), constraint cart_line_item_quantity_check check (quantity > 0), constraint cart_line_item_unit_price_check check (unit_price >= 0), constraint cart_line_item_compare_at_unit_price_check check (compare_at_unit_price >= 0))`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_cart_id" ON "cart_line_item" ("cart_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_variant_id" ON "cart_line_item" ("variant_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_product_id" ON "cart_line_item" ("product_id") WHERE deleted_at IS NULL`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_product_type_id" ON "cart_line_item" ("product_type_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `create table "cart_line_item_adjustment" ("id" text not null, "cart_id" text not null, "item_id" text not null, "description" text null, "code" text null, "amount" numeric not null, "is_tax_inclusive" boolean not null default false, "provider_id" text null, "promotion_id" text null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_line_item_adjustment_pkey" primary key ("id"), constraint cart_line_item_adjustment_amount_check check (amount >= 0))`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_adjustment_cart_id" ON "cart_line_item_adjustment" ("cart_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_adjustment_item_id" ON "cart_line_item_adjustment" ("item_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_adjustment_promotion_id" ON "cart_line_item_adjustment" ("promotion_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `create table "cart_line_item_tax_line" ("id" text not null, "cart_id" text not null, "item_id" text not null, "description" text null, "tax_rate_id" text null, "code" text not null, "rate" numeric not null, "provider_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_line_item_tax_line_pkey" primary key ("id"), constraint cart_line_item_tax_line_rate_check check (rate >= 0 AND rate <= 100))`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_tax_line_cart_id" ON "cart_line_item_tax_line" ("cart_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_tax_line_item_id" ON "cart_line_item_tax_line" ("item_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_line_item_tax_line_tax_rate_id" ON "cart_line_item_tax_line" ("tax_rate_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `create table "cart_shipping_method" ("id" text not null, "cart_id" text not null, "name" text not null, "description" jsonb null, "amount" numeric not null, "is_tax_inclusive" boolean not null default false, "shipping_option_id" text null, "data" jsonb null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_shipping_method_pkey" primary key ("id"), constraint cart_shipping_method_amount_check check (amount >= 0))`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_cart_id" ON "cart_shipping_method" ("cart_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_shipping_option_id" ON "cart_shipping_method" ("shipping_option_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `create table "cart_shipping_method_adjustment" ("id" text not null, "cart_id" text not null, "shipping_method_id" text not null, "description" text null, "code" text null, "amount" numeric not null, "is_tax_inclusive" boolean not null default false, "provider_id" text null, "promotion_id" text null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_shipping_method_adjustment_pkey" primary key ("id"), constraint cart_shipping_method_adjustment_amount_check check (amount >= 0))`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_adjustment_cart_id" ON "cart_shipping_method_adjustment" ("cart_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_adjustment_shipping_method_id" ON "cart_shipping_method_adjustment" ("shipping_method_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_adjustment_promotion_id" ON "cart_shipping_method_adjustment" ("promotion_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `create table "cart_shipping_method_tax_line" ("id" text not null, "cart_id" text not null, "shipping_method_id" text not null, "description" text null, "tax_rate_id" text null, "code" text not null, "rate" numeric not null, "provider_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_shipping_method_tax_line_pkey" primary key ("id"), constraint cart_shipping_method_tax_line_rate_check check (rate >= 0 AND rate <= 100))`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_tax_line_cart_id" ON "cart_shipping_method_tax_line" ("cart_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_tax_line_shipping_method_id" ON "cart_shipping_method_tax_line" ("shipping_method_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_cart_shipping_method_tax_line_tax_rate_id" ON "cart_shipping_method_tax_line" ("tax_rate_id") WHERE deleted_at IS NULL`,
    )
    this.addSql(
      `alter table "cart" add constraint "cart_shipping_address_id_foreign" foreign key ("shipping_address_id") references "cart_address" ("id") on update cascade on delete set null deferrable initially deferred`,
    )
    this.addSql(
      `alter table "cart" add constraint "cart_billing_address_id_foreign" foreign key ("billing_address_id") references "cart_address" ("id") on update cascade on delete set null deferrable initially deferred`,
    )
    this.addSql(
      `alter table "cart_address" add constraint "cart_address_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "credit_line" add constraint "credit_line_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_line_item" add constraint "cart_line_item_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_line_item_adjustment" add constraint "cart_line_item_adjustment_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_line_item_adjustment" add constraint "cart_line_item_adjustment_item_id_foreign" foreign key ("item_id") references "cart_line_item" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_line_item_tax_line" add constraint "cart_line_item_tax_line_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_line_item_tax_line" add constraint "cart_line_item_tax_line_item_id_foreign" foreign key ("item_id") references "cart_line_item" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_shipping_method" add constraint "cart_shipping_method_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_shipping_method_adjustment" add constraint "cart_shipping_method_adjustment_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_shipping_method_adjustment" add constraint "cart_shipping_method_adjustment_shipping_method_id_foreign" foreign key ("shipping_method_id") references "cart_shipping_method" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_shipping_method_tax_line" add constraint "cart_shipping_method_tax_line_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    this.addSql(
      `alter table "cart_shipping_method_tax_line" add constraint "cart_shipping_method_tax_line_shipping_method_id_foreign" foreign key ("shipping_method_id") references "cart_shipping_method" ("id") on update cascade on delete cascade`,
    )
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "cart_shipping_method_tax_line" cascade')
    this.addSql('drop table if exists "cart_shipping_method_adjustment" cascade')
    this.addSql('drop table if exists "cart_shipping_method" cascade')
    this.addSql('drop table if exists "cart_line_item_tax_line" cascade')
    this.addSql('drop table if exists "cart_line_item_adjustment" cascade')
    this.addSql('drop table if exists "cart_line_item" cascade')
    this.addSql('drop table if exists "credit_line" cascade')
    this.addSql('drop table if exists "cart_address" cascade')
    this.addSql('drop table if exists "cart" cascade')
  }
}
