import { Decimal } from "decimal.js"
import { InsufficientStockError } from "../ports/inventory"
import type { InventoryPort, Reservation, ReservationRequest, VariantAvailability } from "../ports/inventory"
import { recordOf, rowsAt, stockLocationsOf, stringAt } from "./medusa-query"
import { MedusaQueryAdapter } from "./query-adapter"
import { exactOf } from "./money"

/** An inventory level as Medusa's inventory module lists it (a subset of `InventoryLevelDTO`). */
export interface MedusaInventoryLevel {
  inventory_item_id: string
  location_id: string
  available_quantity: unknown
}

/** The part of Medusa's inventory module (`IInventoryService`) the inventory adapter calls. */
export interface MedusaInventoryModule {
  listInventoryLevels(
    filters: { inventory_item_id: string[]; location_id?: string[] },
    config: { take: null },
  ): Promise<MedusaInventoryLevel[]>
  createReservationItems(
    input: { inventory_item_id: string; location_id: string; quantity: number; line_item_id: string; allow_backorder: boolean }[],
  ): Promise<{ id: string; line_item_id?: string | null; inventory_item_id: string; quantity: unknown }[]>
  deleteReservationItems(ids: string[]): Promise<void>
}

/** How a variant is stocked in Medusa: its inventory items (kits have several) and whether stock is checked at all. */
export interface MedusaVariantStock {
  readonly variant_id: string
  readonly manage_inventory: boolean
  readonly allow_backorder: boolean
  /** Each inventory item and how many of it one unit of the variant takes (the link's `required_quantity`). */
  readonly items: readonly { readonly inventory_item_id: string; readonly required_quantity: number }[]
}

/** Finds how variants are stocked; variants it does not return are not stock-managed. */
export type VariantStockResolver = (variantIds: readonly string[]) => Promise<readonly MedusaVariantStock[]>

/** Finds the stock locations that serve a sales channel; `null` for every location (a cart without a channel). */
export type StockLocationResolver = (salesChannelId: string | null) => Promise<readonly string[] | null>

/** Options of {@link MedusaInventory}. */
export interface MedusaInventoryOptions {
  /** Default: the product module's `manage_inventory`/`allow_backorder` and Medusa's variant ↔ inventory item link, through Query. */
  readonly variants?: VariantStockResolver
  /** Default: Medusa's sales channel ↔ stock location link, through Query; a cart without a channel counts every location. */
  readonly locations?: StockLocationResolver
}

/** Available units per inventory item and location, decremented as a reservation plan takes them. */
type Levels = Map<string, Map<string, Decimal>>

/**
 * {@link InventoryPort} over Medusa's inventory module (`container.resolve("inventory")`), as
 * Medusa's cart workflows use it: a variant's availability in a sales channel is, over its inventory
 * items, the least of (available quantity summed over the channel's stock locations ÷ the item's
 * required quantity). Variants with `manage_inventory` off, or with `allow_backorder`, are not limited
 * (null). Reserving creates, per line and inventory item, reservation items at the channel's locations
 * in order (splitting a line over locations when one does not hold it all, so that what `availability`
 * promised can be reserved), all in one call so a shortage reserves nothing; releasing deletes them. Medusa keeps the variant ↔ inventory item and
 * sales channel ↔ stock location links outside both modules, so they are read through Query unless
 * the host passes resolvers.
 */
export class MedusaInventory extends MedusaQueryAdapter<MedusaInventoryOptions> implements InventoryPort {
  private readonly inventory = this.module<MedusaInventoryModule>("inventory")

  /** Units of each variant that can be sold in the channel; null where stock is not limited. */
  async availability(variantIds: readonly string[], salesChannelId: string | null): Promise<VariantAvailability[]> {
    const stock = await this.limitedStock(variantIds)
    const levels = await this.levels(stock, salesChannelId)
    return variantIds.map((variant_id) => {
      const entry = stock.get(variant_id)
      if (!entry) return { variant_id, available: null }
      const perItem = entry.items.map((item) => total(levels.get(item.inventory_item_id)).dividedToIntegerBy(item.required_quantity))
      return { variant_id, available: Decimal.min(...perItem).toNumber() }
    })
  }

  /** Reserves every line or none. @throws InsufficientStockError naming the variants whose stock does not cover their lines */
  async reserve(requests: readonly ReservationRequest[], salesChannelId: string | null): Promise<Reservation[]> {
    const stock = await this.stockOf(requests.map((request) => request.variant_id))
    const levels = await this.levels(new Map([...stock].filter(([, entry]) => entry.manage_inventory)), salesChannelId)
    const planned: { request: ReservationRequest; input: Parameters<MedusaInventoryModule["createReservationItems"]>[0][number] }[] = []
    const short = new Set<string>()
    for (const request of requests) {
      const entry = stock.get(request.variant_id)
      if (!entry?.manage_inventory) continue
      for (const item of entry.items) {
        const quantity = new Decimal(item.required_quantity).times(request.quantity)
        const allocations = allocate(levels.get(item.inventory_item_id), quantity, entry.allow_backorder)
        if (!allocations) short.add(request.variant_id)
        for (const [location, taken] of allocations ?? []) {
          const input = {
            inventory_item_id: item.inventory_item_id,
            location_id: location,
            quantity: taken.toNumber(),
            line_item_id: request.line_item_id,
            allow_backorder: entry.allow_backorder,
          }
          planned.push({ request, input })
        }
      }
    }
    if (short.size) throw new InsufficientStockError([...short])
    if (!planned.length) return []
    const created = await this.inventory().createReservationItems(planned.map((entry) => entry.input))
    // Reservations name their line item, which finds the request whatever order the module returns them in.
    const requestOf = new Map(planned.map((entry) => [entry.input.line_item_id, entry.request]))
    return created.flatMap((reservation) => {
      const request = requestOf.get(reservation.line_item_id ?? "")
      // A line split over locations (or a kit) has several reservations: each reports the units it holds.
      return request
        ? [
            {
              id: reservation.id,
              variant_id: request.variant_id,
              quantity: exactOf(reservation.quantity).toNumber(),
              line_item_id: request.line_item_id,
            },
          ]
        : []
    })
  }

