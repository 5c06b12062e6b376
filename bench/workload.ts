import { performance } from "node:perf_hooks"
import { computeCartTotals, ConflictError } from "../src/index"
import type { CartModuleService } from "../src/index"
import type { TotalsCartInput } from "../src/totals"
import { seededRandom } from "./random"
import type { SeededRandom } from "./random"
import { measureConcurrent, measureCpu, measureSequential } from "./stats"
import type { PhaseResult } from "./stats"

/** How much work each phase does; `scale` 1 is the full run. */
export interface WorkloadSize {
  readonly carts: number
  readonly lists: number
  readonly bigCarts: number
  readonly bigRetrieves: number
  readonly totalsIterations: number
  readonly writers: number
  readonly incrementsPerWriter: number
}

/** Phase sizes for a scale factor (1 = full run, ~0.25 = --quick). */
export function workloadSize(scale: number): WorkloadSize {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale))
  return {
    carts: n(300, 20),
    lists: n(100, 10),
    bigCarts: n(6, 2),
    bigRetrieves: n(60, 10),
    totalsIterations: n(300, 30),
    writers: 8,
    incrementsPerWriter: n(40, 8),
  }
}

/** What the concurrency phase found. */
export interface ConcurrencyCheck {
  readonly writers: number
  readonly increments: number
  readonly conflicts: number
  readonly expectedQuantity: number
  readonly finalQuantity: number
  readonly lost: number
}

/** Everything the workload measured. */
export interface WorkloadResult {
  readonly phases: PhaseResult[]
  readonly concurrency: ConcurrencyCheck
}

const BIG_CART_ITEMS = 200
const TAX_CODES = ["STATE", "COUNTY", "CITY", "DISTRICT", "SPECIAL"]

function itemsOf(random: SeededRandom, count: number, offset = 0) {
  return Array.from({ length: count }, (_, i) => ({
    title: `Product ${offset + i}`,
    variant_id: `variant_${random.int(1, 500)}`,
    quantity: random.int(1, 4),
    unit_price: random.price(1, 120),
  }))
}

function addressOf(random: SeededRandom) {
  return { first_name: "Ada", last_name: "Lovelace", address_1: `${random.int(1, 999)} Main St`, city: "Austin", country_code: "us", postal_code: "78701" }
}

/** Runs every phase in order on `service` and returns their measurements. */
export async function runWorkload(service: CartModuleService, size: WorkloadSize, seed: number, log: (line: string) => void): Promise<WorkloadResult> {
  const random = seededRandom(seed)
  const phases: PhaseResult[] = []
  const run = async (phase: Promise<PhaseResult> | PhaseResult) => {
    const result = await phase
    phases.push(result)
    log(`  ${result.name}: ${result.ops} ops, ${result.opsPerSec.toFixed(0)} ops/s`)
  }

  const cartIds: string[] = []
  const itemIds: string[][] = []
  const methodIds: string[] = []

  await run(measureSequential("create cart (3 items + address)", size.carts, async () => {
    const cart = await service.createCarts({ currency_code: "usd", email: `c${cartIds.length}@example.com`, shipping_address: addressOf(random), items: itemsOf(random, 3) })
    cartIds.push(cart.id)
    itemIds.push((cart.items ?? []).map((item) => item.id))
  }))
  await run(measureSequential("add 2 items", size.carts, async (i) => {
    const added = await service.addLineItems(cartIds[i]!, itemsOf(random, 2, 3))
    itemIds[i]!.push(...added.map((item) => item.id))
  }))
  await run(measureSequential("set 5 tax lines", size.carts, (i) =>
    service.setLineItemTaxLines(cartIds[i]!, itemIds[i]!.map((id, k) => ({ item_id: id, code: TAX_CODES[k % TAX_CODES.length]!, rate: random.int(1, 10) }))),
  ))
  await run(measureSequential("set 2 adjustments", size.carts, (i) =>
    service.setLineItemAdjustments(cartIds[i]!, itemIds[i]!.slice(0, 2).map((id) => ({ item_id: id, code: "SPRING", amount: random.price(0.5, 3) }))),
  ))
  await run(measureSequential("add shipping method", size.carts, async (i) => {
    const [method] = await service.addShippingMethods(cartIds[i]!, [{ name: "Standard", amount: random.price(3, 15), shipping_option_id: "so_standard" }])
    methodIds.push(method!.id)
  }))
  await run(measureSequential("set shipping tax line", size.carts, (i) =>
    service.setShippingMethodTaxLines(cartIds[i]!, [{ shipping_method_id: methodIds[i]!, code: "STATE", rate: random.int(1, 10) }]),
  ))
  await run(measureSequential("update quantity", size.carts, (i) => service.updateLineItems(itemIds[i]![0]!, { quantity: random.int(1, 9) })))
  await run(measureSequential("retrieve with totals", size.carts, (i) =>
    service.retrieveCart(cartIds[i]!, { relations: ["items", "items.tax_lines", "items.adjustments", "shipping_methods", "shipping_methods.tax_lines", "shipping_address"] }),
  ))
  await run(measureSequential("list+count 20 with totals", size.lists, (i) =>
    service.listAndCountCarts({}, { take: 20, skip: (i * 20) % Math.max(1, size.carts - 20), order: { created_at: "ASC" } }),
  ))
  await run(measureSequential("list+count 20 no totals", size.lists, (i) =>
    service.listAndCountCarts({}, { take: 20, skip: (i * 20) % Math.max(1, size.carts - 20), select: ["id", "email", "currency_code", "created_at"], order: { created_at: "ASC" } }),
  ))
  await run(measureSequential("delete an item", size.carts, (i) => service.deleteLineItems(itemIds[i]!.pop()!)))

  const big = await bigCartPhases(service, size, random, run)
  await run(measureCpu(`computeCartTotals (${BIG_CART_ITEMS} items, CPU only)`, size.totalsIterations, () => computeCartTotals(big)))

  const concurrency = await concurrentWriters(service, size, run)
  return { phases, concurrency }
}

