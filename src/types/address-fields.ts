import type { AddressFieldsDTO } from "./dtos"

/** The fields of an address a copy carries (to an order, or back onto a cart): no ids, owner or timestamps. */
export const ADDRESS_FIELDS = [
  "company",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
  "metadata",
] as const satisfies readonly (keyof AddressFieldsDTO)[]
