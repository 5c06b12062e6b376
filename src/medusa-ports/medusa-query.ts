import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"

/**
 * The part of Medusa's Query (`container.resolve("query")`) the adapters use. Links between modules
 * (variant ↔ price set, product ↔ sales channel, region ↔ payment provider) live in Medusa's link
 * tables, not in either module, so only Query can follow them.
 */
export interface MedusaQuery {
  graph(config: { entity: string; fields: string[]; filters?: Record<string, unknown> }): Promise<{ data: unknown[] }>
}

/** A plain object (a row Query returned), or undefined. */
export function recordOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined
}

/** The string at `key` of a row, or undefined. */
export function stringAt(row: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = row?.[key]
  return typeof value === "string" ? value : undefined
}

/** The rows at `key` of a row: a to-many link comes back as an array, a to-one link as one object. */
export function rowsAt(row: Record<string, unknown> | undefined, key: string): Record<string, unknown>[] {
  const value = row?.[key]
  const values: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return values.flatMap((entry) => {
    const record = recordOf(entry)
    return record ? [record] : []
  })
}

/** Query, resolved from the host container on first use. */
export function lazyQuery(container: HostContainer): () => MedusaQuery {
  return lazyModule<MedusaQuery>(container, MEDUSA_KEYS.query)
}

/** The stock locations Query links to a sales channel, each with its `field` (`id`, or a path through it such as `fulfillment_sets.id`). */
export async function stockLocationsOf(query: MedusaQuery, salesChannelId: string, field: string): Promise<Record<string, unknown>[]> {
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["id", `stock_locations.${field}`],
    filters: { id: [salesChannelId] },
  })
  return rowsAt(recordOf(data[0]), "stock_locations")
}