async function bigCartPhases(
  service: CartModuleService,
  size: WorkloadSize,
  random: SeededRandom,
  run: (phase: Promise<PhaseResult>) => Promise<void>,
): Promise<TotalsCartInput> {
  const bigIds: string[] = []
  let input: TotalsCartInput | undefined
  await run(measureSequential(`create ${BIG_CART_ITEMS}-item cart`, size.bigCarts, async () => {
    const items = itemsOf(random, BIG_CART_ITEMS)
    const cart = await service.createCarts({ currency_code: "usd", items })
    bigIds.push(cart.id)
    input ??= { currency_code: "usd", items: (cart.items ?? []).map((item, k) => ({ id: item.id, unit_price: items[k]!.unit_price, quantity: items[k]!.quantity, tax_lines: [], adjustments: [] })), shipping_methods: [], credit_lines: [] }
  }))
  // Untimed setup: the retrieves below should total real tax lines and discounts.
  for (const cartId of bigIds) {
    const lines = await service.listLineItems({ cart_id: cartId }, { select: ["id"] })
    await service.setLineItemTaxLines(cartId, lines.map((line) => ({ item_id: line.id, code: "VAT", rate: 20 })))
    await service.setLineItemAdjustments(cartId, lines.filter((_, k) => k % 2 === 0).map((line) => ({ item_id: line.id, code: "HALF", amount: "1.50" })))
  }
  await run(measureSequential(`retrieve ${BIG_CART_ITEMS}-item cart with totals`, size.bigRetrieves, (i) =>
    service.retrieveCart(bigIds[i % bigIds.length]!, { relations: ["items", "items.tax_lines", "items.adjustments"] }),
  ))
  await run(measureSequential(`retrieve ${BIG_CART_ITEMS}-item cart no totals`, size.bigRetrieves, (i) =>
    service.retrieveCart(bigIds[i % bigIds.length]!, { select: ["id", "currency_code", "items.id", "items.title", "items.quantity", "items.unit_price"], relations: ["items"] }),
  ))
  const base = input!
  return {
    ...base,
    items: base.items.map((item, k) => ({ ...item, tax_lines: [{ rate: 20 }], adjustments: k % 2 === 0 ? [{ amount: "1.50" }] : [] })),
  }
}

async function concurrentWriters(service: CartModuleService, size: WorkloadSize, run: (phase: Promise<PhaseResult>) => Promise<void>): Promise<ConcurrencyCheck> {
  const cart = await service.createCarts({ currency_code: "usd", items: [{ title: "Contended", quantity: 1, unit_price: 10 }] })
  const itemId = cart.items![0]!.id
  let conflicts = 0
  await run(measureConcurrent(`${size.writers} writers, one cart (+1 qty)`, size.writers, async (_worker, record) => {
    for (let n = 0; n < size.incrementsPerWriter; n++) {
      const t0 = performance.now()
      // Read-then-write with an expected version: a stale read must fail, never overwrite.
      for (;;) {
        const current = await service.retrieveCart(cart.id, { select: ["version", "items.id", "items.quantity"], relations: ["items"] })
        const quantity = Number(current.items!.find((item) => item.id === itemId)!.quantity)
        try {
          await service.updateLineItems(itemId, { quantity: quantity + 1 }, { expectedVersion: current.version })
          break
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error
          conflicts++
        }
      }
      record(performance.now() - t0)
    }
  }, () => `${conflicts} conflicts retried`))
  const increments = size.writers * size.incrementsPerWriter
  const final = await service.retrieveLineItem(itemId, { select: ["quantity"] })
  const finalQuantity = Number(final.quantity)
  const expectedQuantity = 1 + increments
  return { writers: size.writers, increments, conflicts, expectedQuantity, finalQuantity, lost: expectedQuantity - finalQuantity }
}
