import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { computeCartTotals } from "../src/index"
import { migrateDatabase, openBenchModule } from "./bench-database"
import type { BenchTarget } from "./bench-target"
import { cartwrightTarget } from "./cartwright-target"
import type { ConcurrencyCheck } from "./contention"
import { floorTarget } from "./floor"
import { runMedusaBench } from "./medusa/spawn-medusa"
import { formatComparison, formatReport } from "./report"
import type { BenchReport, TargetRun } from "./report"
import { measureCpu } from "./stats"
import { DEFAULT_WARMUP_PASSES, runWorkload, workloadSize } from "./workload"
import type { WorkloadSize } from "./workload"

const USAGE = `usage: npm run bench [-- --quick] [-- --medusa] [-- --no-floor] [-- --compare a.json b.json]
  --quick            a quarter-size run (same as BENCH_SCALE=0.25)
  --medusa           also runs every phase through @medusajs/cart 2.21.2 (booted by Medusa's loader on
                     another database of the same server); needs \`cd integrations/medusa && npm ci\`
  --no-floor         skips the floor (the same rows through bare pg with minimal SQL)
  --compare A B      prints per-phase differences between two result files
env: DATABASE_URL (a server to create throwaway databases on; default: embedded server),
     BENCH_SCALE (default 1), BENCH_SEED (default 42),
     BENCH_WARMUP (unrecorded passes before the recorded one, default ${DEFAULT_WARMUP_PASSES})`

function positiveNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

const log = (line: string) => process.stderr.write(`${line}\n`)

async function runTarget(target: BenchTarget, size: WorkloadSize, seed: number): Promise<TargetRun> {
  try {
    return await runWorkload(target, size, seed, log)
  } finally {
    await target.close()
  }
}

async function bench(argv: readonly string[]): Promise<void> {
  const scale = argv.includes("--quick") ? 0.25 : positiveNumber(process.env.BENCH_SCALE, 1, "BENCH_SCALE")
  const seed = Math.floor(positiveNumber(process.env.BENCH_SEED, 42, "BENCH_SEED"))
  const size = workloadSize(scale, Math.max(1, Math.floor(positiveNumber(process.env.BENCH_WARMUP, DEFAULT_WARMUP_PASSES, "BENCH_WARMUP"))))
  const started = performance.now()
  log(`cartwright bench: scale ${scale}, seed ${seed}, ${process.env.DATABASE_URL ? "DATABASE_URL server" : "embedded server"}`)
  const bench = await openBenchModule()
  let report: BenchReport
  try {
    const version = (await bench.module.orm.em.getKnex().raw("show server_version")) as { rows: { server_version: string }[] }
    const ours = await runWorkload(cartwrightTarget(bench.module), size, seed, log, {
      totalsCpuPhase: (input) =>
        measureCpu(`computeCartTotals (${input.items.length} items, CPU only)`, size.totalsIterations, () => computeCartTotals(input)),
    })
    let floor: TargetRun | undefined
    if (!argv.includes("--no-floor")) {
      const url = await bench.freshDatabase()
      await migrateDatabase(url)
      floor = await runTarget(floorTarget(url), size, seed)
    }
    const medusa = argv.includes("--medusa") ? await runMedusaBench(await bench.freshDatabase(), size, seed, log) : undefined
    report = {
      meta: {
        date: new Date().toISOString(),
        node: process.version,
        postgres: version.rows[0]?.server_version ?? "unknown",
        database: bench.source,
        cpus: cpus().length,
        scale,
        seed,
        warmupPasses: size.warmupPasses,
        wallSeconds: (performance.now() - started) / 1000,
      },
      phases: ours.phases,
      concurrency: ours.concurrency,
      lockedConcurrency: ours.lockedConcurrency,
      ...(floor ? { floor } : {}),
      ...(medusa ? { medusa } : {}),
    }
  } finally {
    await bench.close()
  }
  const dir = join(__dirname, "results")
  mkdirSync(dir, { recursive: true })
  const file = join(dir, "latest.json")
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  console.log(formatReport(report))
  console.log(`\nJSON: ${file}`)
  for (const [phase, check] of lossless(report)) {
    if (check.lost === 0) continue
    console.error(`LOST UPDATES: ${check.lost} quantity increments were lost (${phase})`)
    process.exitCode = 1
  }
}

/** The contention phases that must lose no increment: ours both, and the floor's locked one (Medusa's may lose). */
function lossless(report: BenchReport): (readonly [string, ConcurrencyCheck])[] {
  const checks: (readonly [string, ConcurrencyCheck])[] = [
    ["expectedVersion", report.concurrency],
    ["lockCart", report.lockedConcurrency],
  ]
  if (report.floor) checks.push(["floor, FOR UPDATE", report.floor.lockedConcurrency])
  return checks
}

function compare(a: string | undefined, b: string | undefined): void {
  if (!a || !b) throw new Error(USAGE)
  const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as BenchReport
  console.log(formatComparison(read(a), read(b)))
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) return void console.log(USAGE)
  const at = argv.indexOf("--compare")
  if (at >= 0) return compare(argv[at + 1], argv[at + 2])
  await bench(argv)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
