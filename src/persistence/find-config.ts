/** Sort direction accepted in `order`. */
export type OrderDirection = "ASC" | "DESC" | "asc" | "desc"

/**
 * How to sort: a field, or a relation with its own fields (`{ items: { created_at: "DESC" } }` sorts the items).
 * Any string is accepted as a direction (Medusa's `FindConfigOrder` does the same); reads refuse all but ASC/DESC.
 */
export type OrderBy = { readonly [field: string]: OrderDirection | (string & {}) | OrderBy }

/** Medusa's `FindConfig`: which fields and relations to return, paging, ordering. */
export interface FindConfig<_Entity = unknown> {
  /** Fields to return; nested with dots (`items.title`); total fields (`total`, ...) trigger totals. */
  select?: readonly string[]
  /** Relations to load, nested with dots (`items.tax_lines`). */
  relations?: readonly string[]
  skip?: number | null
  take?: number | null
  order?: OrderBy
  /** Include soft-deleted rows. */
  withDeleted?: boolean
}
