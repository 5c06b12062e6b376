import type { PhaseResult } from "./stats"
import type { ConcurrencyCheck } from "./contention"

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

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width)
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? "").length)))
  const line = (cells: readonly string[]) => cells.map((cell, c) => pad(cell, widths[c] ?? 0, c > 0)).join("  ")
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

const num = (value: number, digits: number) => value.toFixed(digits)

const ratio = (value: number, base: number | undefined) => (base && value > 0 ? `${num(value / base, 2)}×` : "")

/** Increments per second that the final quantity kept (a phase without a kept share keeps all it did). */
const keptPerSec = (phase: PhaseResult) => phase.opsPerSec * (phase.keptShare ?? 1)

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
 * The human-readable table of one run. `×floor` is our p50 over the floor's p50 (1× is the floor);
 * `×medusa` is our throughput over Medusa's (above 1× is faster than Medusa); on the contention
 * phases `×medusa kept` counts only the increments each target's final quantity kept.
 */
export function formatReport(report: BenchReport): string {
  const floorOf = (name: string) => report.floor?.phases.find((p) => p.name === name)
  const medusaOf = (name: string) => report.medusa?.phases.find((p) => p.name === name)
  const header = ["phase", "ops", "ops/s", "p50 ms", "p95 ms", "stmts/op", "cpu ms/op"]
  if (report.floor) header.push("floor p50", "floor stmts", "×floor")
  const kept = report.medusa && report.phases.some((p) => p.keptShare !== undefined)
  if (report.medusa) header.push("medusa ops/s", "medusa p50", "medusa stmts", "×medusa")
  if (kept) header.push("×medusa kept")
  header.push("notes")
  const rows = report.phases.map((p) => {
    const row = [
      p.name,
      String(p.ops),
      num(p.opsPerSec, 0),
      num(p.p50Ms, 2),
      num(p.p95Ms, 2),
      num(p.statementsPerOp, 2),
      num(p.cpuMsPerOp, 3),
    ]
    const f = floorOf(p.name)
    if (report.floor) row.push(f ? num(f.p50Ms, 2) : "", f ? num(f.statementsPerOp, 2) : "", f ? ratio(p.p50Ms, f.p50Ms) : "")
    const m = medusaOf(p.name)
    if (report.medusa)
      row.push(
        m ? num(m.opsPerSec, 0) : "",
        m ? num(m.p50Ms, 2) : "",
        m ? num(m.statementsPerOp, 2) : "",
        m ? ratio(p.opsPerSec, m.opsPerSec) : "",
      )
    if (kept) row.push(m && p.keptShare !== undefined ? ratio(keptPerSec(p), keptPerSec(m)) : "")
    // The other targets' notes sit beside ours: Medusa's row of the locked phase says it took no lock.
    const notes = [p.notes, f?.notes && `floor ${f.notes}`, m?.notes && `medusa ${m.notes}`]
    row.push(notes.filter(Boolean).join("; "))
    return row
  })
  const m = report.meta
  return [
    `cartwright bench — ${m.date}, node ${m.node}, PostgreSQL ${m.postgres} (${m.database}), ${m.cpus} CPUs, scale ${m.scale}, seed ${m.seed}`,
    "",
    renderTable(header, rows),
    "",
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
