/**
 * The floor's reads: the same rows as cartwright's reads, every column (`row_to_json`), nested as
 * JSON in one statement, children in creation order. No totals: the floor is the cost of the rows.
 * A row with children is `{ row, <children>... }`: plain json all the way (jsonb merging costs more).
 */

const live = (alias: string) => `${alias}.deleted_at IS NULL`

const children = (table: string, alias: string, parentColumn: string, parent: string, extra = "") =>
  `(SELECT coalesce(json_agg(${extra ? `json_build_object('row', row_to_json(${alias}), ${extra})` : `row_to_json(${alias})`}` +
  ` ORDER BY ${alias}.created_at, ${alias}.id), '[]'::json) FROM ${table} ${alias} WHERE ${alias}.${parentColumn} = ${parent}.id AND ${live(alias)})`

const linesOf = (
  table: string,
  alias: string,
  taxTable: string,
  adjustmentTable: string | undefined,
  parentColumn: string,
  parent: string,
) =>
  children(
    table,
    alias,
    "cart_id",
    parent,
    `'tax_lines', ${children(taxTable, `${alias}t`, parentColumn, alias)}` +
      (adjustmentTable ? `, 'adjustments', ${children(adjustmentTable, `${alias}a`, parentColumn, alias)}` : ""),
  )

const ITEMS = (cart: string) => linesOf("cart_line_item", "i", "cart_line_item_tax_line", "cart_line_item_adjustment", "item_id", cart)
const METHODS = (cart: string) =>
  linesOf("cart_shipping_method", "m", "cart_shipping_method_tax_line", undefined, "shipping_method_id", cart)

const CART_OBJECT = (c: string) =>
  `json_build_object('row', row_to_json(${c}), 'items', ${ITEMS(c)}, 'shipping_methods', ${METHODS(c)},` +
  ` 'shipping_address', (SELECT row_to_json(a) FROM cart_address a WHERE a.id = ${c}.shipping_address_id AND ${live("a")}))`

/** One SQL text per floor read. */
export const FLOOR_READS = {
  /** A cart with items, shipping methods, their tax lines (and the items' adjustments) and its address. */
  cart: `SELECT ${CART_OBJECT("c")} AS r FROM cart c WHERE c.id = $1 AND ${live("c")}`,
  /** A page of carts, oldest first, each with its relations, and the total count. */
  pageWithRelations:
    `SELECT ${CART_OBJECT("c")} AS r, p.n FROM (SELECT id, count(*) OVER () AS n FROM cart WHERE deleted_at IS NULL` +
    ` ORDER BY created_at, id LIMIT $1 OFFSET $2) p JOIN cart c ON c.id = p.id ORDER BY c.created_at, c.id`,
  /** A page of carts, four columns each, and the total count. */
  page: `SELECT id, email, currency_code, created_at, count(*) OVER () AS n FROM cart WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT $1 OFFSET $2`,
  /** A big cart: every column of the cart, its items, their tax lines and adjustments. */
  bigCart: `SELECT json_build_object('row', row_to_json(c), 'items', ${ITEMS("c")}) AS r FROM cart c WHERE c.id = $1 AND ${live("c")}`,
  /** A big cart's id and currency, and four columns of each item. */
  bigCartNarrow:
    `SELECT json_build_object('id', c.id, 'currency_code', c.currency_code, 'items', (SELECT coalesce(json_agg(json_build_object('id', i.id,` +
    ` 'title', i.title, 'quantity', i.quantity, 'unit_price', i.unit_price::text) ORDER BY i.created_at, i.id), '[]'::json)` +
    ` FROM cart_line_item i WHERE i.cart_id = c.id AND ${live("i")})) AS r FROM cart c WHERE c.id = $1 AND ${live("c")}`,
} as const
