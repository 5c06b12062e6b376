/** The module's logger: only warnings and errors it cannot throw (e.g. a failing event bus). */
export interface LoggerPort {
  warn(message: string, meta?: Record<string, unknown>): void
  error(message: string, meta?: Record<string, unknown>): void
}

/** The default logger: writes to the console. */
export const consoleLogger: LoggerPort = {
  warn: (message, meta) => console.warn(`[cartwright] ${message}`, meta ?? ""),
  error: (message, meta) => console.error(`[cartwright] ${message}`, meta ?? ""),
}
