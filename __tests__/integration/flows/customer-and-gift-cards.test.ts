import { addShippingMethod } from "../../../src/flows/shipping"
import { completeCartStep } from "../../../src/flows/complete-cart"
import { createCart } from "../../../src/flows/create-cart"
import { applyGiftCard, removeGiftCard } from "../../../src/flows/gift-cards"
import { giftCardTotals } from "../../../src/flows/gift-card-totals"
import { mergeCarts } from "../../../src/flows/merge-carts"
import type { MergeStrategy } from "../../../src/flows/merge-carts"
import { initializePaymentSessions } from "../../../src/flows/payment-sessions"
import { transferCart } from "../../../src/flows/transfer-cart"
import { updateLineItemQuantity } from "../../../src/flows/update-line-item"
import { InMemoryGiftCards } from "../../../src/ports/gift-card"
import { InMemoryInventory } from "../../../src/ports/inventory"
import { eu, guestAndCustomerCarts, SEED, useFlows, v, vipPricing } from "./flow-fixture"

const flows = useFlows()

const shop = () =>
  flows.withHost({
    pricing: vipPricing(),
    giftCards: new InMemoryGiftCards([
      { id: "gc_1", code: "GIFT-30", balance: "30", currency_code: "eur" },
      { id: "gc_2", code: "GIFT-USD", balance: "30", currency_code: "usd" },
    ]),
    inventory: new InMemoryInventory([{ variant_id: v.mug, quantity: 10 }]),
  })

describe("gift cards (#15)", () => {
  it("applies a card as a credit line that follows the total and derives v1's gift_card_total", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 2 }] })
    const applied = await applyGiftCard(deps, { cart_id: cart.id, code: "gift-30" })
    expect(applied.credit_lines?.map((line) => [line.reference, line.reference_id, Number(line.amount)])).toEqual([
      ["gift_card", "GIFT-30", 25],
    ])
    expect(applied.total?.numeric).toBe(0)
    const grown = await updateLineItemQuantity(deps, { cart_id: cart.id, line_id: cart.items![0]!.id, quantity: 4 })
    expect(grown.credit_lines?.map((line) => Number(line.amount))).toEqual([30])
    expect(grown.total?.numeric).toBe(20)
    expect(giftCardTotals(grown).gift_card_total.toFixed()).toBe("30")
    await expect(applyGiftCard(deps, { cart_id: cart.id, code: "NOPE" })).rejects.toMatchObject({ type: "not_found" })
    await expect(applyGiftCard(deps, { cart_id: cart.id, code: "GIFT-USD" })).rejects.toMatchObject({ type: "not_allowed" })
    expect((await removeGiftCard(deps, { cart_id: cart.id, code: "GIFT-30" })).credit_lines).toEqual([])
  })

  it("redeems the applied amount and reserves stock at completion; the compensation gives both back", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, country_code: "fr", items: [{ variant_id: v.mug, quantity: 4 }] })
    await addShippingMethod(deps, { cart_id: cart.id, option_id: SEED.shippingOptions.euStandard })
    await applyGiftCard(deps, { cart_id: cart.id, code: "GIFT-30" })
    await initializePaymentSessions(deps, { cart_id: cart.id })
    const { output, compensation } = await completeCartStep.invoke(deps, { cart_id: cart.id, authorize_payment: true })
    expect(output.order.total).toBe("25")
    expect(deps.giftCards.balanceOf("gc_1")).toBe("0")
    expect((await deps.inventory.availability([v.mug], null))[0]?.available).toBe(6)
    await completeCartStep.compensate(deps, compensation)
    expect(deps.giftCards.balanceOf("gc_1")).toBe("30")
    expect((await deps.inventory.availability([v.mug], null))[0]?.available).toBe(10)
    expect((await deps.cart.retrieveCart(cart.id)).completed_at).toBeNull()
  })

  it("refuses to complete when a card's balance was spent elsewhere meanwhile, redeeming and reserving nothing", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 2 }] })
    await applyGiftCard(deps, { cart_id: cart.id, code: "GIFT-30" })
    await initializePaymentSessions(deps, { cart_id: cart.id })
    await deps.giftCards.redeem("gc_1", "10", { cart_id: "cart_other" })
    await expect(completeCartStep.invoke(deps, { cart_id: cart.id, authorize_payment: true })).rejects.toMatchObject({
      type: "not_allowed",
    })
    expect(deps.giftCards.balanceOf("gc_1")).toBe("20")
    expect(deps.inventory.reservations.size).toBe(0)
  })
})

