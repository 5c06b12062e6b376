/** Anything text can be written to: `process.stdout`, or a collector in tests. */
export interface CliWriter {
  write(text: string): unknown
}

/** What a command may touch besides its arguments, injected so commands run in-process under test. */
export interface CliIo {
  readonly stdout: CliWriter
  readonly stderr: CliWriter
  /** Environment variables (default `process.env`); tests pass their own instead of mutating the global one. */
  readonly env?: Readonly<Record<string, string | undefined>>
}

/** Process exit codes of the CLI. */
export const ExitCode = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
} as const

/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** Writes one line. */
export function writeLine(writer: CliWriter, text = ""): void {
  writer.write(`${text}\n`)
}
