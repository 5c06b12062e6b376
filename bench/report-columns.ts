import type { PhaseResult } from "./stats"
import { num, ratio } from "./table"

/** One phase of the table: ours, and the same phase of the other targets when they ran it. */
export interface PhaseRow {
  readonly ours: PhaseResult
  readonly floor?: PhaseResult | undefined
  readonly medusa?: PhaseResult | undefined
}

/** One column of the report's table. */
export interface Column {
  readonly header: string
  readonly cell: (row: PhaseRow) => string
}

/** Which targets ran, so which columns the table has. */
export interface ColumnSet {
  readonly floor: boolean
  readonly medusa: boolean
  /** Some phase counts kept increments (the contention phases). */
  readonly kept: boolean
}

/** Increments per second that the final quantity kept (a phase without a kept share keeps all it did). */
export const keptPerSec = (phase: PhaseResult): number => phase.opsPerSec * (phase.keptShare ?? 1)

// A target that did not run a phase (the CPU-only one) leaves its cells empty.
const of = (phase: PhaseResult | undefined, text: (p: PhaseResult) => string) => (phase ? text(phase) : "")

const OURS: readonly Column[] = [
  { header: "phase", cell: ({ ours }) => ours.name },
  { header: "ops", cell: ({ ours }) => String(ours.ops) },
  { header: "ops/s", cell: ({ ours }) => num(ours.opsPerSec, 0) },
  { header: "p50 ms", cell: ({ ours }) => num(ours.p50Ms, 2) },
  { header: "p95 ms", cell: ({ ours }) => num(ours.p95Ms, 2) },
  { header: "stmts/op", cell: ({ ours }) => num(ours.statementsPerOp, 2) },
  { header: "cpu ms/op", cell: ({ ours }) => num(ours.cpuMsPerOp, 3) },
]

// The floor's CPU is what bare `pg` spends to send the same rows: the least Node CPU a phase can cost.
const FLOOR: readonly Column[] = [
  { header: "floor p50", cell: ({ floor }) => of(floor, (f) => num(f.p50Ms, 2)) },
  { header: "floor stmts", cell: ({ floor }) => of(floor, (f) => num(f.statementsPerOp, 2)) },
  { header: "floor cpu", cell: ({ floor }) => of(floor, (f) => num(f.cpuMsPerOp, 3)) },
  { header: "×floor", cell: ({ ours, floor }) => of(floor, (f) => ratio(ours.p50Ms, f.p50Ms)) },
  { header: "×floor cpu", cell: ({ ours, floor }) => of(floor, (f) => ratio(ours.cpuMsPerOp, f.cpuMsPerOp)) },
]

const MEDUSA: readonly Column[] = [
  { header: "medusa ops/s", cell: ({ medusa }) => of(medusa, (m) => num(m.opsPerSec, 0)) },
  { header: "medusa p50", cell: ({ medusa }) => of(medusa, (m) => num(m.p50Ms, 2)) },
  { header: "medusa stmts", cell: ({ medusa }) => of(medusa, (m) => num(m.statementsPerOp, 2)) },
  { header: "medusa cpu", cell: ({ medusa }) => of(medusa, (m) => num(m.cpuMsPerOp, 3)) },
  { header: "×medusa", cell: ({ ours, medusa }) => of(medusa, (m) => ratio(ours.opsPerSec, m.opsPerSec)) },
]

const KEPT: Column = {
  header: "×medusa kept",
  cell: ({ ours, medusa }) => (medusa && ours.keptShare !== undefined ? ratio(keptPerSec(ours), keptPerSec(medusa)) : ""),
}

// The most `×medusa` the minimal SQL itself reaches: a phase's ceiling, whatever a module does above it.
const FLOOR_OVER_MEDUSA: Column = {
  header: "floor ×medusa",
  cell: ({ floor, medusa }) => (floor && medusa ? ratio(floor.opsPerSec, medusa.opsPerSec) : ""),
}

const NOTES: Column = {
  header: "notes",
  // The other targets' notes sit beside ours: Medusa's row of the locked phase says it took no lock.
  cell: ({ ours, floor, medusa }) =>
    [ours.notes, floor?.notes && `floor ${floor.notes}`, medusa?.notes && `medusa ${medusa.notes}`].filter(Boolean).join("; "),
}

/** The table's columns, in order, for the targets that ran. */
export function reportColumns(set: ColumnSet): readonly Column[] {
  return [
    ...OURS,
    ...(set.floor ? FLOOR : []),
    ...(set.medusa ? MEDUSA : []),
    ...(set.medusa && set.kept ? [KEPT] : []),
    ...(set.floor && set.medusa ? [FLOOR_OVER_MEDUSA] : []),
    NOTES,
  ]
}
