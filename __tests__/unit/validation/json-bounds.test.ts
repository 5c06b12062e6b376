import fc from "fast-check"
import { findNul, hasNul } from "../../../src/validation/json-bounds"

describe("hasNul", () => {
  const withNul = fc.string().map((text) => `${text}\u0000`)
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, fc.string(), withNul, fc.integer(), fc.constant(null), tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.dictionary(fc.oneof(fc.string(), withNul), tie("value"), { maxKeys: 4 }),
  })).value

  it("finds a NUL exactly where findNul finds one, in values and keys", () => {
    fc.assert(fc.property(fc.oneof(json, fc.anything()), (value) => expect(hasNul(value)).toBe(findNul(value) !== undefined)))
  })

  it("stops at the depth findNul stops at", () => {
    let deep: unknown = "a\u0000"
    for (let depth = 0; depth < 60; depth++) {
      deep = { next: deep }
      expect(hasNul(deep)).toBe(findNul(deep) !== undefined)
    }
    expect(hasNul(deep)).toBe(false)
  })
})
