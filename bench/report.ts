import type { PhaseResult } from "./stats"
import type { ConcurrencyCheck } from "./contention"
import { passes } from "./workload"
import { keptPerSec, reportColumns } from "./report-columns"
import { num, ratio, renderTable } from "./table"

/** One target's run of the workload (the floor's, Medusa's). */
export interface TargetRun {
  readonly phases: readonly PhaseResult[]
  readonly concurrency: ConcurrencyCheck
  /** The locked contention phase (Medusa's has no lock: it reads then writes). */
  readonly lockedConcurrency: ConcurrencyCheck
}

/** The JSON a bench run writes (bench/results/latest.json). */
export interface BenchReport {
  readonly meta: {
    readonly date: string
    readonly node: string
    readonly postgres: string
    readonly database: "env" | "embedded"
    readonly cpus: number
    readonly scale: number
    readonly seed: number
    /** Unrecorded warm-up passes each target ran first (absent in results written before it was recorded). */
    readonly warmupPasses?: number
    readonly wallSeconds: number
  }
  readonly phases: readonly PhaseResult[]
  readonly concurrency: ConcurrencyCheck
  /** Our locked contention phase (lockCart, read, write in one transaction). */
  readonly lockedConcurrency: ConcurrencyCheck
  /** The same phases as the minimal SQL through bare `pg` (absent with --no-floor). */
  readonly floor?: TargetRun
  /** The same phases through `@medusajs/cart` 2.21.2 (with --medusa). */
  readonly medusa?: TargetRun
}

function concurrencyLine(label: string, c: ConcurrencyCheck, locked = false): string {
  const conflicts = locked ? "" : `${c.conflicts} conflicts retried, `
  return `${label}: ${c.writers} writers × ${c.increments / c.writers} increments, ${conflicts}quantity ${c.finalQuantity}/${c.expectedQuantity}, lost ${c.lost}`
}

function concurrencyLines(report: BenchReport): string[] {
  const { floor, medusa } = report
  return [
    concurrencyLine("concurrency", report.concurrency),
    ...(floor ? [concurrencyLine("floor concurrency", floor.concurrency)] : []),
    ...(medusa ? [concurrencyLine("medusa concurrency", medusa.concurrency)] : []),
    concurrencyLine("concurrency (lockCart)", report.lockedConcurrency, true),
    ...(floor ? [concurrencyLine("floor concurrency (FOR UPDATE)", floor.lockedConcurrency, true)] : []),
    // Medusa's cart module has no lock to take: its row of the locked phase is the same read-then-write.
    ...(medusa ? [concurrencyLine("medusa concurrency (no lock: read-then-write)", medusa.lockedConcurrency, true)] : []),
  ]
}

/**
 * The contention phases' ceiling, under the table: how far the floor (bare `pg`, minimal SQL) gets above
 * Medusa there. Medusa's read-then-write takes no lock, so its writers never wait for one another, and
 * its ops/s there count increments a later write overwrote.
 */
function ceilingLines(report: BenchReport): string[] {
  const { floor, medusa } = report
  if (!floor || !medusa) return []
  const lines = report.phases.flatMap((p) => {
    const f = floor.phases.find((x) => x.name === p.name)
    const m = medusa.phases.find((x) => x.name === p.name)
    if (p.keptShare === undefined || !f || !m) return []
    const kept = m.keptShare === undefined ? "" : `; Medusa kept ${num(m.keptShare * 100, 0)}% of its increments`
    return [
      `  ${p.name}: floor ${ratio(f.opsPerSec, m.opsPerSec)} Medusa's ops/s${kept}; counting kept increments, floor ${ratio(keptPerSec(f), keptPerSec(m))}`,
    ]
  })
  if (lines.length === 0) return []
  return [
    "contention ceiling (floor ×medusa): the floor's ops/s over Medusa's, the most ×medusa a writer that loses nothing reaches here;",
    "Medusa's read-then-write serialises nothing, so its ops/s include the increments it lost:",
    ...lines,
    "",
  ]
}

/**
 * The human-readable table of one run. `×floor` is our p50 over the floor's p50 (1× is the floor), `×floor cpu`
 * our Node CPU per op over the floor's; `×medusa` is our throughput over Medusa's (above 1× is faster than
 * Medusa); on the contention phases `×medusa kept` counts only the increments each target's final quantity
 * kept. `floor ×medusa` is the floor's throughput over Medusa's: the most `×medusa` the minimal SQL reaches.
 */
export function formatReport(report: BenchReport): string {
  const columns = reportColumns({
    floor: report.floor !== undefined,
    medusa: report.medusa !== undefined,
    kept: report.phases.some((p) => p.keptShare !== undefined),
  })
  const rows = report.phases.map((ours) => {
    const row = {
      ours,
      floor: report.floor?.phases.find((p) => p.name === ours.name),
      medusa: report.medusa?.phases.find((p) => p.name === ours.name),
    }
    return columns.map((column) => column.cell(row))
  })
  const m = report.meta
  return [
    `cartwright bench — ${m.date}, node ${m.node}, PostgreSQL ${m.postgres} (${m.database}), ${m.cpus} CPUs, scale ${m.scale}, seed ${m.seed}, warm-up ${passes(m.warmupPasses ?? 1)}`,
    "",
    renderTable(
      columns.map((c) => c.header),
      rows,
    ),
    "",
    ...ceilingLines(report),
    ...concurrencyLines(report),
    `wall time ${num(m.wallSeconds, 1)} s`,
  ].join("\n")
}

function delta(before: number, after: number): string {
  if (before === 0) return after === 0 ? "=" : "new"
  const pct = ((after - before) / before) * 100
  return `${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%`
}

/** Per-phase differences between two runs (phases matched by name). */
export function formatComparison(a: BenchReport, b: BenchReport): string {
  const names = [...new Set([...a.phases.map((p) => p.name), ...b.phases.map((p) => p.name)])]
  const rows = names.map((name) => {
    const x = a.phases.find((p) => p.name === name)
    const y = b.phases.find((p) => p.name === name)
    if (!x || !y) return [name, x ? "only in A" : "only in B", "", "", "", ""]
    return [
      name,
      `${num(x.opsPerSec, 0)} → ${num(y.opsPerSec, 0)} (${delta(x.opsPerSec, y.opsPerSec)})`,
      `${num(x.p50Ms, 2)} → ${num(y.p50Ms, 2)} (${delta(x.p50Ms, y.p50Ms)})`,
      `${num(x.p95Ms, 2)} → ${num(y.p95Ms, 2)} (${delta(x.p95Ms, y.p95Ms)})`,
      `${num(x.statementsPerOp, 2)} → ${num(y.statementsPerOp, 2)}`,
      `${num(x.cpuMsPerOp, 3)} → ${num(y.cpuMsPerOp, 3)} (${delta(x.cpuMsPerOp, y.cpuMsPerOp)})`,
    ]
  })
  return [
    `A: ${a.meta.date} (scale ${a.meta.scale})   B: ${b.meta.date} (scale ${b.meta.scale})`,
    "",
    renderTable(["phase", "ops/s", "p50 ms", "p95 ms", "stmts/op", "cpu ms/op"], rows),
  ].join("\n")
}
