// Medusa's logger interface, quiet except for warnings and errors. Plain CommonJS without dependencies, so the
// suites and migrate-medusa.js (plain Node) both take this one.
const noop = () => undefined

/** Medusa's logger interface, quiet except for warnings and errors. */
const quietLogger = {
  info: noop,
  debug: noop,
  log: noop,
  warn: console.warn,
  error: console.error,
  panic: console.error,
  activity: () => "",
  progress: noop,
  success: noop,
  failure: noop,
  shouldLog: () => false,
  setLogLevel: noop,
  unsetLogLevel: noop,
}

module.exports = { quietLogger }
