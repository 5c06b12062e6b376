import { addToCart } from "../../../src/flows/add-to-cart"
import { createCart } from "../../../src/flows/create-cart"
import { addShippingMethod } from "../../../src/flows/shipping"
import { transferCart } from "../../../src/flows/transfer-cart"
import { updateEmail } from "../../../src/flows/update-cart-details"
import { removeLineItem, updateLineItemQuantity } from "../../../src/flows/update-line-item"
import { updateRegion } from "../../../src/flows/update-region"
import { cartWorkflowEvent } from "../../../src/events/cart-events"
import { eu, SEED, us, useFlows, v } from "./flow-fixture"

const flows = useFlows()

/** The cart-level events (Medusa's `CartWorkflowEvents` names) recorded since the last clear, as [name, data]. */
function cartEvents(cartId: string): [string, unknown][] {
  return flows.fixture.events.events
    .filter((event) => /^cart\.[a-z_]+$/.test(event.name) && event.data.id === cartId)
    .map((event) => [event.name, event.data])
}

async function freshCart() {
  const cart = await createCart(flows.deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 1 }] })
  flows.fixture.events.clear()
  return cart
}

describe("Medusa's cart workflow events, emitted by the flows after commit", () => {
  it("createCart: one cart.created with the cart id", async () => {
    flows.fixture.events.clear()
    const cart = await createCart(flows.deps, { region_id: eu })
    expect(cartEvents(cart.id)).toEqual([["cart.created", expect.objectContaining({ id: cart.id })]])
  })

  it("updateRegion: cart.updated and cart.region_updated ({ id }); the same region again: no region_updated", async () => {
    const cart = await freshCart()
    await updateRegion(flows.deps, { cart_id: cart.id, region_id: us })
    const names = cartEvents(cart.id).map(([name]) => name)
    expect(names).toContain("cart.updated")
    expect(cartEvents(cart.id).filter(([name]) => name === "cart.region_updated")).toEqual([["cart.region_updated", { id: cart.id }]])
    flows.fixture.events.clear()
    await updateRegion(flows.deps, { cart_id: cart.id, region_id: us })
    expect(cartEvents(cart.id).map(([name]) => name)).not.toContain("cart.region_updated")
  })

  it("updateEmail: cart.customer_updated ({ id })", async () => {
    const cart = await freshCart()
    await updateEmail(flows.deps, { cart_id: cart.id, email: "ada@example.com" })
    expect(cartEvents(cart.id).filter(([name]) => name === "cart.customer_updated")).toEqual([["cart.customer_updated", { id: cart.id }]])
  })

  it("transferCart: cart.customer_transferred ({ id, customer_id }), not customer_updated", async () => {
    const cart = await freshCart()
    await transferCart(flows.deps, { cart_id: cart.id, customer_id: "cus_ada", email: "ada@example.com" })
    const names = cartEvents(cart.id).map(([name]) => name)
    expect(names).not.toContain("cart.customer_updated")
    expect(cartEvents(cart.id).filter(([name]) => name === "cart.customer_transferred")).toEqual([
      ["cart.customer_transferred", { id: cart.id, customer_id: "cus_ada" }],
    ])
  })

  it("line and shipping flows: exactly one cart.updated each, as Medusa's add-to-cart, update-line-item, delete-line-items and add-shipping-method workflows", async () => {
    const cart = await freshCart()
    const count = () => cartEvents(cart.id).filter(([name]) => name === "cart.updated").length
    await addToCart(flows.deps, { cart_id: cart.id, variant_id: v.teeSmall, quantity: 1 })
    expect(count()).toBe(1)
    const withLines = await updateLineItemQuantity(flows.deps, { cart_id: cart.id, line_id: cart.items![0]!.id, quantity: 2 })
    expect(count()).toBe(2)
    await removeLineItem(flows.deps, { cart_id: cart.id, line_id: withLines.items!.find((item) => item.variant_id === v.teeSmall)!.id })
    expect(count()).toBe(3)
    await addShippingMethod(flows.deps, { cart_id: cart.id, option_id: SEED.shippingOptions.euStandard })
    expect(count()).toBe(4)
  })

  it("emitEvents publishes nothing when the transaction rolls back, and after commit otherwise", async () => {
    const service = flows.deps.cart
    flows.fixture.events.clear()
    const event = cartWorkflowEvent("cart.region_updated", { id: "cart_x" })
    await expect(
      service.transaction(async (ctx) => {
        await service.emitEvents([event], ctx)
        throw new Error("abort")
      }),
    ).rejects.toThrow("abort")
    expect(flows.fixture.events.events).toEqual([])
    await service.transaction(async (ctx) => {
      await service.emitEvents([event], ctx)
      expect(flows.fixture.events.events).toEqual([])
    })
    expect(flows.fixture.events.events).toEqual([event])
  })
})
