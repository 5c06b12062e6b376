import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { openBenchModule } from "./bench-database"
import { formatComparison, formatReport } from "./report"
import type { BenchReport } from "./report"
import { runWorkload, workloadSize } from "./workload"

const USAGE = `usage: npm run bench [-- --quick] [-- --compare a.json b.json]
  --quick            a quarter-size run (same as BENCH_SCALE=0.25)
  --compare A B      prints per-phase differences between two result files
env: DATABASE_URL (a server to create a throwaway database on; default: embedded server),
     BENCH_SCALE (default 1), BENCH_SEED (default 42)`

function positiveNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

async function bench(argv: readonly string[]): Promise<void> {
  const scale = argv.includes("--quick") ? 0.25 : positiveNumber(process.env.BENCH_SCALE, 1, "BENCH_SCALE")
  const seed = Math.floor(positiveNumber(process.env.BENCH_SEED, 42, "BENCH_SEED"))
  const started = performance.now()
  const log = (line: string) => process.stderr.write(`${line}\n`)
  log(`cartwright bench: scale ${scale}, seed ${seed}, ${process.env.DATABASE_URL ? "DATABASE_URL server" : "embedded server"}`)
  const bench = await openBenchModule()
  let report: BenchReport
  try {
    const version = (await bench.module.orm.em.getKnex().raw("show server_version")) as { rows: { server_version: string }[] }
    const { phases, concurrency } = await runWorkload(bench.module.service, workloadSize(scale), seed, log)
    report = {
      meta: {
        date: new Date().toISOString(),
        node: process.version,
        postgres: version.rows[0]?.server_version ?? "unknown",
        database: bench.source,
        cpus: cpus().length,
        scale,
        seed,
        wallSeconds: (performance.now() - started) / 1000,
      },
      phases,
      concurrency,
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
  if (report.concurrency.lost !== 0) {
    console.error(`LOST UPDATES: ${report.concurrency.lost} quantity increments were lost`)
    process.exitCode = 1
  }
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
