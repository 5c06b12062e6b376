import { seedHost, SEED } from "../../../examples/storefront/seed"
import type { SeededHost } from "../../../examples/storefront/seed"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import { startCartModule } from "../../support/cart-module-fixture"
import type { CartModuleFixture } from "../../support/cart-module-fixture"

/** Flow dependencies over a fresh database and the seeded in-memory host. */
export interface FlowFixture {
  deps: FlowDeps & SeededHost
  fixture: CartModuleFixture
  close(): Promise<void>
}

/** Starts a cart module on its own database and wires the seeded host ports around it. */
export async function startFlows(options: { declinePaymentsAbove?: number } = {}): Promise<FlowFixture> {
  const fixture = await startCartModule()
  const deps = { ...seedHost(options), cart: fixture.module.service }
  return { deps, fixture, close: () => fixture.close() }
}

export { SEED }
