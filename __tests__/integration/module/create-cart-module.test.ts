import { createContainer } from "awilix"
import { registerCartModule } from "../../../src/container/register-cart-module"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import { createCartModule } from "../../../src/module/create-cart-module"
import { CartModuleService } from "../../../src/service/cart-module-service"
import { testServerUrl, useTestDatabase, withPgClient } from "../../support/test-database"

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
  const database = useTestDatabase()

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

describe("createCartModule on a database without its tables, and its logging", () => {
  const database = useTestDatabase()

  it("tells the caller to run the migrations when a table is missing", async () => {
    const module = await createCartModule({ database: { clientUrl: database.url }, logger: silent })
    try {
      const error = await rejectionOf(module.service.createCarts({ currency_code: "eur" }))
      expect(error).toMatchObject({ type: "unexpected_state" })
      expect((error as Error).message).toMatch(/^Table "cart\w*" does not exist: run the migrations first \(await module\.migrate\(\)/)
      expect((error as Error).message).toContain("npx cartwright migrate up")
    } finally {
      await module.close()
    }
  })

  it("logs applied migrations at info, the database in use and (with logSql) statements at debug, never values", async () => {
    const lines: string[] = []
    const logger = { ...silent, info: (m: string) => void lines.push(`info ${m}`), debug: (m: string) => void lines.push(`debug ${m}`) }
    const module = await createCartModule({ database: { clientUrl: database.url }, logger, logSql: true })
    try {
      await module.migrate()
      await module.service.createCarts({ currency_code: "eur", email: "secret@example.com" })
    } finally {
      await module.close()
    }
    expect(lines).toContainEqual(expect.stringMatching(/^debug using PostgreSQL at postgres:\/\/.* \(from options\.database\)$/))
    expect(lines).toContainEqual(expect.stringMatching(/^info applied migration Migration\d+/))
    expect(lines).toContainEqual(expect.stringMatching(/^debug sql: .*insert into "cart"/i))
    expect(lines.join("\n")).not.toContain("secret@example.com")
  })

  it("logs no SQL without logSql", async () => {
    const lines: string[] = []
    const module = await createCartModule({
      database: { clientUrl: database.url },
      logger: { ...silent, debug: (m: string) => void lines.push(m) },
    })
    try {
      await module.migrationStatus()
    } finally {
      await module.close()
    }
    expect(lines.filter((line) => line.startsWith("sql:"))).toEqual([])
  })
})

describe("createCartModule and a database that does not exist", () => {
  it("refuses to create it unless database.createDatabase is true", async () => {
    const url = new URL(testServerUrl())
    url.pathname = `/cw_typo_${process.pid}_${Date.now()}`
    const error = await rejectionOf(createCartModule({ database: { clientUrl: url.toString() }, logger: silent }))
    expect((error as Error).message).toMatch(/database "cw_typo_\w+" does not exist \(create it, or pass database\.createDatabase: true/)
    const name = url.pathname.slice(1)
    const exists = await withPgClient(testServerUrl(), (c) => c.query("select 1 from pg_database where datname = $1", [name]))
    expect(exists.rows).toEqual([])
  })
})

const silent = { warn: () => undefined, error: () => undefined }
