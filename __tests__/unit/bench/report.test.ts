import { formatComparison, formatReport } from "../../../bench/report"
import type { BenchReport, TargetRun } from "../../../bench/report"
import { reportColumns } from "../../../bench/report-columns"
import type { PhaseRow } from "../../../bench/report-columns"
import type { ConcurrencyCheck } from "../../../bench/contention"
import type { PhaseResult } from "../../../bench/stats"

const CONTENDED = "8 writers, one cart (+1 qty)"

function aPhase(name: string, overrides: Partial<PhaseResult> = {}): PhaseResult {
  return { name, ops: 100, opsPerSec: 1000, p50Ms: 1, p95Ms: 2, statementsPerOp: 1, cpuMsPerOp: 0.5, ...overrides }
}

const check: ConcurrencyCheck = { writers: 8, increments: 320, conflicts: 0, expectedQuantity: 321, finalQuantity: 321, lost: 0 }

function aRun(phases: readonly PhaseResult[]): TargetRun {
  return { phases, concurrency: check, lockedConcurrency: check }
}

function aReport(targets: { floor?: TargetRun; medusa?: TargetRun } = {}): BenchReport {
  return {
    meta: { date: "2026-01-01", node: "v20", postgres: "15", database: "env", cpus: 2, scale: 1, seed: 42, wallSeconds: 1 },
    phases: [aPhase("add 2 items", { cpuMsPerOp: 0.6 }), aPhase(CONTENDED, { opsPerSec: 200, keptShare: 1 })],
    concurrency: check,
    lockedConcurrency: check,
    ...targets,
  }
}

const floor = aRun([aPhase("add 2 items", { cpuMsPerOp: 0.2 }), aPhase(CONTENDED, { opsPerSec: 300, keptShare: 1 })])
const medusa = aRun([aPhase("add 2 items", { cpuMsPerOp: 6 }), aPhase(CONTENDED, { opsPerSec: 250, keptShare: 0.2 })])

/** The text of one column's cell, found by its header. */
function cell(header: string, row: PhaseRow): string | undefined {
  return reportColumns({ floor: true, medusa: true, kept: true })
    .find((column) => column.header === header)
    ?.cell(row)
}

const headerOf = (text: string) => text.split("\n")[2] ?? ""

describe("formatReport", () => {
  it("names the warm-up passes in its first line (one for results that did not record them)", () => {
    const withPasses = aReport()
    expect(formatReport({ ...withPasses, meta: { ...withPasses.meta, warmupPasses: 4 } }).split("\n")[0]).toContain("warm-up 4 passes")
    expect(formatReport(aReport()).split("\n")[0]).toContain("warm-up 1 pass")
  })

  it("prints the floor's CPU per op and our CPU over it beside ours", () => {
    const row = { ours: aPhase("add 2 items", { cpuMsPerOp: 0.6 }), floor: aPhase("add 2 items", { cpuMsPerOp: 0.2 }) }
    expect(cell("floor cpu", row)).toBe("0.200")
    expect(cell("×floor cpu", row)).toBe("3.00×")
  })

  it("prints Medusa's CPU per op when Medusa ran", () => {
    expect(cell("medusa cpu", { ours: aPhase("x"), medusa: aPhase("x", { cpuMsPerOp: 6 }) })).toBe("6.000")
  })

  it("prints the floor's throughput over Medusa's as floor ×medusa", () => {
    const row = { ours: aPhase("x"), floor: aPhase("x", { opsPerSec: 300 }), medusa: aPhase("x", { opsPerSec: 250 }) }
    expect(cell("floor ×medusa", row)).toBe("1.20×")
  })

  it("leaves a target's cells empty on a phase it did not run", () => {
    const row = { ours: aPhase("computeCartTotals (CPU only)") }
    expect(["floor cpu", "×floor cpu", "medusa cpu", "floor ×medusa"].map((h) => cell(h, row))).toEqual(["", "", "", ""])
  })

  it("has the CPU columns only for the targets that ran", () => {
    expect(headerOf(formatReport(aReport()))).not.toMatch(/floor cpu|medusa cpu/)
    const withFloor = headerOf(formatReport(aReport({ floor })))
    expect(withFloor).toMatch(/cpu ms\/op .*floor cpu .*×floor .*×floor cpu/)
    expect(withFloor).not.toMatch(/medusa/)
    expect(headerOf(formatReport(aReport({ floor, medusa })))).toMatch(/medusa cpu .*×medusa .*×medusa kept .*floor ×medusa .*notes/)
  })

  it("explains under the table how far the floor gets above Medusa on the contention phases", () => {
    const text = formatReport(aReport({ floor, medusa }))
    expect(text).toContain("contention ceiling (floor ×medusa)")
    expect(text).toContain(
      `  ${CONTENDED}: floor 1.20× Medusa's ops/s; Medusa kept 20% of its increments; counting kept increments, floor 6.00×`,
    )
    expect(text).not.toContain("  add 2 items: floor")
  })

  it("says nothing of the ceiling without both the floor and Medusa", () => {
    expect(formatReport(aReport({ floor }))).not.toContain("contention ceiling")
    expect(formatReport(aReport({ medusa }))).not.toContain("contention ceiling")
  })
})

describe("formatComparison", () => {
  it("still compares our CPU per op between two runs", () => {
    const before = aReport()
    const after = { ...before, phases: [aPhase("add 2 items", { cpuMsPerOp: 0.3 })] }
    expect(formatComparison(before, after)).toMatch(/add 2 items .*0\.600 → 0\.300 \(-50\.0%\)/)
  })
})
