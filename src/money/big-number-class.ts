import type { BigNumber } from "./big-number"

/** A total's exact raw form: a plain decimal string and the precision Medusa records (20). */
export type ExactRawValue = { value: string; precision: number }

/**
 * A class shaped like Medusa's `BigNumber` (`@medusajs/framework/utils`): built from a raw `{ value, precision }`,
 * with `numeric`, `raw`, `toJSON()` and `valueOf()`. Totals come back as its instances when one is given
 * (inside a Medusa app: Medusa's own class, so that Medusa's `instanceof BigNumber` checks hold).
 */
export type BigNumberClass = new (raw: ExactRawValue) => object

/** Builds the value a total is returned as, from its exact raw form. */
export type BigNumberFactory = (raw: ExactRawValue) => BigNumber

/**
 * Wraps a host class as a factory. Its instances have our BigNumber's public surface except `bigNumber`
 * (Medusa's returns a bignumber.js value), which is why the declared type stays ours.
 */
export function bigNumberFactory(host: BigNumberClass): BigNumberFactory {
  return (raw) => new host(raw) as BigNumber
}
