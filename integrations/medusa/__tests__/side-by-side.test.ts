import { randomBytes } from "node:crypto"
import { MockEventBusService, moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { FilterableCartProps, ICartModuleService } from "@medusajs/types"
import { models } from "cartwright/medusa"
import { query, serverUrl } from "./support/database"

// "Drop-in means drop-in", held by a test: Medusa's own test runner boots @medusajs/cart 2.21.2 and then
// cartwright/medusa on the same PostgreSQL, the same calls run against both, and what each returns (every
// key and the kind of every value, recursively), the events each emits (name, object, internal or not) and
// the messages of their not-found errors are compared. cartwright may add only the fields it documents.

const server = new URL(serverUrl())
process.env.DB_HOST = server.hostname
process.env.DB_PORT = server.port || "5432"
process.env.DB_USERNAME = decodeURIComponent(server.username)
process.env.DB_PASSWORD = decodeURIComponent(server.password)

type Side = "medusa" | "cartwright"

/** Credit line methods both modules have at run time, which @medusajs/types 2.21's ICartModuleService does not declare. */
interface CreditLineCalls {
  createCreditLines(data: { cart_id: string; amount: number; reference: string; reference_id: string }[]): Promise<unknown>
  listCreditLines(filters: { cart_id: string }): Promise<unknown>
}
type Shapes = Map<string, string[]>
const recorded: Record<Side, Shapes> = { medusa: new Map(), cartwright: new Map() }
const databases: string[] = []

afterAll(async () => {
  for (const name of databases) await query(serverUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
})

/** Every key of `value` with the kind of its value (`items[].unit_price: BigNumber`), arrays by their first element. */
function shapeOf(value: unknown, path = "", out: string[] = []): string[] {
  if (value === null || value === undefined) {
    out.push(`${path}: ${String(value)}`)
  } else if (Array.isArray(value)) {
    out.push(`${path}: ${value.length ? "array" : "empty array"}`)
    if (value.length) shapeOf(value[0], `${path}[]`, out)
  } else if (value instanceof Date) {
    out.push(`${path}: Date`)
  } else if (typeof value === "object") {
    const kind = value.constructor?.name ?? "Object"
    if (kind !== "Object") out.push(`${path}: ${kind.replace(/^_+/, "")}`)
    else for (const [key, field] of Object.entries(value)) shapeOf(field, path ? `${path}.${key}` : key, out)
  } else {
    out.push(`${path}: ${typeof value}`)
  }
  return out
}

// What cartwright returns beyond @medusajs/cart, as its README lists it: the cart's version and activity
// stamp, the cart id on child rows and addresses, a tax rate's exact twin, a shipping method adjustment's
// is_tax_inclusive, and the address keys when null (Medusa leaves a null key out).
const DOCUMENTED_EXTRAS = [
  /(^|\.)version: number$/,
  /(^|\.)last_active_at: Date$/,
  /(adjustments|tax_lines|address)(\[\])?\.cart_id: (string|null)$/,
  /^(\[\]\.)?cart_id: (string|null)$/,
  /raw_rate(\.\w+)?: \w+$/,
  /shipping_methods\[\]\.adjustments\[\]\.is_tax_inclusive: boolean$/,
  /(^|\.)(billing|shipping)_address_id: null$/,
  /is_tax_inclusive: boolean$/,
  // A soft-deleted cart hides all its rows; @medusajs/cart leaves its shipping methods' adjustments and tax
  // lines and its credit lines live, so it neither returns nor announces them.
  /^(shipping_method_adjustment_id|shipping_method_tax_line_id|credit_line_id)(\[\])?: \w+$/,
  /^cart\.(shipping-method-adjustment|shipping-method-tax-line|credit-line)\.deleted /,
  // A restore announces the rows it brings back; @medusajs/cart announces none.
  /\.restored \w+ internal$/,
]

// What @medusajs/cart does that cartwright does not copy: announcing a soft-deleted cart's adjustments and tax
// lines as `updated` besides `deleted`.
const MEDUSA_QUIRKS = [/^cart\.line-item-(adjustment|tax-line)\.updated .* internal$/]

async function exercise(
  service: ICartModuleService,
  record: (name: string, value: unknown) => void,
  recordAs: (name: string, lines: string[]) => void,
): Promise<void> {
  const credits = service as unknown as CreditLineCalls
  const events: string[] = []
  const emit = jest.spyOn(MockEventBusService.prototype, "emit").mockImplementation(async (data: unknown, options?: unknown) => {
    const internal = typeof options === "object" && options !== null && "internal" in options ? "internal" : "public"
    for (const message of Array.isArray(data) ? data : [data]) {
      const { name, metadata } = message as { name: string; metadata?: { object?: string } }
      events.push(`${name} ${metadata?.object ?? ""} ${internal}`)
    }
  })
  const eventsOf = async (name: string, call: () => Promise<unknown>) => {
    events.length = 0
    await call()
    recordAs(`events of ${name}`, [...events].sort())
  }
  try {
    const item = (title: string) => ({ title, quantity: 2, unit_price: 10 })
    let cartId = ""
    await eventsOf("createCarts", async () => {
      const [cart] = await service.createCarts([
        { currency_code: "usd", email: "a@b.c", shipping_address: { city: "Oslo" }, items: [item("a")] },
      ])
      cartId = cart!.id
    })
    const [first] = await service.listLineItems({ cart_id: cartId })
    await eventsOf("addLineItems", () =>
      service.addLineItems(cartId, [{ ...item("b"), tax_lines: [{ code: "T", rate: 10 }], adjustments: [{ code: "A", amount: 1 }] }]),
    )
    await eventsOf("updateLineItems", () => service.updateLineItems(first!.id, { quantity: 3 }))
    let methodId = ""
    await eventsOf("addShippingMethods", async () => {
      const [method] = await service.addShippingMethods(cartId, [{ name: "std", amount: 5 }])
      methodId = method!.id
    })
    await eventsOf("setLineItemAdjustments", async () =>
      record("setLineItemAdjustments", await service.setLineItemAdjustments(cartId, [{ item_id: first!.id, amount: 2, code: "P" }])),
    )
    await eventsOf("setLineItemTaxLines", async () =>
      record("setLineItemTaxLines", await service.setLineItemTaxLines(cartId, [{ item_id: first!.id, rate: 20, code: "V" }])),
    )
    await eventsOf("setShippingMethodAdjustments", () =>
      service.setShippingMethodAdjustments(cartId, [{ shipping_method_id: methodId, amount: 1, code: "S" }]),
    )
    await credits.createCreditLines([{ cart_id: cartId, amount: 1, reference: "r", reference_id: "x" }])

    record("retrieveCart", await service.retrieveCart(cartId))
    record("retrieveCart, relations", await service.retrieveCart(cartId, { relations: ["items", "shipping_address"] }))
    record("retrieveCart, totals and nested select", await service.retrieveCart(cartId, { select: ["id", "total", "items.title"] }))
    record("retrieveCart, empty select", await service.retrieveCart(cartId, { select: [] }))
    record("retrieveCart, nested select only", await service.retrieveCart(cartId, { select: ["items.title"] }))
    record(
      "listCarts, fields no model has",
      await service.listCarts({ id: cartId }, { select: ["id", "shipping_address.region_code", "shipping_address.city", "*credit_lines"] }),
    )
    record("listAndCountCarts", await service.listAndCountCarts({ id: cartId }))
    record("listLineItems", await service.listLineItems({ cart_id: cartId }))
    record("updateLineItems", await service.updateLineItems(first!.id, { quantity: 4 }))
    record("listShippingMethods", await service.listShippingMethods({ cart_id: cartId }))
    record("listLineItemAdjustments", await service.listLineItemAdjustments({ item_id: first!.id }))
    record("listLineItemTaxLines", await service.listLineItemTaxLines({ item_id: first!.id }))
    record("listShippingMethodAdjustments", await service.listShippingMethodAdjustments({ shipping_method_id: methodId }))
    record("listCreditLines", await credits.listCreditLines({ cart_id: cartId }))
    record("updateCarts", await service.updateCarts(cartId, { email: "z@b.c" }))
    const [taxLine] = await service.listLineItemTaxLines({ item_id: first!.id })
    record("upsertLineItemTaxLines, an update", await service.upsertLineItemTaxLines([{ id: taxLine!.id, rate: 7 }]))
    const [second] = await service.addLineItems(cartId, [item("c")])
    await eventsOf("softDeleteLineItems", async () => record("softDeleteLineItems", await service.softDeleteLineItems([second!.id])))
    await eventsOf("restoreLineItems", async () => record("restoreLineItems", await service.restoreLineItems([second!.id])))
    await eventsOf("deleteLineItems", () => service.deleteLineItems([second!.id]))
    let addressId = ""
    await eventsOf("createAddresses", async () => {
      const created = await service.createAddresses([{ city: "Rome" }])
      record("createAddresses", created)
      addressId = created[0]!.id!
    })
    const address = { id: addressId }
    await eventsOf("updateAddresses", async () =>
      record("updateAddresses", await service.updateAddresses([{ id: address!.id, city: "Milan" }])),
    )
    record("listAddresses", await service.listAddresses({ id: address!.id }))
    record(
      "listCarts, operators",
      await service.listCarts({ email: { $like: "z@%" }, currency_code: ["usd"] } as FilterableCartProps, { select: ["id", "email"] }),
    )
    await eventsOf("softDeleteCarts", async () => record("softDeleteCarts", await service.softDeleteCarts([cartId])))
    const missing = await service.retrieveCart("cart_missing").catch((error: unknown) => error)
    record("retrieveCart, missing", { message: (missing as { message?: unknown }).message, type: (missing as { type?: unknown }).type })
  } finally {
    emit.mockRestore()
  }
}

const SIDES: readonly [Side, string, unknown[]][] = [
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ["medusa", "@medusajs/cart", Object.values(require("@medusajs/cart/dist/models") as Record<string, unknown>)],
  ["cartwright", "cartwright/medusa", [...models]],
]

for (const [side, resolve, moduleModels] of SIDES) {
  const dbName = `cwm_side_${side}_${randomBytes(4).toString("hex")}`
  databases.push(dbName)
  moduleIntegrationTestRunner<ICartModuleService>({
    moduleName: Modules.CART,
    resolve,
    moduleModels,
    dbName,
    testSuite: ({ service }) => {
      it(`runs the calls on ${resolve}`, async () => {
        await exercise(
          service,
          (name, value) => recorded[side].set(name, shapeOf(value)),
          (name, lines) => recorded[side].set(name, lines),
        )
      })
    },
  })
}

describe("cartwright/medusa beside @medusajs/cart 2.21.2", () => {
  it("ran the same calls on both", () => {
    expect([...recorded.cartwright.keys()]).toEqual([...recorded.medusa.keys()])
    expect(recorded.medusa.size).toBeGreaterThan(20)
  })

  it("returns what Medusa returns, shapes and value kinds (BigNumbers included), plus only its documented extras", () => {
    const differences: Record<string, { onlyMedusa: string[]; onlyCartwright: string[] }> = {}
    for (const [name, medusa] of recorded.medusa) {
      const ours = recorded.cartwright.get(name) ?? []
      const onlyMedusa = medusa.filter((line) => !ours.includes(line) && !MEDUSA_QUIRKS.some((quirk) => quirk.test(line)))
      const onlyCartwright = ours.filter((line) => !medusa.includes(line) && !DOCUMENTED_EXTRAS.some((extra) => extra.test(line)))
      if (onlyMedusa.length || onlyCartwright.length) differences[name] = { onlyMedusa, onlyCartwright }
    }
    expect(differences).toEqual({})
  })
})
