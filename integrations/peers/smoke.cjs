// Smoke test of the packed cartwright in a host that brings its own MikroORM and awilix (the peers).
// Run by run.sh in a throwaway host folder; DATABASE_URL points at a fresh database.
"use strict"
const assert = require("node:assert/strict")
const { readFileSync } = require("node:fs")
const { dirname, join, sep } = require("node:path")
const { createContainer } = require("awilix")
const { registerCartModule } = require("cartwright")

async function main() {
  const host = process.cwd()
  const cartwrightRoot = dirname(require.resolve("cartwright/package.json"))
  // One copy: what cartwright resolves is the host's, not a nested one.
  for (const name of ["@mikro-orm/core", "@mikro-orm/postgresql", "@mikro-orm/migrations", "awilix"]) {
    // The entry, not package.json: awilix 13's exports map does not expose its package.json.
    const seen = require.resolve(name, { paths: [cartwrightRoot] })
    assert.ok(seen.startsWith(join(host, "node_modules", name) + sep), `${name} resolves to ${seen}, not the host's copy`)
  }
  const container = createContainer()
  await registerCartModule(container, { database: { clientUrl: process.env.DATABASE_URL }, migrate: true })
  const carts = container.resolve("cart")
  const cart = await carts.createCarts({ currency_code: "usd", items: [{ title: "Tee", quantity: 2, unit_price: 20 }] })
  await carts.addLineItems(cart.id, [{ title: "Cap", quantity: 1, unit_price: "9.99" }])
  const read = await carts.retrieveCart(cart.id, { relations: ["items"] })
  assert.equal(read.total.toJSON(), 49.99)
  assert.equal(read.items.length, 2)
  await container.dispose()
  const version = (name) => JSON.parse(readFileSync(join(host, "node_modules", name, "package.json"), "utf8")).version
  const core = version("@mikro-orm/core")
  const awilix = version("awilix")
  console.log(`ok: @mikro-orm/* ${core}, awilix ${awilix}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
