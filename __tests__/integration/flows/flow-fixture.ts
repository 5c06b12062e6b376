import { seedHost, SEED } from "../../../examples/storefront/seed"
import type { SeededHost } from "../../../examples/storefront/seed"
import { createCart } from "../../../src/flows/create-cart"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import { InMemoryPricing } from "../../../src/ports/pricing"
import { useCartModule } from "../../support/cart-module-fixture"
import type { SharedCartModule } from "../../support/cart-module-fixture"

/** Flow dependencies over a fresh database and the seeded in-memory host. */
export interface FlowFixture {
  readonly deps: FlowDeps & SeededHost
  readonly fixture: SharedCartModule
  /** The seeded host with some of its providers replaced, for a file whose cases need other prices, stock or options. */
  withHost<Overrides extends Partial<FlowDeps & SeededHost>>(overrides: Overrides): FlowDeps & SeededHost & Overrides
}

/** Starts a cart module for this file and wires one seeded in-memory host around it. */
export function useFlows(options: { declinePaymentsAbove?: number } = {}): FlowFixture {
  const fixture = useCartModule()
  let deps: (FlowDeps & SeededHost) | undefined
  return {
    fixture,
    // Seeded on first use, once the module is up: the host's in-memory state lives as long as the file.
    get deps() {
      deps ??= { ...seedHost(options), cart: fixture.service }
      return deps
    },
    withHost(overrides) {
      return { ...this.deps, ...overrides }
    },
  }
}

/** Euro prices where the small tee costs less for the `vip` group, which `cus_vip` belongs to. */
export function vipPricing(): InMemoryPricing {
  const v = SEED.variants
  return new InMemoryPricing(
    [
      { variant_id: v.teeSmall, currency_code: "eur", amount: 25 },
      { variant_id: v.teeSmall, currency_code: "eur", amount: 20, customer_group_id: "vip" },
      { variant_id: v.mug, currency_code: "eur", amount: "12.50" },
      { variant_id: v.teeMedium, currency_code: "eur", amount: 25 },
    ],
    { cus_vip: ["vip"] },
  )
}

/** A guest's cart (two small tees, a mug) and `cus_vip`'s own (a small and a medium tee), as a merge meets them. */
export async function guestAndCustomerCarts(deps: FlowDeps) {
  const v = SEED.variants
  const guest = await createCart(deps, {
    region_id: SEED.regions.eu,
    items: [
      { variant_id: v.teeSmall, quantity: 2 },
      { variant_id: v.mug, quantity: 1 },
    ],
  })
  const mine = await createCart(deps, {
    region_id: SEED.regions.eu,
    customer_id: "cus_vip",
    items: [
      { variant_id: v.teeSmall, quantity: 1 },
      { variant_id: v.teeMedium, quantity: 1 },
    ],
  })
  return { guest, mine }
}

export { SEED }

/** The seeded variants' ids, under the short name every flow case uses for them. */
export const v = SEED.variants

/** The seeded regions' ids. */
export const { eu, us } = SEED.regions
