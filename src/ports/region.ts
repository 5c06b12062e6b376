/** A region as the flows need it: its currency, countries, payment providers and default tax rate. */
export interface Region {
  readonly id: string
  readonly name: string
  readonly currency_code: string
  /** ISO 3166-1 alpha-2 codes, lower-case. */
  readonly countries: readonly string[]
  readonly payment_providers: readonly string[]
  /** Default tax rate in percent (0–100). */
  readonly tax_rate: number
  readonly tax_code?: string
}

/**
 * Where regions come from. Called when a cart is created (to pick currency and check the country),
 * when its region changes, and when payment sessions or taxes need the region's settings.
 */
export interface RegionPort {
  /** The region with this id, or null. */
  retrieveRegion(id: string): Promise<Region | null>
  /** The region used when a cart names none (Medusa: the store's first region), or null when there is none. */
  defaultRegion(): Promise<Region | null>
}

/** Regions held in memory; the first one is the default. */
export class InMemoryRegions implements RegionPort {
  private readonly regions: readonly Region[]

  constructor(regions: readonly Region[]) {
    this.regions = regions.map((region) => ({ ...region, countries: region.countries.map((c) => c.toLowerCase()) }))
  }

  /** Looks a region up by id. */
  async retrieveRegion(id: string): Promise<Region | null> {
    return this.regions.find((region) => region.id === id) ?? null
  }

  /** The first region given. */
  async defaultRegion(): Promise<Region | null> {
    return this.regions[0] ?? null
  }
}
