import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import type { ServerUser } from "./server-user"

/** The last lines the server printed, kept to explain a failure and dropped otherwise (quiet by default). */
export class ServerLog {
  private readonly lines: string[] = []

  constructor(
    private readonly forward?: (message: string) => void,
    private readonly keep = 40,
  ) {}

  /** Records a chunk of output. */
  add(chunk: string): void {
    this.forward?.(chunk)
    for (const line of chunk.split("\n")) {
      if (line.trim() === "") continue
      this.lines.push(line)
      if (this.lines.length > this.keep) this.lines.shift()
    }
  }

  /** True when a kept line matches. */
  has(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line))
  }

  /** Forgets what was kept (before a retry). */
  clear(): void {
    this.lines.length = 0
  }

  /** The last `count` lines. */
  tail(count = 15): string {
    return this.lines.slice(-count).join("\n")
  }
}

// The server's messages are parsed (readiness, port clashes), so they must be in English whatever
// the machine's locale; the C locale exists everywhere.
const ENV = { LC_ALL: "C", LANG: "C" }

function spawnAs(program: string, args: readonly string[], user: ServerUser | undefined, log: ServerLog): ChildProcess {
  const child = spawn(program, args, { env: ENV, stdio: ["ignore", "pipe", "pipe"], ...(user ? { uid: user.uid, gid: user.gid } : {}) })
  child.stdout?.on("data", (chunk: Buffer) => log.add(chunk.toString("utf8")))
  child.stderr?.on("data", (chunk: Buffer) => log.add(chunk.toString("utf8")))
  return child
}

/** Runs a program to completion; a spawn failure (EACCES, ENOENT) rejects instead of becoming an uncaught 'error' event. */
export function runToCompletion(program: string, args: readonly string[], user: ServerUser | undefined, log: ServerLog): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(program, args, user, log)
    child.once("error", reject)
    child.once("close", (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${program} exited with ${signal ?? `code ${code}`}`))
    })
  })
}

const READY = /database system is ready to accept connections/

/** Starts `postgres` and resolves once it accepts connections; rejects (with the process gone) if it exits first. */
export function startServerProcess(
  program: string,
  args: readonly string[],
  user: ServerUser | undefined,
  log: ServerLog,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(program, args, user, log)
    let settled = false
    const onOutput = (chunk: Buffer): void => {
      if (settled || !READY.test(chunk.toString("utf8"))) return
      settled = true
      resolve(child)
    }
    child.stderr?.on("data", onOutput)
    child.stdout?.on("data", onOutput)
    // Listeners stay attached for the process' whole life: a late 'error' must never be unhandled.
    child.on("error", (error) => {
      if (settled) return log.add(`${error.message}\n`)
      settled = true
      reject(error)
    })
    child.once("close", (code, signal) => {
      if (settled) return
      settled = true
      reject(new Error(`postgres exited with ${signal ?? `code ${code}`} before accepting connections`))
    })
  })
}

/** Asks the server for a fast shutdown (SIGINT) and waits for it to exit; SIGQUIT after `graceMs`. */
export function stopServerProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGQUIT"), graceMs)
    child.once("close", () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill("SIGINT")
  })
}
