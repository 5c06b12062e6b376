import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { createCartModule } from "cartwright"
import { createHostDatabase } from "./support/database"
import type { HostDatabase } from "./support/database"

// Regression for issue #11: cartwright pinned @mikro-orm/* 6.6.7 as dependencies, so a Medusa 2.21 host
// (which lists 6.6.14 in its package.json) got a second, nested MikroORM whose start-up version check
// read the host's package.json and threw `Bad @mikro-orm/knex version 6.6.14` from createCartModule.
// MikroORM is now a peer: the host's single copy is the one cartwright loads.

function json(path: string): { version?: string; devDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path, "utf8")) as { version?: string; devDependencies?: Record<string, string> }
}

const hostRoot = join(__dirname, "..")
const cartwrightRoot = dirname(require.resolve("cartwright/package.json"))

describe("a host whose package.json pins another MikroORM patch version than cartwright's dev pin", () => {
  let db: HostDatabase
  beforeAll(async () => {
    db = await createHostDatabase()
  })
  afterAll(async () => {
    await db.drop()
  })

  it("is such a host (the precondition of the old failure)", () => {
    const hostPin = json(join(hostRoot, "package.json")).devDependencies?.["@mikro-orm/core"]
    const ourPin = json(join(cartwrightRoot, "package.json")).devDependencies?.["@mikro-orm/core"]
    expect(hostPin).toBeDefined()
    expect(ourPin).toBeDefined()
    expect(hostPin).not.toBe(ourPin)
  })

  it("gives cartwright the host's one copy of MikroORM and awilix", () => {
    for (const name of ["@mikro-orm/core", "@mikro-orm/postgresql", "@mikro-orm/migrations", "awilix"]) {
      const seenByCartwright = require.resolve(`${name}/package.json`, { paths: [cartwrightRoot] })
      expect(seenByCartwright).toBe(join(hostRoot, "node_modules", name, "package.json"))
    }
  })

  it("starts, migrates and serves carts with totals", async () => {
    const cartModule = await createCartModule({ database: { clientUrl: db.url } })
    try {
      await cartModule.migrate()
      const cart = await cartModule.service.createCarts({
        currency_code: "usd",
        items: [{ title: "Tee", quantity: 2, unit_price: 20 }],
      })
      const read = await cartModule.service.retrieveCart(cart.id, { relations: ["items"] })
      expect(read.total?.toJSON()).toBe(40)
      expect(read.items?.[0]?.quantity).toBe(2)
    } finally {
      await cartModule.close()
    }
  })
})
