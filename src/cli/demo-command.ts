import { existsSync } from "node:fs"
import { join } from "node:path"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"

// The demo lives in the repository's examples/, which is not published: look for it next to
// the sources (tsx src/cli/main.ts) and in the working directory (a checkout's root).
function findDemo(): string | undefined {
  const here = typeof __dirname === "string" ? [join(__dirname, "..", "..", "examples", "storefront", "demo.ts")] : []
  return [...here, join(process.cwd(), "examples", "storefront", "demo.ts")].find((path) => existsSync(path))
}

function demoFunction(loaded: Record<string, unknown>): (() => unknown) | undefined {
  const candidate = [loaded.runDemo, loaded.main, loaded.default].find((value) => typeof value === "function")
  return candidate as (() => unknown) | undefined
}

/** `cartwright demo`: runs the storefront demo's exported function (`runDemo`, `main` or default). */
export async function demoCommand(io: CliIo): Promise<ExitCode> {
  const path = findDemo()
  if (!path) {
    writeLine(io.stderr, "cartwright: the demo is not available: examples/storefront/demo.ts is missing (run it from a cartwright checkout).")
    return ExitCode.FAILURE
  }
  try {
    // Loaded lazily: the demo pulls in the example app, which the migrate commands never need.
    const run = demoFunction((await import(path)) as Record<string, unknown>)
    if (!run) {
      writeLine(io.stderr, `cartwright: ${path} exports no runDemo(), main() or default function.`)
      return ExitCode.FAILURE
    }
    await run()
    return ExitCode.OK
  } catch (error) {
    writeLine(io.stderr, `cartwright: demo failed: ${error instanceof Error ? error.message : String(error)}`)
    return ExitCode.FAILURE
  }
}
