import { cartEvent, cartWorkflowEvent, CartWorkflowEvents } from "../../../src/events/cart-events"
import type { CartEvent } from "../../../src/events/cart-events"
import { medusaEventBus } from "../../../src/medusa/medusa-event-bus"
import type { MedusaEventMessage } from "../../../src/medusa/medusa-shapes"

// What @medusajs/cart 2.21 emits for its own writes, recorded from its module under Medusa's test runner:
// `cart.cart.created` with object `cart`, `cart.line-item.created` with object `line_item`..., as one
// internal emit; Medusa's workflows emit `cart.created` themselves.

function recordingBus() {
  const calls: { messages: readonly MedusaEventMessage[]; options?: Record<string, unknown> }[] = []
  return {
    calls,
    bus: {
      emit: async (messages: readonly MedusaEventMessage[], options?: Record<string, unknown>) => void calls.push({ messages, options }),
    },
  }
}

describe("medusaEventBus", () => {
  it("names the module's row events as @medusajs/cart does and emits them as internal", async () => {
    const { calls, bus } = recordingBus()
    await medusaEventBus(bus).emit([
      cartEvent("Cart", "created", { id: "cart_1", cart_id: "cart_1" }, "grp"),
      cartEvent("LineItem", "updated", { id: "cali_1", cart_id: "cart_1", changed: ["quantity"] }),
      cartEvent("ShippingMethodTaxLine", "deleted", { id: "casmtxl_1", cart_id: "cart_1" }),
      cartEvent("CreditLine", "created", { id: "cacl_1", cart_id: "cart_1" }),
    ])
    expect(calls).toEqual([
      {
        options: { internal: true },
        messages: [
          {
            name: "cart.cart.created",
            data: { id: "cart_1", cart_id: "cart_1" },
            metadata: { source: "cart", object: "cart", action: "created", eventGroupId: "grp" },
          },
          {
            name: "cart.line-item.updated",
            data: { id: "cali_1", cart_id: "cart_1", changed: ["quantity"] },
            metadata: { source: "cart", object: "line_item", action: "updated" },
          },
          {
            name: "cart.shipping-method-tax-line.deleted",
            data: { id: "casmtxl_1", cart_id: "cart_1" },
            metadata: { source: "cart", object: "shipping_method_tax_line", action: "deleted" },
          },
          {
            name: "cart.credit-line.created",
            data: { id: "cacl_1", cart_id: "cart_1" },
            metadata: { source: "cart", object: "credit_line", action: "created" },
          },
        ],
      },
    ])
  })

  it("keeps the flows' workflow events as Medusa's workflows name them, not internal", async () => {
    const { calls, bus } = recordingBus()
    await medusaEventBus(bus).emit([
      cartWorkflowEvent(CartWorkflowEvents.UPDATED, { id: "cart_1" }),
      cartEvent("Cart", "updated", { id: "cart_1", cart_id: "cart_1" }),
    ])
    expect(calls.map((call) => [call.options, call.messages.map((message) => message.name)])).toEqual([
      [{ internal: true }, ["cart.cart.updated"]],
      [undefined, ["cart.updated"]],
    ])
    expect(calls[1]!.messages[0]!.metadata).toEqual({ source: "cart", object: "cart", action: "updated" })
  })

  it("sends an event of the host's own (emitEvents) as it is, not internal", async () => {
    const { calls, bus } = recordingBus()
    const own: CartEvent = {
      name: "cart.updated",
      data: { id: "cart_1" },
      metadata: { source: "cartwright", object: "gift_wrap", action: "updated" },
    }
    await medusaEventBus(bus).emit([own])
    expect(calls).toEqual([{ options: undefined, messages: [{ ...own, metadata: { ...own.metadata, source: "cart" } }] }])
  })

  it("sends nothing for no events", async () => {
    const { calls, bus } = recordingBus()
    await medusaEventBus(bus).emit([])
    expect(calls).toEqual([])
  })
})
