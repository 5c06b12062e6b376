// A flat-rate fulfillment provider for the port suites' Medusa app, registered as "manual" (Medusa ids it
// "manual_manual"). Medusa ships @medusajs/fulfillment-manual for this; a host provider of a dozen lines keeps
// that package out of this folder's lockfile. Prices come from the shipping options' price sets, not from here.
const { AbstractFulfillmentProviderService, ModuleProvider, Modules } = require("@medusajs/framework/utils")

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