describe("transferCart (#15)", () => {
  it("attaches a guest cart to the customer and re-prices for the customer's group", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, items: [{ variant_id: v.teeSmall, quantity: 1 }] })
    const transferred = await transferCart(deps, { cart_id: cart.id, customer_id: "cus_vip", email: "vip@example.com" })
    expect(transferred).toMatchObject({ customer_id: "cus_vip", email: "vip@example.com", items: [{ raw_unit_price: { value: "20" } }] })
  })

  it("refuses a cart that belongs to another customer and changes nothing", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, customer_id: "cus_alice" })
    await expect(transferCart(deps, { cart_id: cart.id, customer_id: "cus_mallory" })).rejects.toMatchObject({ type: "not_allowed" })
    expect((await deps.cart.retrieveCart(cart.id)).customer_id).toBe("cus_alice")
  })
})

describe("mergeCarts (#15)", () => {
  async function pair() {
    const deps = shop()
    return { deps, ...(await guestAndCustomerCarts(deps)) }
  }

  /** Merges the guest cart into `cus_vip`'s with `strategy`. */
  async function merged(strategy: MergeStrategy) {
    const { deps, guest, mine } = await pair()
    const result = await mergeCarts(deps, { guest_cart_id: guest.id, customer_cart_id: mine.id, customer_id: "cus_vip", strategy })
    return { deps, guest, mine, result }
  }

  it("keep_guest: the guest cart becomes the customer's and the old one is deleted", async () => {
    const { deps, guest, mine, result } = await merged("keep_guest")
    expect(result.cart).toMatchObject({ id: guest.id, customer_id: "cus_vip" })
    expect(result.cart.items?.map((item) => [item.variant_id, item.quantity, Number(item.unit_price)])).toEqual([
      [v.teeSmall, 2, 20],
      [v.mug, 1, 12.5],
    ])
    await expect(deps.cart.retrieveCart(mine.id)).rejects.toMatchObject({ type: "not_found" })
  })

  it("keep_customer: the customer's cart stays as it was and the guest cart is deleted", async () => {
    const { deps, guest, result } = await merged("keep_customer")
    expect(result.cart.items?.map((item) => [item.variant_id, item.quantity])).toEqual([
      [v.teeSmall, 1],
      [v.teeMedium, 1],
    ])
    await expect(deps.cart.retrieveCart(guest.id)).rejects.toMatchObject({ type: "not_found" })
  })

  it("merge_lines: same variant and metadata add up, other lines move, everything is re-priced", async () => {
    const { guest, mine, result } = await merged("merge_lines")
    expect(result.cart.id).toBe(mine.id)
    expect(result.cart.items?.map((item) => [item.variant_id, item.quantity, Number(item.unit_price)])).toEqual([
      [v.teeSmall, 3, 20],
      [v.teeMedium, 1, 25],
      [v.mug, 1, 12.5],
    ])
    expect(result.deleted_cart_id).toBe(guest.id)
  })

  it("refuses a guest cart of another customer, or a target cart that is not the customer's", async () => {
    const { deps, guest, mine } = await pair()
    const foreign = await createCart(deps, { region_id: eu, customer_id: "cus_alice" })
    await expect(
      mergeCarts(deps, { guest_cart_id: foreign.id, customer_cart_id: mine.id, customer_id: "cus_vip", strategy: "merge_lines" }),
    ).rejects.toMatchObject({ type: "not_allowed" })
    await expect(
      mergeCarts(deps, { guest_cart_id: guest.id, customer_cart_id: foreign.id, customer_id: "cus_vip", strategy: "merge_lines" }),
    ).rejects.toMatchObject({ type: "not_allowed" })
    expect((await deps.cart.retrieveCart(guest.id, { relations: ["items"] })).items).toHaveLength(2)
  })
})
