import { createCart } from "../../../src/flows/create-cart"
import { promotionCodesOf } from "../../../src/flows/promotions"
import { updateCart, updateCartStep } from "../../../src/flows/update-cart"
import { InMemoryGiftCards } from "../../../src/ports/gift-card"
import type { CartDTO } from "../../../src/types/dtos"
import { countStatements } from "../../support/statement-counter"
import { eu, SEED, us, useFlows, v } from "./flow-fixture"

const flows = useFlows()

const deps = () =>
  flows.withHost({
    giftCards: new InMemoryGiftCards([
      { id: "gc_eur", code: "GIFT-10", balance: "10", currency_code: "eur" },
      { id: "gc_eur_5", code: "GIFT-5", balance: "5", currency_code: "eur" },
      { id: "gc_usd", code: "GIFT-USD", balance: "5", currency_code: "usd" },
    ]),
  })

/** What a failed update must leave exactly as it was. */
async function snapshot(cartId: string) {
  const cart = await flows.deps.cart.retrieveCart(cartId, { relations: ["items.adjustments", "credit_lines", "shipping_address"] })
  return {
    version: cart.version,
    region_id: cart.region_id,
    email: cart.email,
    customer_id: cart.customer_id,
    country: cart.shipping_address?.country_code ?? null,
    adjustments: (cart.items ?? []).flatMap((item) => (item.adjustments ?? []).map((adj) => adj.code)),
    credit_lines: (cart.credit_lines ?? []).map((line) => line.reference_id),
    codes: await promotionCodesOf(flows.deps, cartId),
    total: cart.total?.numeric,
  }
}

async function newCart(): Promise<CartDTO> {
  return createCart(deps(), { region_id: eu, items: [{ variant_id: v.teeSmall, quantity: 2 }] })
}

