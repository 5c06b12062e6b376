/**
 * Type test: the facade against Medusa's `ICartModuleService` (@medusajs/types 2.21, a dev dependency).
 * Type-checked by `npm run typecheck`; nothing here runs.
 *
 * This checks the facade's own (truthful) types against Medusa's, with Medusa's declarations widened to what its
 * module really returns; medusa-plain-assignability.test-d.ts checks that `cartwright/medusa`'s service, typed as
 * Medusa declares, is plainly assignable. Why the facade itself is not:
 *
 * 1. Returned DTOs. Medusa types nullable columns as `field?: string` (its module returns `null` for them at runtime
 *    all the same) and declares totals and back-relations (`total`, `raw_*`, `item.cart`, `tax_line.item`) as always
 *    present, while they are only there when `select`/`relations` ask for them. Our DTOs say `string | null` and
 *    optional. So returns are compared against `MedusaReturn<T>`: Medusa's DTO with `null` added to every field and
 *    the on-demand keys optional. Two more documented widenings: a returned BigNumber's `bigNumber` is a decimal.js
 *    `Decimal` (Medusa: bignumber.js), and a shipping method's `description` is a JSON column (Medusa's model
 *    stores json too; its DTO says `string`). Parameters are compared exactly as Medusa declares them.
 * 2. Omitted members (see `DIFFERS`), each for a reason below; everything else must match.
 */
import type { CartShippingMethodDTO, IBigNumber, ICartModuleService } from "@medusajs/types"
import type { Overloads, UnionToIntersection } from "../../src/medusa/medusa-contract"
import type { CartModuleService } from "../../src/service/cart-module-service"

/** Keys present only when asked for: totals, raw twins and back-relations. */
type OnDemand = "cart" | "item" | "shipping_method" | `${string}total` | `${string}subtotal` | `raw_${string}`

type MedusaObject<T> = { [K in keyof T as K extends OnDemand ? K : never]?: MedusaReturn<T[K]> | null } & {
  [K in keyof T as K extends OnDemand ? never : K]: MedusaReturn<T[K]> | null
}

/** Medusa's returned DTO as its runtime really shapes it (see 1. above). */
type MedusaReturn<T> = T extends Date | string | number | boolean | null | undefined
  ? T | null
  : T extends IBigNumber
    ? Omit<IBigNumber, "bigNumber">
    : T extends ((...a: never[]) => unknown) | { toJSON(): unknown }
      ? T
      : T extends readonly (infer E)[]
        ? MedusaReturn<E>[]
        : T extends CartShippingMethodDTO
          ? MedusaObject<Omit<T, "description">> & { description?: unknown }
          : T extends object
            ? MedusaObject<T>
            : T

type WithMedusaReturn<S> = S extends (...a: infer A) => Promise<infer R> ? (...a: A) => Promise<MedusaReturn<R>> : S
type Method<F> = UnionToIntersection<WithMedusaReturn<Overloads<F>>>

/**
 * The one member whose declaration differs from what Medusa's module does: `addShippingMethods(oneObject)` is
 * declared to return one method, yet @medusajs/cart 2.21 returns a list (as ours does). `cartwright/medusa`'s
 * typing (src/medusa/medusa-contract.ts) repeats Medusa's declaration; the facade keeps the truth.
 */
type DIFFERS = "addShippingMethods"

/** Medusa's contract minus the documented differences, with returns compared as `MedusaReturn`. */
type MedusaContract = {
  [K in Exclude<keyof ICartModuleService, DIFFERS | "__joinerConfig" | "__hooks">]: Method<ICartModuleService[K]>
}

declare const service: CartModuleService
/** The facade is usable wherever Medusa's cart module is, for every member not listed in `DIFFERS`. */
export const asMedusa: MedusaContract = service
