import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"

const DEMO = join("examples", "storefront", "demo.ts")

/**
 * The repository checkout holding the demo, if any: examples/ is not published, so an installed
 * package has none. Looked for above this file (src/cli or dist) and in the working directory.
 */
export function findCheckout(): string | undefined {
  const candidates = typeof __dirname === "string" ? [dirname(dirname(__dirname)), dirname(__dirname)] : []
  return [...candidates, process.cwd()].find((root) => existsSync(join(root, DEMO)) && existsSync(join(root, "node_modules", "tsx")))
}

/**
 * `cartwright demo`: runs examples/storefront/demo.ts in a child Node process with tsx's loader
 * (a TypeScript file cannot be imported by plain Node), forwarding its output.
 */
export async function demoCommand(io: CliIo): Promise<ExitCode> {
  const root = findCheckout()
  if (!root) {
    writeLine(
      io.stderr,
      "cartwright: the demo runs from a repository checkout (git clone, npm install, npm run demo); this installed package does not include it.",
    )
    return ExitCode.FAILURE
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", DEMO], {
      cwd: root,
      env: { ...(io.env ?? process.env) },
      stdio: ["ignore", "pipe", "pipe"],
    })
    child.stdout.on("data", (chunk: Buffer) => io.stdout.write(chunk.toString("utf8")))
    child.stderr.on("data", (chunk: Buffer) => io.stderr.write(chunk.toString("utf8")))
    child.once("error", (error) => {
      writeLine(io.stderr, `cartwright: demo failed to start: ${error.message}`)
      resolve(ExitCode.FAILURE)
    })
    child.once("close", (code) => resolve(code === 0 ? ExitCode.OK : ExitCode.FAILURE))
  })
}