describe("updateCart: every part in one transaction, or nothing (#15)", () => {
  it("writes email, address, discount, gift card and metadata under one lock in one transaction", async () => {
    const cart = await newCart()
    flows.fixture.events.clear()
    const { result, statements } = await countStatements(() =>
      updateCart(deps(), {
        cart_id: cart.id,
        email: "ada@example.com",
        shipping_address: { first_name: "Ada", city: "Paris", country_code: "FR" },
        promotion_codes: [SEED.promotions.tenPercent],
        gift_card_codes: ["GIFT-10"],
        metadata: { note: "gift wrap" },
      }),
    )
    expect(statements.filter((sql) => /^begin/i.test(sql.trim()))).toHaveLength(1)
    const updated = result.cart
    expect(updated).toMatchObject({ email: "ada@example.com", metadata: { note: "gift wrap" } })
    expect(updated.shipping_address?.country_code).toBe("fr")
    expect(updated.items![0]!.adjustments!.map((adj) => [adj.code, Number(adj.amount)])).toEqual([["SAVE10", 5]])
    expect(updated.credit_lines!.map((line) => [line.reference_id, Number(line.amount)])).toEqual([["GIFT-10", 10]])
    expect(updated.total?.numeric).toBe(35) // 2 × 25 − 10 % − 10 gift card
    expect(await promotionCodesOf(flows.deps, cart.id)).toEqual(["SAVE10"])
    const names = flows.fixture.events.events.filter((event) => event.data.id === cart.id).map((event) => event.name)
    expect(names.filter((name) => name === "cart.updated")).toHaveLength(1)
    expect(names).toContain("cart.customer_updated")
  })

  it("an unknown discount code together with a new email changes nothing", async () => {
    const cart = await newCart()
    const before = await snapshot(cart.id)
    await expect(updateCart(deps(), { cart_id: cart.id, email: "new@example.com", promotion_codes: ["NOPE"] })).rejects.toMatchObject({
      type: "invalid_data",
      message: 'Promotion code(s) "NOPE" not found',
    })
    expect(await snapshot(cart.id)).toEqual(before)
  })

  it.each([
    ["a country outside the new region", { region_id: us, shipping_address: { country_code: "fr" } }, "invalid_data"],
    ["an unknown gift card", { email: "x@example.com", gift_card_codes: ["NOPE"] }, "not_found"],
    ["a gift card in another currency", { email: "x@example.com", gift_card_codes: ["GIFT-USD"] }, "not_allowed"],
    ["an unknown sales channel", { email: "x@example.com", sales_channel_id: "sc_nope" }, "not_found"],
    ["a malformed email", { email: "not-an-email", promotion_codes: ["SAVE10"] }, "invalid_data"],
  ])("%s refuses the whole update", async (_what, input, type) => {
    const cart = await newCart()
    const before = await snapshot(cart.id)
    await expect(updateCart(deps(), { cart_id: cart.id, ...input })).rejects.toMatchObject({ type })
    expect(await snapshot(cart.id)).toEqual(before)
  })

  it("checks gift cards against the cart as it will be: a USD card with a move to the US region", async () => {
    const cart = await newCart()
    const { cart: moved, report } = await updateCart(deps(), { cart_id: cart.id, region_id: us, gift_card_codes: ["GIFT-USD"] })
    expect(moved.currency_code).toBe("usd")
    expect(Number(moved.items![0]!.unit_price)).toBe(29)
    expect(moved.credit_lines!.map((line) => [line.reference_id, Number(line.amount)])).toEqual([["GIFT-USD", 5]])
    expect(report.removed_lines).toEqual([])
  })

  it("replaces the cart's gift cards: a card not in the new list is removed, one in it is kept, [] removes them all", async () => {
    const cart = await newCart()
    await updateCart(deps(), { cart_id: cart.id, gift_card_codes: ["GIFT-10"] })
    const { cart: swapped } = await updateCart(deps(), { cart_id: cart.id, gift_card_codes: ["GIFT-5"] })
    expect(swapped.credit_lines!.map((line) => [line.reference_id, Number(line.amount)])).toEqual([["GIFT-5", 5]])
    expect(swapped.total?.numeric).toBe(45)
    const { cart: both } = await updateCart(deps(), { cart_id: cart.id, gift_card_codes: ["gift-5", "GIFT-10"] })
    expect(both.credit_lines!.map((line) => [line.reference_id, Number(line.amount)])).toEqual([
      ["GIFT-5", 5],
      ["GIFT-10", 10],
    ])
    // The card the cart already had keeps its credit line.
    expect(both.credit_lines![0]!.id).toBe(swapped.credit_lines![0]!.id)
    const { cart: none } = await updateCart(deps(), { cart_id: cart.id, gift_card_codes: [] })
    expect(none.credit_lines).toEqual([])
    expect(none.total?.numeric).toBe(50)
  })

  it("an update without gift_card_codes leaves the cart's gift cards as they are", async () => {
    const cart = await newCart()
    await updateCart(deps(), { cart_id: cart.id, gift_card_codes: ["GIFT-10"] })
    const { cart: updated } = await updateCart(deps(), { cart_id: cart.id, email: "ada@example.com" })
    expect(updated.credit_lines!.map((line) => [line.reference_id, Number(line.amount)])).toEqual([["GIFT-10", 10]])
  })

  it("compensation restores the gift cards a replacing list removed", async () => {
    const cart = await newCart()
    await updateCart(deps(), { cart_id: cart.id, gift_card_codes: ["GIFT-10"] })
    const before = await snapshot(cart.id)
    const { compensation } = await updateCartStep.invoke(deps(), { cart_id: cart.id, gift_card_codes: ["GIFT-5"] })
    expect((await snapshot(cart.id)).credit_lines).toEqual(["GIFT-5"])
    await updateCartStep.compensate(deps(), compensation)
    const after = await snapshot(cart.id)
    expect({ ...after, version: before.version }).toEqual(before)
  })

  it("refuses a cart of another customer and attaches a guest cart to the logged-in one", async () => {
    const cart = await newCart()
    const { cart: mine } = await updateCart(deps(), { cart_id: cart.id, customer_id: "cus_ada", email: "ada@example.com" })
    expect(mine.customer_id).toBe("cus_ada")
    const before = await snapshot(cart.id)
    await expect(updateCart(deps(), { cart_id: cart.id, customer_id: "cus_eve", email: "eve@example.com" })).rejects.toMatchObject({
      type: "not_allowed",
    })
    expect(await snapshot(cart.id)).toEqual(before)
  })

  it("an empty code list removes the cart's discounts", async () => {
    const cart = await newCart()
    await updateCart(deps(), { cart_id: cart.id, promotion_codes: ["SAVE10"] })
    const { cart: cleared } = await updateCart(deps(), { cart_id: cart.id, promotion_codes: [] })
    expect(cleared.items![0]!.adjustments).toEqual([])
    expect(await promotionCodesOf(flows.deps, cart.id)).toEqual([])
  })

  it("compensation puts fields, codes and metadata back and removes the gift card it added", async () => {
    const cart = await newCart()
    const before = await snapshot(cart.id)
    const { compensation } = await updateCartStep.invoke(deps(), {
      cart_id: cart.id,
      email: "ada@example.com",
      region_id: us,
      promotion_codes: ["SAVE10"],
      gift_card_codes: ["GIFT-USD"],
      metadata: { note: "x" },
    })
    await updateCartStep.compensate(deps(), compensation)
    const after = await snapshot(cart.id)
    expect({ ...after, version: before.version }).toEqual(before)
    const restored = await flows.deps.cart.retrieveCart(cart.id, { select: ["id", "metadata", "currency_code"] })
    expect(restored.currency_code).toBe("eur")
    expect(restored.metadata ?? {}).not.toHaveProperty("note")
  })
})
