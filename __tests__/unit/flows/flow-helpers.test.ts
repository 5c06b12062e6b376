import { sameMetadata } from "../../../src/flows/add-to-cart"
import { asFlow } from "../../../src/flows/flow-step"
import type { FlowStep } from "../../../src/flows/flow-step"
import { paymentSessionsOf, selectedSessionOf } from "../../../src/flows/payment-sessions"
import { promotionCodesOf } from "../../../src/flows/promotions"

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

describe("cart metadata readers", () => {
  const session = { id: "s1", provider_id: "manual", amount: 10, currency_code: "eur", status: "pending" as const, data: {}, is_selected: false }

  it("reads payment sessions and picks the only one as selected", () => {
    expect(paymentSessionsOf({ metadata: null })).toEqual([])
    expect(selectedSessionOf({ metadata: { payment_sessions: [session] } })).toEqual(session)
    expect(selectedSessionOf({ metadata: { payment_sessions: [session, { ...session, provider_id: "card" }] } })).toBeUndefined()
  })

  it("reads promotion codes and ignores anything that is not a string", () => {
    expect(promotionCodesOf({ metadata: { promotion_codes: ["A", 1, "B"] } })).toEqual(["A", "B"])
    expect(promotionCodesOf({ metadata: { promotion_codes: "A" } })).toEqual([])
  })
})
