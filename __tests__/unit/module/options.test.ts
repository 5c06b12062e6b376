import { InvalidDataError } from "../../../src/errors/errors"
import { createCartModule } from "../../../src/module/create-cart-module"
import { validateOptions, validateRegisterOptions } from "../../../src/module/options"
import { InMemoryEventBus } from "../../../src/ports/event-bus"

/** Runs validateOptions and returns the error it throws (failing the test when it does not). */
function rejectionOf(options: unknown): InvalidDataError {
  try {
    validateOptions(options)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDataError)
    return error as InvalidDataError
  }
  throw new Error("expected validateOptions to throw")
}

describe("validateOptions", () => {
  it("accepts no options and a complete set of valid ones", () => {
    expect(validateOptions(undefined)).toEqual({})
    const options = {
      database: { clientUrl: "postgresql://shop@db:5432/shop", schema: "cart", pool: { min: 0, max: 4 } },
      eventBus: new InMemoryEventBus(),
      logger: { warn: () => undefined, error: () => undefined },
      totals: { rounding: { mode: "half_even" as const } },
      limits: { maxQuantity: 100, maxLinesPerCart: 50 },
      maxRetries: 3,
    }
    expect(validateOptions(options)).toBe(options)
  })

  it("rejects an unknown top-level key at its own path", () => {
    const error = rejectionOf({ databse: { clientUrl: "postgres://x" } })
    expect(error.type).toBe("invalid_data")
    expect(error.issues).toEqual([{ path: ["databse"], message: expect.stringContaining("databse") }])
  })

  it("rejects an unknown nested key at its own path", () => {
    expect(rejectionOf({ database: { url: "postgres://x" } }).issues).toEqual([expect.objectContaining({ path: ["database", "url"] })])
  })

  it("rejects database.replicas, which no read is routed to", () => {
    expect(rejectionOf({ database: { clientUrl: "postgres://x", replicas: ["postgres://replica"] } }).issues).toEqual([
      { path: ["database", "replicas"], message: 'unknown option "replicas"' },
    ])
  })

  it("rejects a clientUrl that is not a postgres URL", () => {
    const error = rejectionOf({ database: { clientUrl: "mysql://root@localhost/shop" } })
    expect(error.issues).toEqual([{ path: ["database", "clientUrl"], message: expect.stringContaining("postgres://") }])
    expect(error.message).toContain("database.clientUrl")
  })

  it.each([[{ mode: "bankers" }], ["half_up"]])("rejects the rounding %j and says what is allowed", (rounding) => {
    const error = rejectionOf({ totals: { rounding } })
    expect(error.issues).toEqual([{ path: ["totals", "rounding"], message: expect.stringContaining("half_even") }])
  })

  it("rejects an unknown key inside the rounding policy at its own path", () => {
    expect(rejectionOf({ totals: { rounding: { mode: "half_up", precision: 2 } } }).issues).toEqual([
      expect.objectContaining({ path: ["totals", "rounding", "precision"] }),
    ])
  })

  it("rejects an event bus without emit()", () => {
    expect(rejectionOf({ eventBus: { publish: () => undefined } }).issues).toEqual([
      { path: ["eventBus"], message: expect.stringContaining("emit") },
    ])
  })

  it("lists every problem in one error", () => {
    const error = rejectionOf({ eventBus: {}, maxRetries: -1, database: { port: 0 } })
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([["eventBus"], ["maxRetries"], ["database", "port"]]))
    expect(error.issues).toHaveLength(3)
  })
})

describe("conflicting and register-only options", () => {
  it.each([
    ["host", "db.example"],
    ["port", 5433],
    ["user", "shop"],
    ["password", "x"],
    ["database", "shop"],
  ])("rejects database.clientUrl together with database.%s, which the URL would silently override", (key, value) => {
    const error = rejectionOf({ database: { clientUrl: "postgres://a@b/c", [key]: value } })
    expect(error.issues).toEqual([{ path: ["database", key], message: expect.stringContaining("conflicts with database.clientUrl") }])
  })

  it("accepts host fields without a URL, and createDatabase and logSql as booleans", () => {
    expect(() =>
      validateOptions({ database: { host: "db", port: 5433, database: "shop", createDatabase: true }, logSql: true }),
    ).not.toThrow()
    expect(rejectionOf({ database: { createDatabase: "yes" } }).issues).toEqual([
      expect.objectContaining({ path: ["database", "createDatabase"] }),
    ])
  })

  it('rejects migrate: "yes" and a key that is not an identifier in registerCartModule\'s options', () => {
    let error: unknown
    try {
      validateRegisterOptions({ migrate: "yes", key: "my cart" })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InvalidDataError)
    expect((error as InvalidDataError).issues).toEqual(
      expect.arrayContaining([{ path: ["migrate"], message: "must be true or false" }, expect.objectContaining({ path: ["key"] })]),
    )
    expect((error as InvalidDataError).issues).toHaveLength(2)
    expect(validateRegisterOptions({ migrate: true, key: "carts", limits: { maxLinesPerCart: 5 } })).toMatchObject({ key: "carts" })
  })

  it("still rejects key and migrate in createCartModule's own options", () => {
    expect(rejectionOf({ migrate: true }).issues).toEqual([{ path: ["migrate"], message: 'unknown option "migrate"' }])
  })
})

describe("createCartModule with bad options", () => {
  it("rejects them before touching any database", async () => {
    await expect(createCartModule({ database: { clientUrl: "http://nope" } })).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: ["database", "clientUrl"] })],
    })
  })
})
