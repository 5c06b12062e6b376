import { Modules } from "@medusajs/framework/utils"
import { StepResponse, WorkflowResponse, createStep, createWorkflow } from "@medusajs/workflows-sdk"
import { bootCartwrightApp } from "./support/cartwright-app"
import type { CartwrightApp } from "./support/cartwright-app"
import { query } from "./support/database"

// (c) of issue #11: a workflow built with @medusajs/workflows-sdk 2.21 calls cartwright from its steps through
// the cart module key; when a later step throws, Medusa runs the compensations in reverse and they undo
// cartwright's writes.

interface Input {
  readonly cartId: string
  readonly email: string
  readonly declinePayment: boolean
}

const setEmailStep = createStep(
  "cartwright-set-email",
  async (input: { cartId: string; email: string }, { container }) => {
    const carts = container.resolve(Modules.CART)
    const before = await carts.retrieveCart(input.cartId, { select: ["id", "email"] })
    await carts.updateCarts(input.cartId, { email: input.email })
    return new StepResponse(input.email, { cartId: input.cartId, email: before.email ?? null })
  },
  async (previous, { container }) => {
    if (previous) await container.resolve(Modules.CART).updateCarts(previous.cartId, { email: previous.email })
  },
)

const addItemsStep = createStep(
  "cartwright-add-items",
  async (cartId: string, { container }) => {
    const carts = container.resolve(Modules.CART)
    const items = await carts.addLineItems(cartId, [{ title: "Tee", quantity: 2, unit_price: 15 }])
    return new StepResponse(
      items.map((item) => item.id),
      items.map((item) => item.id),
    )
  },
  async (itemIds, { container }) => {
    if (itemIds?.length) await container.resolve(Modules.CART).deleteLineItems(itemIds)
  },
)

const paymentStep = createStep("cartwright-authorize-payment", async (decline: boolean) => {
  if (decline) throw new Error("payment declined")
  return new StepResponse("authorized")
})

const checkoutWorkflow = createWorkflow("cartwright-checkout", (input: Input) => {
  const email = setEmailStep(input)
  const itemIds = addItemsStep(input.cartId)
  const payment = paymentStep(input.declinePayment)
  return new WorkflowResponse({ email, itemIds, payment })
})

describe("a Medusa workflow over cartwright", () => {
  let host: CartwrightApp

  beforeAll(async () => {
    host = await bootCartwrightApp()
  })

  afterAll(async () => {
    await host?.shutdown()
  })

  it("runs its steps through the cart module key", async () => {
    const { id } = await host.carts.createCarts({ currency_code: "usd", email: "old@example.com" })
    const { result } = await checkoutWorkflow(host.app.sharedContainer).run({
      input: { cartId: id, email: "ok@example.com", declinePayment: false },
    })
    expect(result.payment).toBe("authorized")
    const cart = await host.carts.retrieveCart(id)
    expect(cart.email).toBe("ok@example.com")
    expect(cart.items?.map((item) => item.id)).toEqual(result.itemIds)
    expect(cart.total.valueOf()).toBe(30)
  })

  it("compensates when a later step throws: the items are removed and the email restored", async () => {
    const { id } = await host.carts.createCarts({ currency_code: "usd", email: "old@example.com" })
    const { errors } = await checkoutWorkflow(host.app.sharedContainer).run({
      input: { cartId: id, email: "declined@example.com", declinePayment: true },
      throwOnError: false,
    })
    expect(errors.map((error) => error.error?.message)).toEqual(["payment declined"])
    const cart = await host.carts.retrieveCart(id, { relations: ["items"] })
    expect(cart.email).toBe("old@example.com")
    expect(cart.items).toEqual([])
    expect(await query(host.db.url, "SELECT id FROM cart_line_item WHERE cart_id = $1", [id])).toEqual([])
  })
})
