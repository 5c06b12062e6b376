// The flat-rate fulfillment provider `npm start -- --medusa-modules` registers in Medusa's fulfillment module
// (Medusa ids it "manual_manual"); prices come from the shipping options' price sets. Medusa's packages are
// loaded from integrations/medusa/node_modules, as medusa-modules.ts loads them. The Medusa port suites in
// integrations/medusa register this same file.
const { createRequire } = require("node:module")
const { join } = require("node:path")

const medusaRequire = createRequire(join(__dirname, "..", "..", "integrations", "medusa", "package.json"))
const { AbstractFulfillmentProviderService, ModuleProvider, Modules } = medusaRequire("@medusajs/framework/utils")

class ManualFulfillmentProvider extends AbstractFulfillmentProviderService {
  static identifier = "manual"

  async getFulfillmentOptions() {
    return [{ id: "manual-fulfillment" }]
  }

  async validateFulfillmentData(_optionData, data) {
    return data
  }

  async validateOption() {
    return true
  }

  async canCalculate() {
    return false
  }

  async createFulfillment() {
    return { data: {}, labels: [] }
  }

  async cancelFulfillment() {
    return {}
  }
}

module.exports = ModuleProvider(Modules.FULFILLMENT, { services: [ManualFulfillmentProvider] })
