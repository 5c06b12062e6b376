// The logger the `--medusa-modules` host hands Medusa's loader and modules (its `logger` registration):
// warnings and errors reach the console, Medusa's start-up chatter (module loading, migrations) does not.

const quiet = (): undefined => undefined

/** Medusa's logger interface, quiet except for warnings and errors. */
export const medusaLogger = {
  info: quiet,
  debug: quiet,
  log: quiet,
  warn: (...args: unknown[]): void => console.warn(...args),
  error: (...args: unknown[]): void => console.error(...args),
  panic: (...args: unknown[]): void => console.error(...args),
  activity: (): string => "",
  progress: quiet,
  success: quiet,
  failure: quiet,
  shouldLog: (): boolean => false,
  setLogLevel: quiet,
  unsetLogLevel: quiet,
} as const
