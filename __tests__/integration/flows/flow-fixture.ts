import { seedHost, SEED } from "../../../examples/storefront/seed"
import type { SeededHost } from "../../../examples/storefront/seed"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import { InMemoryPricing } from "../../../src/ports/pricing"
import { startCartModule } from "../../support/cart-module-fixture"
import { closeIt, useStarted } from "../../support/use-started"
import type { CartModuleFixture } from "../../support/cart-module-fixture"

/** Flow dependencies over a fresh database and the seeded in-memory host. */
export interface FlowFixture {
  readonly deps: FlowDeps & SeededHost
  readonly fixture: CartModuleFixture
}

/** Options of the seeded host the flows run against. */
export interface FlowOptions {
  declinePaymentsAbove?: number
}

/** Starts a cart module on its own database and wires the seeded host ports around it; `close()` it in `afterAll`. */
export async function startFlows(options: FlowOptions = {}): Promise<FlowFixture & { close(): Promise<void> }> {
  const fixture = await startCartModule()
  const deps = { ...seedHost(options), cart: fixture.module.service }
  return { deps, fixture, close: () => fixture.close() }
}

/** Registers the hooks that start the flows for this file and close them after its last test. */
export function useFlows(options: FlowOptions = {}): FlowFixture {
  const current = useStarted("useFlows()", () => startFlows(options), closeIt)
  return {
    get deps() {
      return current().deps
    },
    get fixture() {
      return current().fixture
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

export { SEED }
