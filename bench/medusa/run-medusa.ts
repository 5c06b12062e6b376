import { writeFileSync } from "node:fs"
import { installStatementCounter } from "../statement-counter"
import { runWorkload, workloadSize } from "../workload"
import { medusaPg, openMedusaTarget } from "./medusa-target"

// Child process of `npm run bench -- --medusa`: runs the workload through @medusajs/cart on the
// database in argv[2] and writes the phases as JSON to argv[6]. Usage: run-medusa.ts <url> <scale> <seed> <warm-up passes> <out.json>
async function main([url, scale, seed, warmup, out]: readonly (string | undefined)[]): Promise<void> {
  if (!url || !scale || !seed || !warmup || !out)
    throw new Error("usage: run-medusa.ts <database url> <scale> <seed> <warm-up passes> <out.json>")
  installStatementCounter(medusaPg)
  const target = await openMedusaTarget(url)
  try {
    const result = await runWorkload(target, workloadSize(Number(scale), Number(warmup)), Number(seed), (line) =>
      process.stderr.write(`${line}\n`),
    )
    writeFileSync(out, JSON.stringify(result))
  } finally {
    await target.close()
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
