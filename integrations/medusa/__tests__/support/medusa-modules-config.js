// Shared by the jest suites and by migrate-medusa.js (plain Node): which Medusa modules a port suite boots.
const { Modules } = require("@medusajs/framework/utils")

/** A fresh object per call: Medusa's loader deletes the link entry from the config it is given. */
function modulesConfig() {
  return {
    [Modules.PRODUCT]: { resolve: "@medusajs/product" },
    [Modules.PRICING]: { resolve: "@medusajs/pricing" },
    [Modules.TAX]: { resolve: "@medusajs/tax" },
    [Modules.PROMOTION]: { resolve: "@medusajs/promotion" },
    [Modules.REGION]: { resolve: "@medusajs/region" },
    [Modules.CUSTOMER]: { resolve: "@medusajs/customer" },
    [Modules.SALES_CHANNEL]: { resolve: "@medusajs/sales-channel" },
    // Medusa's loader imports the link modules from "@medusajs/medusa/link-modules" (the whole server
    // package) unless the config hands it the module itself; they live in "@medusajs/link-modules".
    [Modules.LINK]: require("@medusajs/link-modules"),
  }
}

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

module.exports = { modulesConfig, quietLogger }
