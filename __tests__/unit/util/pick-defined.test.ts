import { pickDefined } from "../../../src/util/pick-defined"

interface Row {
  readonly id: string
  readonly title?: string
  readonly note: string | null
  readonly count?: number
}

describe("pickDefined", () => {
  const row: Row = { id: "r1", title: undefined, note: null }

  it("copies the named fields that hold a value and leaves absent and undefined ones out", () => {
    const picked = pickDefined(row, ["id", "title", "count"])
    expect(picked).toEqual({ id: "r1" })
    expect(Object.keys(picked)).toEqual(["id"])
  })

  it("keeps a null field by default: null is a value to write", () => {
    expect(pickDefined(row, ["id", "note"])).toEqual({ id: "r1", note: null })
  })

  it("leaves null fields out too when asked", () => {
    const picked: { id?: string; note?: string } = pickDefined(row, ["id", "note"], { nulls: "drop" })
    expect(Object.keys(picked)).toEqual(["id"])
  })

  it("never copies a field it was not asked for", () => {
    expect(pickDefined({ id: "r1", secret: "x" }, ["id"])).toEqual({ id: "r1" })
  })
})
