import { applyPromotionCodes } from "../../../src/flows/promotions"
import { completeCartStep } from "../../../src/flows/complete-cart"
import { createCart } from "../../../src/flows/create-cart"
import { initializePaymentSessions, selectPaymentSession } from "../../../src/flows/payment-sessions"
import type { PromotionPort, PromotionUsage } from "../../../src/ports/promotion"
import { SEED, useFlows } from "./flow-fixture"

jest.setTimeout(60_000)

const flows = useFlows()

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
  const cart = await createCart(deps, {
    region_id: SEED.regions.eu,
    email: "ada@example.com",
    items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }],
  })
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
    const registered = {
      cart_id: cart.id,
      customer_id: null,
      email: "ada@example.com",
      adjustments: [{ code: SEED.promotions.tenPercent, amount: "5" }],
    }
    expect(ledger).toEqual([{ action: "register", usage: registered }])
    await completeCartStep.compensate(deps, compensation)
    expect(ledger).toEqual([
      { action: "register", usage: registered },
      { action: "revert", usage: registered },
    ])
  })

  it("undoes the completion when the promotion port refuses the usage", async () => {
    const { port } = countingPromotions(flows.deps.promotions)
    const refusing: PromotionPort = { ...port, registerUsage: () => Promise.reject(new Error("limit reached")) }
    const { deps, cart } = await discountedPayableCart(refusing)
    await expect(completeCartStep.invoke(deps, { cart_id: cart.id, authorize_payment: true })).rejects.toThrow("limit reached")
    const reopened = await deps.cart.retrieveCart(cart.id, { select: ["id", "completed_at"] })
    expect(reopened.completed_at).toBeNull()
    expect([...deps.orders.orders.values()].filter((order) => order.cart_id === cart.id)).toEqual([])
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
    await expect(completeCartStep.invoke(plain.deps, { cart_id: plain.cart.id, authorize_payment: true })).resolves.toMatchObject({
      output: { replayed: false },
    })
  })
})
