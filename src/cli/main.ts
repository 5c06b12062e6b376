#!/usr/bin/env node
// The `cartwright` bin: everything lives in runCli so tests drive it without spawning a process.
import { runCli } from "./run-cli"

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`cartwright: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  },
)
