/**
 * The module's logger. `warn` and `error` are required: things it cannot throw (e.g. a failing
 * event bus). `info` (migrations applied, the embedded server's address) and `debug` (the database
 * in use, SQL statements with the `logSql` option) are optional, so a host logger with only
 * `warn`/`error` keeps working.
 */
export interface LoggerPort {
  warn(message: string, meta?: Record<string, unknown>): void
  error(message: string, meta?: Record<string, unknown>): void
  info?(message: string, meta?: Record<string, unknown>): void
  debug?(message: string, meta?: Record<string, unknown>): void
}

/** Levels of {@link createConsoleLogger}, most verbose first. */
export type LogLevel = "debug" | "info" | "warn" | "error"

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"]

/**
 * A logger writing to stderr (so a CLI's stdout stays clean) from `level` up.
 *
 * @example
 * await createCartModule({ logger: createConsoleLogger("debug"), logSql: true })
 */
export function createConsoleLogger(level: LogLevel = "info"): LoggerPort {
  const from = LEVELS.indexOf(level)
  const at =
    (which: LogLevel) =>
    (message: string, meta?: Record<string, unknown>): void => {
      if (LEVELS.indexOf(which) < from) return
      if (meta === undefined) console.error(`[cartwright] ${message}`)
      else console.error(`[cartwright] ${message}`, meta)
    }
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }
}

/** The default logger: info, warnings and errors on stderr; debug is dropped. */
export const consoleLogger: LoggerPort = createConsoleLogger("info")
