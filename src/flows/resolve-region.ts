import { InvalidDataError, NotFoundError } from "../errors/errors"
import type { Region, RegionPort } from "../ports/region"

/** The region with this id, or the default region when no id is given. @throws NotFoundError, InvalidDataError */
export async function resolveRegion(regions: RegionPort, regionId: string | null | undefined): Promise<Region> {
  if (regionId) {
    const region = await regions.retrieveRegion(regionId)
    if (!region) throw NotFoundError.forId("Region", regionId)
    return region
  }
  const fallback = await regions.defaultRegion()
  if (!fallback) throw InvalidDataError.because("No region given and the store has no default region", ["region_id"])
  return fallback
}

/** A lower-case country code that the region serves. @throws InvalidDataError */
export function countryOfRegion(region: Region, countryCode: string, path: (string | number)[] = ["country_code"]): string {
  const country = countryCode.toLowerCase()
  if (!region.countries.includes(country)) {
    throw InvalidDataError.because(`Country "${country}" is not in region "${region.id}"`, path)
  }
  return country
}
