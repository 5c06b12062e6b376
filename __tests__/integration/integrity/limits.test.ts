import { useCartModule } from "../../support/cart-module-fixture"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import { snapshotDatabase } from "./database-snapshot"

const MAX_LINES = 3
const MAX_QUANTITY = 10

const fixture = useCartModule({ limits: { maxLinesPerCart: MAX_LINES, maxQuantity: MAX_QUANTITY } })

const range = (n: number) => Array.from({ length: n }, (_, i) => i)
const line = (i: number) => ({ title: `Line ${i}`, quantity: 1, unit_price: 1 })

async function aCartWithLines(count: number): Promise<{ id: string; items: string[] }> {
  const cart = await fixture.service.createCarts({ currency_code: "usd", items: range(count).map(line) })
  return { id: cart.id, items: cart.items!.map((item) => item.id) }
}

async function liveLines(cartId: string): Promise<number> {
  return (await fixture.service.listLineItems({ cart_id: cartId })).length
}

/** Expects `work` to fail with the line-limit error for `cartId` and to leave the database untouched. */
async function expectLineLimit(work: () => Promise<unknown>, cartId: string | RegExp, lines = MAX_LINES + 1): Promise<void> {
  const before = await snapshotDatabase(fixture.module)
  const error = await work().then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(CartModuleError.is(error)).toBe(true)
  expect(error).toMatchObject({ type: "invalid_data" })
  const message = (error as Error).message
  if (typeof cartId === "string") expect(message).toBe(`Cart "${cartId}" would have ${lines} lines; the limit is ${MAX_LINES}`)
  else expect(message).toMatch(cartId)
  expect(await snapshotDatabase(fixture.module)).toEqual(before)
}

describe("limits.maxLinesPerCart", () => {
  it("lets a cart be created with exactly the limit of lines", async () => {
    const cart = await aCartWithLines(MAX_LINES)
    expect(await liveLines(cart.id)).toBe(MAX_LINES)
  })

  it("rejects createCarts with too many nested items at the items path, writing nothing", async () => {
    await expectLineLimit(
      () => fixture.service.createCarts({ currency_code: "usd", items: range(MAX_LINES + 1).map(line) }),
      /items: would have 4 lines; the limit is 3/,
    )
  })

  it("names the offending cart's index when several carts are created at once", async () => {
    const error = await fixture.service
      .createCarts([{ currency_code: "usd" }, { currency_code: "usd", items: range(MAX_LINES + 1).map(line) }])
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ type: "invalid_data", issues: [{ path: [1, "items"], message: "would have 4 lines; the limit is 3" }] })
  })

  it("lets addLineItems fill a cart up to the limit", async () => {
    const cart = await aCartWithLines(1)
    await fixture.service.addLineItems(cart.id, [line(1), line(2)])
    expect(await liveLines(cart.id)).toBe(MAX_LINES)
  })

  it("rejects addLineItems (cartId form) past the limit with the cart id and the counts", async () => {
    const cart = await aCartWithLines(2)
    await expectLineLimit(() => fixture.service.addLineItems(cart.id, [line(2), line(3)]), cart.id, 4)
    expect(await liveLines(cart.id)).toBe(2)
  })

  it("rejects addLineItems (object form) on a full cart", async () => {
    const cart = await aCartWithLines(MAX_LINES)
    await expectLineLimit(() => fixture.service.addLineItems({ cart_id: cart.id, ...line(9) }), cart.id, 4)
  })

  it("rejects createLineItems across carts when one cart goes over, adding nothing to the other", async () => {
    const roomy = await aCartWithLines(0)
    const full = await aCartWithLines(MAX_LINES)
    await expectLineLimit(
      () =>
        fixture.service.createLineItems([
          { cart_id: roomy.id, ...line(0) },
          { cart_id: full.id, ...line(1) },
        ]),
      full.id,
      4,
    )
    expect(await liveLines(roomy.id)).toBe(0)
  })

  it("does not count soft-deleted lines", async () => {
    const cart = await aCartWithLines(MAX_LINES)
    await fixture.service.softDeleteLineItems([cart.items[0]!])
    await fixture.service.addLineItems(cart.id, [line(9)])
    expect(await liveLines(cart.id)).toBe(MAX_LINES)
  })

  it("rejects restoring a line into a cart that has since filled up", async () => {
    const cart = await aCartWithLines(MAX_LINES)
    await fixture.service.softDeleteLineItems([cart.items[0]!])
    await fixture.service.addLineItems(cart.id, [line(9)])
    await expectLineLimit(() => fixture.service.restoreLineItems([cart.items[0]!]), cart.id, 4)
  })

  it("allows restoring a line while there is room", async () => {
    const cart = await aCartWithLines(MAX_LINES)
    await fixture.service.softDeleteLineItems([cart.items[0]!])
    await fixture.service.restoreLineItems([cart.items[0]!])
    expect(await liveLines(cart.id)).toBe(MAX_LINES)
  })

  it("holds under concurrency: 16 parallel single-line adders on an empty cart leave exactly the limit", async () => {
    const cart = await aCartWithLines(0)
    const results = await Promise.allSettled(range(16).map((i) => fixture.service.addLineItems(cart.id, [line(i)])))
    const fulfilled = results.filter((result) => result.status === "fulfilled")
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected")
    expect(fulfilled).toHaveLength(MAX_LINES)
    for (const { reason } of rejected)
      expect(reason).toMatchObject({ type: "invalid_data", message: `Cart "${cart.id}" would have 4 lines; the limit is 3` })
    expect(await liveLines(cart.id)).toBe(MAX_LINES)
  })

  it("rolls back inside a host transaction too, leaving the host's own writes", async () => {
    const cart = await aCartWithLines(MAX_LINES)
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.updateCarts(cart.id, { email: "host@example.com" }, ctx)
      await expect(fixture.service.addLineItems(cart.id, [line(9)], ctx)).rejects.toMatchObject({ type: "invalid_data" })
    })
    const after = await fixture.service.retrieveCart(cart.id, { select: ["email"] })
    expect(after.email).toBe("host@example.com")
    expect(await liveLines(cart.id)).toBe(MAX_LINES)
  })
})

