import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { TargetRun } from "../report"
import type { WorkloadSize } from "../workload"

const HOST = join(__dirname, "..", "..", "integrations", "medusa")

/**
 * Runs the workload through `@medusajs/cart` in a child process (Medusa's MikroORM is not
 * cartwright's, so the two never share a process), on `url`, an empty database of the same server.
 *
 * @throws Error when integrations/medusa has no node_modules, or the child fails.
 */
export async function runMedusaBench(url: string, size: WorkloadSize, seed: number, log: (line: string) => void): Promise<TargetRun> {
  if (!existsSync(join(HOST, "node_modules", "@medusajs", "cart"))) {
    throw new Error("--medusa needs Medusa's packages: run `cd integrations/medusa && npm ci` first")
  }
  const dir = mkdtempSync(join(tmpdir(), "cartwright-bench-medusa-"))
  const out = join(dir, "medusa.json")
  try {
    const args = [
      require.resolve("tsx/cli"),
      join(__dirname, "run-medusa.ts"),
      url,
      String(size.scale),
      String(seed),
      String(size.warmupPasses),
      out,
    ]
    log("medusa: booting @medusajs/cart 2.21.2 in a child process")
    // cwd: Medusa's host folder, so that MikroORM's version check reads that folder's package.json.
    const child = spawn(process.execPath, args, {
      cwd: HOST,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
    })
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject)
      child.on("exit", resolve)
    })
    if (code !== 0) throw new Error(`the Medusa bench exited with code ${code}`)
    return JSON.parse(readFileSync(out, "utf8")) as TargetRun
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
