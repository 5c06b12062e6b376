import { createContainer } from "awilix"
import { registerCartModule } from "../../../src/container/register-cart-module"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import { createCartModule } from "../../../src/module/create-cart-module"
import { CartModuleService } from "../../../src/service/cart-module-service"
import { createTestDatabase } from "../../support/test-database"
import type { TestDatabase } from "../../support/test-database"

/** The error a promise rejects with (failing the test when it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection")
    },
    (error: unknown) => error,
  )
}

describe("createCartModule on an unreachable database", () => {
  it("fails with one unexpected_state error naming the address, not an ORM stack", async () => {
    const error = await rejectionOf(createCartModule({ database: { clientUrl: "postgres://postgres@127.0.0.1:1/x" } }))
    expect(CartModuleError.is(error)).toBe(true)
    expect(error).toMatchObject({ type: "unexpected_state" })
    const message = (error as Error).message
    expect(message).toContain("127.0.0.1:1")
    expect(message).toMatch(/could not connect to PostgreSQL/)
    expect(message).not.toContain("\n")
  })

  it("does not leak the password into the message", async () => {
    const error = await rejectionOf(createCartModule({ database: { clientUrl: "postgres://shop:s3cret@127.0.0.1:1/x" } }))
    expect((error as Error).message).toContain("shop:***@127.0.0.1:1")
    expect((error as Error).message).not.toContain("s3cret")
  })
})

describe("registerCartModule", () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(() => database.drop())

  it("registers the service under cart and the module under cartModule; dispose() closes it", async () => {
    const container = createContainer()
    const module = await registerCartModule(container, { database: { clientUrl: database.url }, migrate: true })
    const service = container.resolve<CartModuleService>("cart")
    expect(service).toBeInstanceOf(CartModuleService)
    expect(service).toBe(module.service)
    expect(container.resolve("cartModule")).toBe(module)
    const cart = await service.createCarts({ currency_code: "eur" })
    expect(cart.id).toMatch(/^cart_/)

    await container.dispose()
    expect(await module.orm.isConnected()).toBe(false)
  })

  it("registers under a custom key", async () => {
    const container = createContainer()
    const module = await registerCartModule(container, { key: "carts", database: { clientUrl: database.url } })
    expect(container.resolve("carts")).toBe(module.service)
    expect(container.resolve("cartsModule")).toBe(module)
    expect(container.hasRegistration("cart")).toBe(false)
    await container.dispose()
    expect(await module.orm.isConnected()).toBe(false)
  })

  it("closes the module on dispose() even when the service was never resolved", async () => {
    const container = createContainer()
    const module = await registerCartModule(container, { database: { clientUrl: database.url } })
    await container.dispose()
    expect(await module.orm.isConnected()).toBe(false)
  })

  it("rejects bad options before registering anything", async () => {
    const container = createContainer()
    await expect(registerCartModule(container, { database: { clientUrl: "nope" } })).rejects.toMatchObject({ type: "invalid_data" })
    expect(container.hasRegistration("cart")).toBe(false)
  })
})
