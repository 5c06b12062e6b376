import type { Region, RegionPort } from "../ports/region"
import { recordOf, rowsAt, stringAt } from "./medusa-query"
import { MedusaQueryAdapter } from "./query-adapter"

/** A region as Medusa's region module returns it with its countries (a subset of `RegionDTO`). */
export interface MedusaRegion {
  id: string
  name: string
  currency_code: string
  countries?: { iso_2: string }[]
}

/** The part of Medusa's region module (`IRegionModuleService`) the region adapter calls. */
export interface MedusaRegionModule {
  listRegions(
    filters: { id?: string[] },
    config: { relations: string[]; take: number | null; order?: Record<string, "ASC" | "DESC"> },
  ): Promise<MedusaRegion[]>
}

/** Options of {@link MedusaRegions}. */
export interface MedusaRegionsOptions {
  /**
   * The region used when a cart names none. Medusa keeps it on the store (`store.default_region_id`);
   * give that id here. Default: the oldest region.
   */
  readonly defaultRegionId?: string
  /** Where a region's payment providers come from: Medusa's region ↔ payment provider link through Query (default), or a fixed list. */
  readonly paymentProviders?: "query" | readonly string[]
}

/**
 * {@link RegionPort} over Medusa's region module (`container.resolve("region")`): currency and
 * countries from the module, payment providers from Medusa's link. Medusa keeps tax rates in its tax
 * module, so `tax_rate` is 0 here; use {@link MedusaTax} for the cart's taxes.
 */
export class MedusaRegions extends MedusaQueryAdapter<MedusaRegionsOptions> implements RegionPort {
  private readonly regions = this.module<MedusaRegionModule>("region")

  /** The region with this id, or null. */
  async retrieveRegion(id: string): Promise<Region | null> {
    const [region] = await this.regions().listRegions({ id: [id] }, { relations: ["countries"], take: 1 })
    return region ? this.toRegion(region) : null
  }

  /** The configured default region, else the oldest one; null when the store has none. */
  async defaultRegion(): Promise<Region | null> {
    if (this.options.defaultRegionId) return this.retrieveRegion(this.options.defaultRegionId)
    const [region] = await this.regions().listRegions({}, { relations: ["countries"], take: 1, order: { created_at: "ASC" } })
    return region ? this.toRegion(region) : null
  }

  private async toRegion(region: MedusaRegion): Promise<Region> {
    return {
      id: region.id,
      name: region.name,
      currency_code: region.currency_code.toLowerCase(),
      countries: (region.countries ?? []).map((country) => country.iso_2.toLowerCase()),
      payment_providers: await this.providersOf(region.id),
      tax_rate: 0,
    }
  }

  private async providersOf(regionId: string): Promise<string[]> {
    const configured = this.options.paymentProviders ?? "query"
    if (configured !== "query") return [...configured]
    const { data } = await this.query().graph({ entity: "region", fields: ["id", "payment_providers.id"], filters: { id: [regionId] } })
    return rowsAt(recordOf(data[0]), "payment_providers").flatMap((provider) => stringAt(provider, "id") ?? [])
  }
}