describe("limits.maxQuantity", () => {
  it("accepts a quantity equal to the limit on add and update", async () => {
    const cart = await aCartWithLines(0)
    const [item] = await fixture.service.addLineItems(cart.id, [{ title: "Tee", quantity: MAX_QUANTITY, unit_price: 1 }])
    const [updated] = await fixture.service.updateLineItems([{ id: item!.id, quantity: MAX_QUANTITY }])
    expect(Number(updated!.quantity)).toBe(MAX_QUANTITY)
  })

  it("rejects addLineItems above the limit at the quantity path, writing nothing", async () => {
    const cart = await aCartWithLines(0)
    const before = await snapshotDatabase(fixture.module)
    await expect(
      fixture.service.addLineItems(cart.id, [{ title: "Tee", quantity: MAX_QUANTITY + 1, unit_price: 1 }]),
    ).rejects.toMatchObject({
      type: "invalid_data",
      issues: [{ path: ["quantity"], message: `must be at most ${MAX_QUANTITY}` }],
    })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("rejects a nested item above the limit in createCarts at its own path", async () => {
    const before = await snapshotDatabase(fixture.module)
    await expect(
      fixture.service.createCarts({ currency_code: "usd", items: [line(0), { title: "Bulk", quantity: MAX_QUANTITY + 1, unit_price: 1 }] }),
    ).rejects.toMatchObject({
      type: "invalid_data",
      issues: [{ path: ["items", 1, "quantity"], message: `must be at most ${MAX_QUANTITY}` }],
    })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it.each([
    ["by id", (id: string) => fixture.service.updateLineItems(id, { quantity: MAX_QUANTITY + 1 })],
    ["by selector", (_id: string, cartId: string) => fixture.service.updateLineItems({ cart_id: cartId }, { quantity: MAX_QUANTITY + 1 })],
    ["as [{ id, ...data }]", (id: string) => fixture.service.updateLineItems([{ id, quantity: MAX_QUANTITY + 1 }])],
    [
      "as [{ selector, data }]",
      (id: string) => fixture.service.updateLineItems([{ selector: { id }, data: { quantity: MAX_QUANTITY + 1 } }]),
    ],
  ] as const)("rejects updateLineItems %s above the limit, writing nothing", async (_form, update) => {
    const cart = await aCartWithLines(1)
    const before = await snapshotDatabase(fixture.module)
    await expect(update(cart.items[0]!, cart.id)).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: expect.arrayContaining(["quantity"]), message: `must be at most ${MAX_QUANTITY}` })],
    })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })
})

describe("without limits", () => {
  const unlimited = useCartModule()

  it("accepts any number of lines and any quantity", async () => {
    const cart = await unlimited.module.service.createCarts({ currency_code: "usd", items: range(MAX_LINES + 2).map(line) })
    await unlimited.module.service.addLineItems(cart.id, [{ title: "Bulk", quantity: 100_000, unit_price: 1 }])
    expect(await unlimited.module.service.listLineItems({ cart_id: cart.id })).toHaveLength(MAX_LINES + 3)
  })
})
