import type { TotalsCartInput } from "../src/totals"
import { MAINTENANCE } from "./bench-target"
import type { BenchAddress, BenchItem, BenchTarget } from "./bench-target"
import { lockingWriters, optimisticWriters } from "./contention"
import type { ConcurrencyCheck, RecordPhase } from "./contention"
import { seededRandom } from "./random"
import type { SeededRandom } from "./random"
import { measureSequential } from "./stats"
import type { PhaseResult } from "./stats"

/** How much work each phase does; `scale` 1 is the full run. */
export interface WorkloadSize {
  /** The scale factor the sizes came from. */
  readonly scale: number
  readonly carts: number
  readonly lists: number
  readonly bigCarts: number
  readonly bigRetrieves: number
  readonly totalsIterations: number
  readonly writers: number
  readonly incrementsPerWriter: number
  /** Unrecorded passes of the single-caller phases before the recorded one (BENCH_WARMUP). */
  readonly warmupPasses: number
}

/**
 * Unrecorded passes before the recorded one. One pass (300 calls of each write) left cartwright's code
 * still warming: its CPU per "add 2 items" fell from 0.84 ms over the first 1,000 calls to 0.18 ms after
 * 3,000, where the same statement replayed through bare `pg` costs 0.19 ms. Four passes bring every
 * target close to that steady state; the floor's few lines of code warm up at once.
 */
export const DEFAULT_WARMUP_PASSES = 4

/** "1 pass", "4 passes". */
export function passes(count: number): string {
  return `${count} ${count === 1 ? "pass" : "passes"}`
}

/** Phase sizes for a scale factor (1 = full run, ~0.25 = --quick). */
export function workloadSize(scale: number, warmupPasses = DEFAULT_WARMUP_PASSES): WorkloadSize {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale))
  return {
    scale,
    carts: n(300, 20),
    lists: n(100, 10),
    bigCarts: n(6, 2),
    bigRetrieves: n(60, 10),
    totalsIterations: n(300, 30),
    writers: 8,
    incrementsPerWriter: n(40, 8),
    warmupPasses,
  }
}

/** Everything the workload measured. */
export interface WorkloadResult {
  readonly phases: PhaseResult[]
  /** The optimistic contention phase (expected version, retried on conflict). */
  readonly concurrency: ConcurrencyCheck
  /** The pessimistic one (lock, read, write in one transaction; a target without locks reads then writes). */
  readonly lockedConcurrency: ConcurrencyCheck
}

/** Options of one workload run. */
export interface WorkloadOptions {
  /** A CPU-only phase over the big cart's totals input, run after the big-cart reads (cartwright's engine). */
  readonly totalsCpuPhase?: (input: TotalsCartInput) => PhaseResult
}

const BIG_CART_ITEMS = 200
const TAX_CODES = ["STATE", "COUNTY", "CITY", "DISTRICT", "SPECIAL"]

function itemsOf(random: SeededRandom, count: number, offset = 0): BenchItem[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `Product ${offset + i}`,
    variant_id: `variant_${random.int(1, 500)}`,
    quantity: random.int(1, 4),
    unit_price: random.price(1, 120),
  }))
}

function addressOf(random: SeededRandom): BenchAddress {
  return {
    first_name: "Ada",
    last_name: "Lovelace",
    address_1: `${random.int(1, 999)} Main St`,
    city: "Austin",
    country_code: "us",
    postal_code: "78701",
  }
}

/**
 * Runs every phase in order on `target` and returns their measurements. The data comes from
 * `seed` alone, so two targets run with one seed receive the same values in the same order.
 *
 * Each target first runs the sequential phases {@link WorkloadSize.warmupPasses} times on other data,
 * unrecorded, then empties its cart tables: what is measured is each target at its steady state (its code
 * compiled by the JIT, its statements prepared) on the same rows whatever the warm-up did, not its first
 * calls, which would charge the first phases with the warm-up of the whole write path.
 */
export async function runWorkload(
  target: BenchTarget,
  size: WorkloadSize,
  seed: number,
  log: (line: string) => void,
  options: WorkloadOptions = {},
): Promise<WorkloadResult> {
  for (let pass = 0; pass < size.warmupPasses; pass++) {
    await sequentialPhases(target, size, seededRandom(seed + 1 + pass), async (phase) => void (await phase))
  }
  await target.maintain(MAINTENANCE.clear)
  log(`  ${target.label}: warmed up (${passes(size.warmupPasses)})`)
  const phases: PhaseResult[] = []
  const run: RecordPhase = async (phase) => {
    const result = await phase
    phases.push(result)
    log(`  ${target.label} ${result.name}: ${result.ops} ops, ${result.opsPerSec.toFixed(0)} ops/s`)
  }
  const big = await sequentialPhases(target, size, seededRandom(seed), run)
  if (options.totalsCpuPhase) await run(options.totalsCpuPhase(big))
  const concurrency = await optimisticWriters(target, size, run)
  const lockedConcurrency = await lockingWriters(target, size, run)
  return { phases, concurrency, lockedConcurrency }
}

