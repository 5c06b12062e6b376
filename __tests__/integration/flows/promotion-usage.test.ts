import { applyPromotionCodes } from "../../../src/flows/promotions"
import { completeCartStep } from "../../../src/flows/complete-cart"
import { createCart } from "../../../src/flows/create-cart"
import { initializePaymentSessions, selectPaymentSession } from "../../../src/flows/payment-sessions"
import type { PromotionPort, PromotionUsage } from "../../../src/ports/promotion"
import { SEED, startFlows } from "./flow-fixture"
import type { FlowFixture } from "./flow-fixture"

jest.setTimeout(60_000)

let flows: FlowFixture
beforeAll(async () => {
  flows = await startFlows()
}, 120_000)
afterAll(() => flows.close())

/** The seeded promotions, plus a ledger of the usage the flows register and revert. */
function countingPromotions(inner: PromotionPort) {
  const ledger: { action: "register" | "revert"; usage: PromotionUsage }[] = []
  const port: PromotionPort = {
    computeAdjustments: (cart, codes) => inner.computeAdjustments(cart, codes),
    registerUsage: async (usage) => void ledger.push({ action: "register", usage }),
    revertUsage: async (usage) => void ledger.push({ action: "revert", usage }),
  }
  return { port, ledger }
}

async function discountedPayableCart(promotions: PromotionPort) {
  const deps = { ...flows.deps, promotions }
  const cart = await createCart(deps, { region_id: SEED.regions.eu, email: "ada@example.com", items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }] })
  await applyPromotionCodes(deps, { cart_id: cart.id, codes: [SEED.promotions.tenPercent] })
  await initializePaymentSessions(deps, { cart_id: cart.id })
  await selectPaymentSession(deps, { cart_id: cart.id, provider_id: "manual" })
  return { deps, cart }
}

describe("promotion usage at completion", () => {
  it("registers each coded adjustment's amount when the cart completes, and reverts it when the completion is undone", async () => {
    const { port, ledger } = countingPromotions(flows.deps.promotions)
    const { deps, cart } = await discountedPayableCart(port)
    const { compensation } = await completeCartStep.invoke(deps, { cart_id: cart.id, authorize_payment: true })
    const registered = { cart_id: cart.id, customer_id: null, email: "ada@example.com", adjustments: [{ code: SEED.promotions.tenPercent, amount: "5" }] }
    expect(ledger).toEqual([{ action: "register", usage: registered }])
    await completeCartStep.compensate(deps, compensation)
    expect(ledger).toEqual([
      { action: "register", usage: registered },
      { action: "revert", usage: registered },
    ])
  })

  it("gives the usage back when the completion fails after registering it", async () => {
    const { port, ledger } = countingPromotions(flows.deps.promotions)
    const { deps, cart } = await discountedPayableCart(port)
    // The cart module fails the write that marks the cart completed, after the usage was registered.
    const failingCart: typeof deps.cart = Object.create(deps.cart)
    failingCart.updateCarts = ((...args: Parameters<typeof deps.cart.updateCarts>) => {
      const [, data] = args
      if (data && typeof data === "object" && "completed_at" in data) return Promise.reject(new Error("disk full"))
      return deps.cart.updateCarts(...args)
    }) as typeof deps.cart.updateCarts
    await expect(completeCartStep.invoke({ ...deps, cart: failingCart }, { cart_id: cart.id, authorize_payment: true })).rejects.toThrow("disk full")
    expect(ledger.map((entry) => entry.action)).toEqual(["register", "revert"])
  })

  it("registers nothing for a cart without coded adjustments, and works with a port that does not count usage", async () => {
    const { port, ledger } = countingPromotions(flows.deps.promotions)
    const deps = { ...flows.deps, promotions: port }
    const cart = await createCart(deps, { region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    await initializePaymentSessions(deps, { cart_id: cart.id })
    await selectPaymentSession(deps, { cart_id: cart.id, provider_id: "manual" })
    await completeCartStep.invoke(deps, { cart_id: cart.id, authorize_payment: true })
    expect(ledger).toEqual([])
    const plain = await discountedPayableCart(flows.deps.promotions)
    await expect(completeCartStep.invoke(plain.deps, { cart_id: plain.cart.id, authorize_payment: true })).resolves.toMatchObject({ output: { replayed: false } })
  })
})
