import { Migration } from "@mikro-orm/migrations"

/**
 * Moves checkout decisions out of client-writable metadata into the module-owned `cart_checkout`
 * table, and records each cart's last activity (`cart.last_active_at`, kept by a trigger so every
 * write path, including a host's raw SQL, counts as activity) for `purgeCarts`.
 */
export class Migration20261201030000CheckoutStateAndActivity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cart" add column "last_active_at" timestamptz not null default now()`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_last_active_at" ON "cart" ("last_active_at") WHERE deleted_at IS NULL`)
    this.addSql(
      `create table "cart_checkout" ("id" text not null, "cart_id" text not null, "selected_payment_provider_id" text null, "promotion_codes" jsonb null, "order_id" text null, "idempotency_key" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default clock_timestamp(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_checkout_pkey" primary key ("id"))`,
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_checkout_cart_id" ON "cart_checkout" ("cart_id") WHERE deleted_at IS NULL`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_checkout_order_id" ON "cart_checkout" ("order_id") WHERE deleted_at IS NULL`)
    this.addSql(
      `alter table "cart_checkout" add constraint "cart_checkout_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on update cascade on delete cascade`,
    )
    // An update that sets last_active_at itself (a host back-dating, or a purge) is left as it is.
    this.addSql(
      `create or replace function cart_touch_last_active_at() returns trigger language plpgsql as $$ begin if new.last_active_at is not distinct from old.last_active_at and new.deleted_at is not distinct from old.deleted_at then new.last_active_at := now(); end if; return new; end $$`,
    )
    this.addSql(
      `create trigger cart_touch_last_active_at before update on "cart" for each row execute function cart_touch_last_active_at()`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists cart_touch_last_active_at on "cart"`)
    this.addSql(`drop function if exists cart_touch_last_active_at()`)
    this.addSql(`drop table if exists "cart_checkout" cascade`)
    this.addSql(`drop index if exists "IDX_cart_last_active_at"`)
    this.addSql(`alter table "cart" drop column if exists "last_active_at"`)
  }
}
