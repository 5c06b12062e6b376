import { defineModel, MODELS } from "../../../models"
import { arrayInsertable, insertArraysSql } from "../../../src/persistence/insert-arrays"

/** A model with what no shipped model has: a nullable column with a default. */
const Probe = defineModel({
  name: "Probe",
  table: "probe",
  idPrefix: "prb",
  columns: {
    note: { kind: "text", nullable: true, default: "'none'" },
    flag: { kind: "boolean", default: "false" },
  },
  relations: {},
  indexed: [],
  checks: [],
})

describe("insert arrays", () => {
  it("takes ragged rows of every shipped model: none has a nullable column with a default", () => {
    for (const model of Object.values(MODELS)) {
      expect(arrayInsertable(model, [{ id: "a" }, { id: "b", created_at: null }, { id: "c", metadata: null }])).toBe(true)
    }
  })

  it("refuses rows where some leave out a nullable column with a default", () => {
    expect(arrayInsertable(Probe, [{ id: "a", note: null }, { id: "b" }])).toBe(false)
    expect(() => insertArraysSql(Probe, [{ id: "a", note: null }, { id: "b" }], [])).toThrow(TypeError)
  })

  it("takes rows that all name, or all leave out, a nullable column with a default", () => {
    expect(
      arrayInsertable(Probe, [
        { id: "a", note: null },
        { id: "b", note: "x" },
      ]),
    ).toBe(true)
    expect(arrayInsertable(Probe, [{ id: "a" }, { id: "b", flag: true }])).toBe(true)
  })

  it("fills a left-out non-nullable column with its default, one array per column", () => {
    const bindings: unknown[] = []
    const sql = insertArraysSql(Probe, [{ id: "a" }, { id: "b", flag: true }], bindings)
    expect(sql).toContain(`COALESCE(v."flag", false)`)
    expect(bindings).toEqual([
      [null, true],
      ["a", "b"],
    ])
  })
})
