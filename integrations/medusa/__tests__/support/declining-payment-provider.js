// A card-like payment provider for the port suites' Medusa app, registered as "declining" (Medusa ids it
// "pp_declining_declining"): it authorises amounts up to 1000 and declines larger ones, as a gateway
// refusing a charge does. The session's amount travels in the provider data, as real gateways keep theirs.
const { randomUUID } = require("node:crypto")
const { AbstractPaymentProvider, ModuleProvider, Modules, PaymentActions, PaymentSessionStatus } = require("@medusajs/framework/utils")

const LIMIT = 1000

class DecliningPaymentProvider extends AbstractPaymentProvider {
  static identifier = "declining"

  async initiatePayment(input) {
    return { id: randomUUID(), data: { amount: String(input.amount) } }
  }

  async updatePayment(input) {
    return { data: { ...input.data, amount: String(input.amount) } }
  }

  async authorizePayment(input) {
    const declined = Number(input.data?.amount) > LIMIT
    return { data: { ...input.data }, status: declined ? PaymentSessionStatus.ERROR : PaymentSessionStatus.AUTHORIZED }
  }

  async getPaymentStatus(input) {
    return { status: Number(input.data?.amount) > LIMIT ? PaymentSessionStatus.ERROR : PaymentSessionStatus.AUTHORIZED }
  }

  async retrievePayment(input) {
    return { data: { ...input.data } }
  }

  async capturePayment(input) {
    return { data: { ...input.data } }
  }

  async cancelPayment(input) {
    return { data: { ...input.data } }
  }

  async deletePayment(input) {
    return { data: { ...input.data } }
  }

  async refundPayment(input) {
    return { data: { ...input.data } }
  }

  async getWebhookActionAndData() {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

module.exports = ModuleProvider(Modules.PAYMENT, { services: [DecliningPaymentProvider] })
