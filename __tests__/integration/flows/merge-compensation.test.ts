import { createCart } from "../../../src/flows/create-cart"
import { mergeCartsStep } from "../../../src/flows/merge-carts"
import type { MergeStrategy } from "../../../src/flows/merge-carts"
import { eu, guestAndCustomerCarts, useFlows, v, vipPricing } from "./flow-fixture"

const flows = useFlows()

/** The seeded host with the `vip` group's prices, so a merge reprices lines for the customer. */
const shop = () => flows.withHost({ pricing: vipPricing() })

async function stateOf(cartId: string) {
  const [cart] = await flows.deps.cart.listCarts({ id: cartId }, { relations: ["items"] })
  if (!cart) return null
  return {
    customer_id: cart.customer_id,
    items: (cart.items ?? []).map((item) => [item.id, item.variant_id, item.quantity, item.unit_price]),
  }
}

describe("mergeCartsStep compensation (#15)", () => {
  it.each<MergeStrategy>(["keep_guest", "keep_customer", "merge_lines"])(
    "%s: undo brings both carts back as they were",
    async (strategy) => {
      const deps = shop()
      const { guest, mine } = await guestAndCustomerCarts(deps)
      const before = { guest: await stateOf(guest.id), mine: await stateOf(mine.id) }

      const { output, compensation } = await mergeCartsStep.invoke(deps, {
        guest_cart_id: guest.id,
        customer_cart_id: mine.id,
        customer_id: "cus_vip",
        strategy,
      })
      expect(await stateOf(output.deleted_cart_id)).toBeNull()
      await mergeCartsStep.compensate(deps, compensation)

      expect(await stateOf(guest.id)).toEqual(before.guest)
      expect(await stateOf(mine.id)).toEqual(before.mine)
    },
  )

  it("keep_guest emits cart.customer_transferred for the guest cart after commit", async () => {
    const deps = shop()
    const guest = await createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 1 }] })
    const mine = await createCart(deps, { region_id: eu, customer_id: "cus_vip" })
    flows.fixture.events.clear()
    await mergeCartsStep.invoke(deps, {
      guest_cart_id: guest.id,
      customer_cart_id: mine.id,
      customer_id: "cus_vip",
      strategy: "keep_guest",
    })
    const transferred = flows.fixture.events.events.filter((event) => event.name === "cart.customer_transferred")
    expect(transferred.map((event) => event.data)).toEqual([{ id: guest.id, customer_id: "cus_vip" }])
  })
})
