import { performance } from "node:perf_hooks"
import { countStatements, startCounting } from "./statement-counter"

/** Measurements of one bench phase. */
export interface PhaseResult {
  readonly name: string
  readonly ops: number
  readonly opsPerSec: number
  readonly p50Ms: number
  readonly p95Ms: number
  /** SQL statements sent per operation, BEGIN/COMMIT included. */
  readonly statementsPerOp: number
  /** Node CPU time (user + system) per operation, in ms. */
  readonly cpuMsPerOp: number
  /** Anything else worth printing for this phase (conflicts, items...). */
  readonly notes?: string
  /**
   * Contention phases only: the share of the increments made that the final quantity kept (1 when
   * none was lost). A lost increment is work the caller was told was done and was not, so it does not count as throughput.
   */
  readonly keptShare?: number
}

/** The value below which `q` (0..1) of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank] ?? 0
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** Builds a phase result from per-op latencies, the wall time, statement total and CPU time. */
export function summarize(name: string, latencies: number[], wallMs: number, statements: number, cpu: number, notes?: string): PhaseResult {
  const sorted = [...latencies].sort((a, b) => a - b)
  const ops = latencies.length
  return {
    name,
    ops,
    opsPerSec: wallMs > 0 ? (ops * 1000) / wallMs : 0,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    statementsPerOp: ops > 0 ? statements / ops : 0,
    cpuMsPerOp: ops > 0 ? cpu / ops : 0,
    ...(notes ? { notes } : {}),
  }
}

/** Runs `op(0..count-1)` one at a time, timing and counting the statements of each. */
export async function measureSequential(name: string, count: number, op: (index: number) => Promise<unknown>): Promise<PhaseResult> {
  const latencies: number[] = []
  let statements = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    const counted = await countStatements(() => op(i))
    latencies.push(performance.now() - t0)
    statements += counted.count
  }
  return summarize(name, latencies, performance.now() - started, statements, cpuMs(cpu))
}

/** Runs `workers` concurrent loops; each loop reports its own per-op latencies. Statements are counted for the whole phase. */
export async function measureConcurrent(
  name: string,
  workers: number,
  loop: (worker: number, record: (latencyMs: number) => void) => Promise<void>,
  notes?: () => string,
): Promise<PhaseResult> {
  const latencies: number[] = []
  const cpu = process.cpuUsage()
  const counting = startCounting()
  const started = performance.now()
  try {
    await Promise.all(Array.from({ length: workers }, (_, w) => loop(w, (ms) => void latencies.push(ms))))
  } finally {
    counting.stop()
  }
  const wall = performance.now() - started
  return summarize(name, latencies, wall, counting.stop().length, cpuMs(cpu), notes?.())
}

/** Times a synchronous, database-free function over many iterations (CPU only). */
export function measureCpu(name: string, iterations: number, fn: () => unknown): PhaseResult {
  const latencies: number[] = []
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now()
    fn()
    latencies.push(performance.now() - t0)
  }
  return summarize(name, latencies, performance.now() - started, 0, cpuMs(cpu))
}
