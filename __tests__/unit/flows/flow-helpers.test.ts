import { sameMetadata } from "../../../src/flows/add-to-cart"
import { asFlow } from "../../../src/flows/flow-step"
import type { FlowStep } from "../../../src/flows/flow-step"
import { GIFT_CARD_REFERENCE, giftCardTotals } from "../../../src/flows/gift-card-totals"
import { selectedSessionOf } from "../../../src/flows/payment-sessions"
import { previousOf } from "../../../src/flows/refresh-cart"
import { BigNumber } from "../../../src/money/big-number"
import type { CartDTO } from "../../../src/types/dtos"

describe("sameMetadata", () => {
  it("treats null, absent and {} as the same", () => {
    expect(sameMetadata(null, undefined)).toBe(true)
    expect(sameMetadata({}, null)).toBe(true)
  })

  it("ignores key order, also in nested objects", () => {
    expect(sameMetadata({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true)
  })

  it("tells different values and array orders apart", () => {
    expect(sameMetadata({ a: 1 }, { a: "1" })).toBe(false)
    expect(sameMetadata({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(sameMetadata({ a: 1 }, {})).toBe(false)
  })
})

describe("asFlow", () => {
  it("returns the step's output and drops its compensation data", async () => {
    const step: FlowStep<{ base: number }, number, number, string> = {
      name: "add",
      invoke: async (deps, input) => ({ output: deps.base + input, compensation: "undo" }),
      compensate: async () => undefined,
    }
    await expect(asFlow(step)({ base: 40 }, 2)).resolves.toBe(42)
  })
})

describe("selectedSessionOf", () => {
  const session = {
    id: "s1",
    cart_id: "c",
    provider_id: "manual",
    amount: "10",
    currency_code: "eur",
    status: "pending" as const,
    data: {},
    is_selected: false,
  }

  it("picks the session marked selected, and none when none is", () => {
    expect(selectedSessionOf([session, { ...session, provider_id: "card", is_selected: true }])?.provider_id).toBe("card")
    expect(selectedSessionOf([session])).toBeUndefined()
  })
})

describe("giftCardTotals", () => {
  const line = (reference: string, amount: string) => ({
    id: amount,
    cart_id: "c",
    reference,
    reference_id: "GC",
    amount: Number(amount),
    raw_amount: { value: amount, precision: 20 },
    metadata: null,
    created_at: new Date(),
    updated_at: new Date(),
    deleted_at: null,
  })
  const cart = {
    credit_lines: [line(GIFT_CARD_REFERENCE, "30.10"), line("refund", "5")],
    tax_total: new BigNumber("20"),
    total: new BigNumber("84.90"),
    credit_line_total: new BigNumber("35.10"),
  }

  it("sums gift card credit lines only, exactly", () => {
    expect(giftCardTotals(cart).gift_card_total.toFixed()).toBe("30.1")
    expect(giftCardTotals(cart).gift_card_tax_total.toFixed()).toBe("0")
  })

  it("gives the tax share the cards cover when gift cards are taxable", () => {
    // 30.10 of a 120 total carrying 20 tax covers 30.10 × 20 / 120 of tax.
    expect(giftCardTotals(cart, { taxable: true }).gift_card_tax_total.toFixed(4)).toBe("5.0167")
  })
})

describe("previousOf", () => {
  const cart = {
    id: "cart_1",
    region_id: "reg_eu",
    currency_code: "eur",
    email: null,
    customer_id: "cus_1",
    shipping_address: { id: "caaddr_1", city: "Paris", country_code: "fr", created_at: new Date(0) },
  } as unknown as CartDTO

  it("reads, for exactly the fields the patch names, their values on the cart now", () => {
    expect(previousOf(cart, { region_id: "reg_us", currency_code: "usd", email: "ada@example.com", sales_channel_id: "sc_1" })).toEqual({
      region_id: "reg_eu",
      currency_code: "eur",
      email: null,
      sales_channel_id: null,
    })
  })

  it("copies an address without its id (a write makes a fresh copy), and a missing one as null", () => {
    expect(previousOf(cart, { shipping_address: null, billing_address: { city: "Lyon" } })).toEqual({
      shipping_address: { city: "Paris", country_code: "fr" },
      billing_address: null,
    })
  })

  it("is empty for no patch", () => {
    expect(previousOf(cart, undefined)).toEqual({})
  })
})
