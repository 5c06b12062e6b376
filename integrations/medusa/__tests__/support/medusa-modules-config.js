// Shared by the jest suites and by migrate-medusa.js (plain Node): which Medusa modules a port suite boots.
const { join } = require("node:path")
const { Modules } = require("@medusajs/framework/utils")

/**
 * Modules a suite may add to the base set: the checkout's stock, shipping, payment and orders, and
 * cartwright itself under the cart key (so that Medusa's cart links, such as cart <-> payment collection, exist).
 */
const EXTRA_MODULES = {
  cart: () => ({ resolve: "cartwright/medusa" }),
  inventory: () => ({ resolve: "@medusajs/inventory" }),
  stock_location: () => ({ resolve: "@medusajs/stock-location" }),
  fulfillment: () => ({
    resolve: "@medusajs/fulfillment",
    // The example storefront's flat-rate provider (it loads Medusa from this folder's node_modules).
    options: {
      providers: [
        { resolve: join(__dirname, "..", "..", "..", "..", "examples", "storefront", "medusa-manual-fulfillment.cjs"), id: "manual" },
      ],
    },
  }),
  // The payment module always registers its system provider, "pp_system_default"; "pp_declining_declining" declines above 1000.
  payment: () => ({
    resolve: "@medusajs/payment",
    options: { providers: [{ resolve: join(__dirname, "declining-payment-provider.js"), id: "declining" }] },
  }),
  order: () => ({ resolve: "@medusajs/order" }),
}

/** A fresh object per call: Medusa's loader deletes the link entry from the config it is given. */
function modulesConfig(extras = []) {
  const config = {
    [Modules.PRODUCT]: { resolve: "@medusajs/product" },
    [Modules.PRICING]: { resolve: "@medusajs/pricing" },
    [Modules.TAX]: { resolve: "@medusajs/tax" },
    [Modules.PROMOTION]: { resolve: "@medusajs/promotion" },
    [Modules.REGION]: { resolve: "@medusajs/region" },
    [Modules.CUSTOMER]: { resolve: "@medusajs/customer" },
    [Modules.SALES_CHANNEL]: { resolve: "@medusajs/sales-channel" },
  }
  for (const key of extras) {
    const extra = EXTRA_MODULES[key]
    if (!extra) throw new Error(`Unknown extra module "${key}"; known: ${Object.keys(EXTRA_MODULES).join(", ")}`)
    config[key] = extra()
  }
  // Medusa's loader imports the link modules from "@medusajs/medusa/link-modules" (the whole server
  // package) unless the config hands it the module itself; they live in "@medusajs/link-modules".
  config[Modules.LINK] = require("@medusajs/link-modules")
  return config
}

module.exports = { modulesConfig, EXTRA_MODULES }
