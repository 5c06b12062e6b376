import type { LoggerPort } from "../ports/logger"

/**
 * Wraps the host's logger so that logging can never fail a call: a logger that throws (or returns a
 * rejected promise) after a write committed must not turn that committed write into an error.
 */
export function safeLogger(logger: LoggerPort): LoggerPort {
  const guard =
    (level: "warn" | "error" | "info" | "debug") =>
    (message: string, meta?: Record<string, unknown>): void => {
      try {
        const result: unknown = logger[level]?.(message, meta)
        if (result instanceof Promise) result.catch(() => undefined)
      } catch {
        // Nowhere left to report it; the call's outcome stands.
      }
    }
  return { warn: guard("warn"), error: guard("error"), info: guard("info"), debug: guard("debug") }
}