/** The single-caller phases, in order; returns the big cart's totals input (for the CPU-only totals phase). */
async function sequentialPhases(target: BenchTarget, size: WorkloadSize, random: SeededRandom, run: RecordPhase): Promise<TotalsCartInput> {
  const cartIds: string[] = []
  const itemIds: string[][] = []
  const methodIds: string[] = []
  const pageSkip = (i: number) => (i * 20) % Math.max(1, size.carts - 20)

  await run(
    measureSequential("create cart (3 items + address)", size.carts, async () => {
      const cart = await target.createCart({
        currency_code: "usd",
        email: `c${cartIds.length}@example.com`,
        shipping_address: addressOf(random),
        items: itemsOf(random, 3),
      })
      cartIds.push(cart.id)
      itemIds.push(cart.itemIds ?? [])
    }),
  )
  await fillItemIds(target, cartIds, itemIds)
  await run(
    measureSequential("add 2 items", size.carts, async (i) => {
      itemIds[i]!.push(...(await target.addItems(cartIds[i]!, itemsOf(random, 2, 3))))
    }),
  )
  await run(
    measureSequential("set 5 tax lines", size.carts, (i) =>
      target.setItemTaxLines(
        cartIds[i]!,
        itemIds[i]!.map((id, k) => ({ line_id: id, code: TAX_CODES[k % TAX_CODES.length]!, rate: random.int(1, 10) })),
      ),
    ),
  )
  await run(
    measureSequential("set 2 adjustments", size.carts, (i) =>
      target.setItemAdjustments(
        cartIds[i]!,
        itemIds[i]!.slice(0, 2).map((id) => ({ item_id: id, code: "SPRING", amount: random.price(0.5, 3) })),
      ),
    ),
  )
  await run(
    measureSequential("add shipping method", size.carts, async (i) => {
      methodIds.push(
        await target.addShippingMethod(cartIds[i]!, { name: "Standard", amount: random.price(3, 15), shipping_option_id: "so_standard" }),
      )
    }),
  )
  await run(
    measureSequential("set shipping tax line", size.carts, (i) =>
      target.setShippingTaxLines(cartIds[i]!, [{ line_id: methodIds[i]!, code: "STATE", rate: random.int(1, 10) }]),
    ),
  )
  await run(measureSequential("update quantity", size.carts, (i) => target.updateQuantity(itemIds[i]![0]!, random.int(1, 9))))
  await target.maintain(MAINTENANCE.analyze)
  await run(measureSequential("retrieve with totals", size.carts, (i) => target.retrieveWithTotals(cartIds[i]!)))
  await run(measureSequential("list+count 20 with totals", size.lists, (i) => target.listAndCount(20, pageSkip(i), true)))
  await run(measureSequential("list+count 20 no totals", size.lists, (i) => target.listAndCount(20, pageSkip(i), false)))
  await run(measureSequential("delete an item", size.carts, (i) => target.deleteItem(itemIds[i]!.pop()!)))

  return bigCartPhases(target, size, random, run)
}

/** Targets whose create does not return item ids (Medusa's) get them here, outside the timing. */
async function fillItemIds(target: BenchTarget, cartIds: readonly string[], itemIds: string[][]): Promise<void> {
  for (const [index, cartId] of cartIds.entries()) {
    if (itemIds[index]!.length === 0) itemIds[index] = await target.itemIdsOf(cartId)
  }
}

async function bigCartPhases(target: BenchTarget, size: WorkloadSize, random: SeededRandom, run: RecordPhase): Promise<TotalsCartInput> {
  const bigIds: string[] = []
  const bigItems: BenchItem[][] = []
  let input: TotalsCartInput | undefined
  await run(
    measureSequential(`create ${BIG_CART_ITEMS}-item cart`, size.bigCarts, async () => {
      const items = itemsOf(random, BIG_CART_ITEMS)
      const cart = await target.createCart({ currency_code: "usd", items })
      bigIds.push(cart.id)
      bigItems.push(items)
    }),
  )
  // Untimed setup: the retrieves below should total real tax lines and discounts.
  for (const [index, cartId] of bigIds.entries()) {
    const lines = await target.itemIdsOf(cartId)
    const items = bigItems[index]!
    input ??= {
      currency_code: "usd",
      items: lines.map((id, k) => ({ id, unit_price: items[k]!.unit_price, quantity: items[k]!.quantity, tax_lines: [], adjustments: [] })),
      shipping_methods: [],
      credit_lines: [],
    }
    await target.setItemTaxLines(
      cartId,
      lines.map((id) => ({ line_id: id, code: "VAT", rate: 20 })),
    )
    await target.setItemAdjustments(
      cartId,
      lines.filter((_, k) => k % 2 === 0).map((id) => ({ item_id: id, code: "HALF", amount: "1.50" })),
    )
  }
  await target.maintain(MAINTENANCE.analyze)
  const bigId = (i: number) => bigIds[i % bigIds.length]!
  await run(
    measureSequential(`retrieve ${BIG_CART_ITEMS}-item cart with totals`, size.bigRetrieves, (i) => target.retrieveBigWithTotals(bigId(i))),
  )
  await run(
    measureSequential(`retrieve ${BIG_CART_ITEMS}-item cart same rows no totals`, size.bigRetrieves, (i) =>
      target.retrieveBigSameRows(bigId(i)),
    ),
  )
  await run(
    measureSequential(`retrieve ${BIG_CART_ITEMS}-item cart no totals`, size.bigRetrieves, (i) => target.retrieveBigNarrow(bigId(i))),
  )
  const base = input!
  return {
    ...base,
    items: base.items.map((item, k) => ({ ...item, tax_lines: [{ rate: 20 }], adjustments: k % 2 === 0 ? [{ amount: "1.50" }] : [] })),
  }
}