  /** Deletes the reservation items (their quantities return to the levels). */
  async release(reservationIds: readonly string[]): Promise<void> {
    if (reservationIds.length) await this.inventory().deleteReservationItems([...reservationIds])
  }

  /** The variants whose sale is limited by stock: managed, without backorders, with inventory items. */
  private async limitedStock(variantIds: readonly string[]): Promise<Map<string, MedusaVariantStock>> {
    const stock = await this.stockOf(variantIds)
    return new Map([...stock].filter(([, entry]) => entry.manage_inventory && !entry.allow_backorder && entry.items.length > 0))
  }

  private async stockOf(variantIds: readonly string[]): Promise<Map<string, MedusaVariantStock>> {
    const ids = [...new Set(variantIds)]
    if (!ids.length) return new Map()
    const found = await (this.options.variants ?? ((list) => this.linkedStock(list)))(ids)
    return new Map(found.map((entry) => [entry.variant_id, entry]))
  }

  /** Available quantity per inventory item and location, limited to the channel's locations. */
  private async levels(stock: ReadonlyMap<string, MedusaVariantStock>, salesChannelId: string | null): Promise<Levels> {
    const itemIds = [...new Set([...stock.values()].flatMap((entry) => entry.items.map((item) => item.inventory_item_id)))]
    const levels: Levels = new Map()
    if (!itemIds.length) return levels
    const locations = await (this.options.locations ?? ((id) => this.linkedLocations(id)))(salesChannelId)
    // A channel without stock locations can sell nothing that is stock-managed.
    if (locations && !locations.length) return levels
    const rows = await this.inventory().listInventoryLevels(
      { inventory_item_id: itemIds, ...(locations ? { location_id: [...locations] } : {}) },
      { take: null },
    )
    // Locations in the resolver's order, so that reservations go to the first one with enough stock.
    const rank = (location: string) => (locations ? locations.indexOf(location) : 0)
    for (const row of [...rows].sort((a, b) => rank(a.location_id) - rank(b.location_id))) {
      const byLocation = levels.get(row.inventory_item_id) ?? new Map<string, Decimal>()
      byLocation.set(row.location_id, exactOf(row.available_quantity))
      levels.set(row.inventory_item_id, byLocation)
    }
    return levels
  }

  private async linkedStock(variantIds: readonly string[]): Promise<MedusaVariantStock[]> {
    const { data } = await this.query().graph({
      entity: "variant",
      fields: ["id", "manage_inventory", "allow_backorder", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
      filters: { id: [...variantIds] },
    })
    return data.flatMap((entry) => {
      const row = recordOf(entry)
      const id = stringAt(row, "id")
      if (!id) return []
      const items = rowsAt(row, "inventory_items").flatMap((link) => {
        const itemId = stringAt(link, "inventory_item_id")
        return itemId ? [{ inventory_item_id: itemId, required_quantity: Number(link.required_quantity ?? 1) }] : []
      })
      return [{ variant_id: id, manage_inventory: row?.manage_inventory !== false, allow_backorder: row?.allow_backorder === true, items }]
    })
  }

  private async linkedLocations(salesChannelId: string | null): Promise<readonly string[] | null> {
    if (!salesChannelId) return null
    const locations = await stockLocationsOf(this.query(), salesChannelId, "id")
    return locations.flatMap((location) => stringAt(location, "id") ?? [])
  }
}

function total(byLocation: ReadonlyMap<string, Decimal> | undefined): Decimal {
  let sum = new Decimal(0)
  for (const available of byLocation?.values() ?? []) sum = sum.plus(Decimal.max(available, 0))
  return sum
}

/**
 * Where `quantity` units come from: the channel's locations in order, each giving what it has, so that
 * a line is reservable exactly when `availability` said so (units are taken from the plan's running
 * levels, so two lines of one item never count the same units twice). With backorders allowed, the
 * whole quantity goes to the first location stocking the item. Null when the stock does not cover it.
 */
function allocate(byLocation: Map<string, Decimal> | undefined, quantity: Decimal, allowBackorder: boolean): [string, Decimal][] | null {
  const locations = [...(byLocation ?? [])]
  if (allowBackorder) {
    const [first] = locations
    return first ? [[first[0], quantity]] : null
  }
  const taken: [string, Decimal][] = []
  let missing = quantity
  for (const [location, available] of locations) {
    if (missing.lte(0)) break
    const take = Decimal.min(Decimal.max(available, 0), missing)
    if (take.gt(0)) taken.push([location, take])
    missing = missing.minus(take)
  }
  if (missing.gt(0)) return null
  for (const [location, take] of taken) byLocation!.set(location, byLocation!.get(location)!.minus(take))
  return taken
}
