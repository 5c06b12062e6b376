import { DeferMode, EntitySchema } from "@mikro-orm/core"
import type { EntitySchemaMetadata } from "@mikro-orm/core"

/** The storage kinds a model column can have; each maps to one PostgreSQL type and one DTO shape. */
export type ColumnKind = "text" | "boolean" | "integer" | "decimal" | "money" | "json" | "datetime"

/** One column of a model, as the SQL layer and the ORM schema both read it. */
export interface ColumnSpec {
  readonly kind: ColumnKind
  readonly nullable?: boolean
  /** For `json` columns: `"any"` when any JSON value is stored (default: an object). Only types read it. */
  readonly json?: "object" | "any"
  /** SQL default expression, e.g. `'false'` or `'now()'`. */
  readonly default?: string
  /** For foreign keys: the referenced model's name and what happens to this row when the parent is hard-deleted. */
  readonly references?: {
    readonly model: string
    readonly onDelete: "cascade" | "set null"
    /** Checked at commit: lets a cart and its addresses be inserted in either order. */
    readonly deferred?: boolean
  }
}

/** A to-many or to-one link between two models, used by `relations` and by cascades. */
export interface RelationSpec {
  readonly model: string
  readonly kind: "many" | "one"
  /** many: the column on the child pointing at this model; one: the column on this model pointing at the child. */
  readonly column: string
}

/** Everything the module knows about one table. */
export interface ModelSpec {
  readonly name: string
  readonly table: string
  readonly idPrefix: string
  readonly columns: Readonly<Record<string, ColumnSpec>>
  readonly relations: Readonly<Record<string, RelationSpec>>
  /** Indexed columns: a partial index `WHERE deleted_at IS NULL`, or a full one for a foreign key. */
  readonly indexed: readonly string[]
  readonly checks: readonly { readonly name: string; readonly expression: string }[]
}

/**
 * A model: its spec for the SQL layer plus the MikroORM EntitySchema built from it. `C` is the columns as
 * declared (literal kinds and nullability), from which the row, DTO and input types derive (src/types).
 */
export interface Model<C extends Readonly<Record<string, ColumnSpec>> = Readonly<Record<string, ColumnSpec>>> extends ModelSpec {
  /** The columns exactly as the model declares them (without the base columns and raw twins). */
  readonly declared: C
  readonly schema: EntitySchema
  /** Column names in declaration order, `id` first. */
  readonly columnNames: readonly string[]
  /** Money columns; each has a `raw_<name>` jsonb twin holding the exact value. */
  readonly moneyColumns: readonly string[]
}

/** The PostgreSQL type of each column kind (the schema's and the SQL layer's casts). */
export const COLUMN_TYPES: Readonly<Record<ColumnKind, string>> = {
  text: "text",
  boolean: "boolean",
  integer: "integer",
  decimal: "numeric",
  money: "numeric",
  json: "jsonb",
  datetime: "timestamptz",
}

const PROPERTY_TYPES: Record<ColumnKind, string> = {
  text: "string",
  boolean: "boolean",
  integer: "number",
  decimal: "string",
  money: "string",
  json: "json",
  datetime: "Date",
}

/** Columns every model has: Medusa's id and timestamps. */
const BASE_COLUMNS: Record<string, ColumnSpec> = {
  id: { kind: "text" },
  // clock_timestamp(), not now() (the transaction's start): rows are returned ordered by
  // (created_at, id), so two statements of one transaction must not share a creation time.
  created_at: { kind: "datetime", default: "clock_timestamp()" },
  updated_at: { kind: "datetime", default: "now()" },
  deleted_at: { kind: "datetime", nullable: true },
}

/** The ORM's view of a model's row: the schema only feeds the schema generator, never entity instances. */
type OrmRow = Record<string, unknown>
type OrmProperty = NonNullable<EntitySchemaMetadata<OrmRow>["properties"]>[string]

function toProperty(name: string, column: ColumnSpec): OrmProperty {
  return {
    type: PROPERTY_TYPES[column.kind],
    columnType: COLUMN_TYPES[column.kind],
    nullable: column.nullable ?? false,
    fieldName: name,
    ...(name === "id" ? { primary: true } : {}),
    ...(column.default !== undefined ? { defaultRaw: column.default } : {}),
  }
}

function foreignKeyProperty(name: string, column: ColumnSpec, ref: NonNullable<ColumnSpec["references"]>): OrmProperty {
  // A ManyToOne so the schema generator emits the FK with its delete rule; the SQL layer reads the plain column.
  return {
    kind: "m:1",
    entity: ref.model,
    fieldName: name,
    nullable: column.nullable ?? false,
    deleteRule: ref.onDelete,
    updateRule: "cascade",
    ...(ref.deferred ? { deferMode: DeferMode.INITIALLY_DEFERRED } : {}),
  }
}

/** Builds a model from its spec: fills in the base columns, raw money twins and the ORM schema. */
export function defineModel<const C extends Readonly<Record<string, ColumnSpec>>>(
  spec: Omit<ModelSpec, "columns"> & { columns: C },
): Model<C> {
  const columns: Record<string, ColumnSpec> = { id: BASE_COLUMNS.id!, ...spec.columns }
  const moneyColumns = Object.keys(spec.columns).filter((name) => spec.columns[name]!.kind === "money")
  for (const money of moneyColumns) {
    columns[`raw_${money}`] = { kind: "json", nullable: columns[money]!.nullable ?? false }
  }
  Object.assign(columns, {
    created_at: BASE_COLUMNS.created_at,
    updated_at: BASE_COLUMNS.updated_at,
    deleted_at: BASE_COLUMNS.deleted_at,
  })
  const properties: Record<string, OrmProperty> = {}
  for (const [name, column] of Object.entries(columns)) {
    properties[name] = column.references ? foreignKeyProperty(name, column, column.references) : toProperty(name, column)
  }
  const indexes = spec.indexed.map((column) => ({
    name: `IDX_${spec.table}_${column}`,
    // A foreign key's index is full: the lookup PostgreSQL runs per deleted parent row (cascade,
    // set null) has no deleted_at condition, so a partial index cannot serve it and each deleted cart
    // would scan every child table.
    expression: columns[column]?.references
      ? `CREATE INDEX IF NOT EXISTS "IDX_${spec.table}_${column}" ON "${spec.table}" ("${column}")`
      : `CREATE INDEX IF NOT EXISTS "IDX_${spec.table}_${column}" ON "${spec.table}" ("${column}") WHERE deleted_at IS NULL`,
  }))
  const meta: EntitySchemaMetadata<OrmRow> = {
    name: spec.name,
    tableName: spec.table,
    properties,
    indexes,
    checks: spec.checks.map((check) => ({ name: check.name, expression: check.expression })),
  }
  return {
    ...spec,
    declared: spec.columns,
    columns,
    schema: new EntitySchema(meta),
    columnNames: Object.keys(columns),
    moneyColumns,
  }
}
