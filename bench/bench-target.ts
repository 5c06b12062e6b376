/** A line item as the workload generates it: the same values go to every target. */
export interface BenchItem {
  readonly title: string
  readonly variant_id: string
  readonly quantity: number
  readonly unit_price: string
}

/** A shipping address as the workload generates it. */
export interface BenchAddress {
  readonly first_name: string
  readonly last_name: string
  readonly address_1: string
  readonly city: string
  readonly country_code: string
  readonly postal_code: string
}

/** A new cart: currency, email, shipping address (optional) and items. */
export interface BenchCartInput {
  readonly currency_code: string
  readonly email?: string
  readonly shipping_address?: BenchAddress
  readonly items: readonly BenchItem[]
}

/** A tax line for one line item or shipping method. */
export interface BenchTaxLine {
  readonly line_id: string
  readonly code: string
  readonly rate: number
}

/** A discount on one line item. */
export interface BenchAdjustment {
  readonly item_id: string
  readonly code: string
  readonly amount: string
}

/** A shipping method. */
export interface BenchShippingMethod {
  readonly name: string
  readonly amount: string
  readonly shipping_option_id: string
}

/** What the concurrency phase reads before it writes. */
export interface BenchVersionedQuantity {
  readonly version: number
  readonly quantity: number
}

/**
 * One implementation of every bench operation: cartwright's service, Medusa's cart module, or the
 * floor (bare `pg`, minimal SQL). The workload drives each with the same seeded data.
 */
export interface BenchTarget {
  /** A short label for logs and the report. */
  readonly label: string
  /** Creates a cart; `itemIds` may be left out when the call does not return them (then read untimed). */
  createCart(input: BenchCartInput): Promise<{ id: string; itemIds?: string[] }>
  addItems(cartId: string, items: readonly BenchItem[]): Promise<string[]>
  setItemTaxLines(cartId: string, lines: readonly BenchTaxLine[]): Promise<unknown>
  setItemAdjustments(cartId: string, adjustments: readonly BenchAdjustment[]): Promise<unknown>
  addShippingMethod(cartId: string, method: BenchShippingMethod): Promise<string>
  setShippingTaxLines(cartId: string, lines: readonly BenchTaxLine[]): Promise<unknown>
  updateQuantity(itemId: string, quantity: number): Promise<unknown>
  /** The cart with items, shipping methods, their tax lines and adjustments, the address, and totals. */
  retrieveWithTotals(cartId: string): Promise<unknown>
  /** A page of carts (oldest first) and the total count; with totals, each cart's relations and totals. */
  listAndCount(take: number, skip: number, withTotals: boolean): Promise<unknown>
  deleteItem(itemId: string): Promise<unknown>
  /** Ids of a cart's line items, in creation order (untimed setup). */
  itemIdsOf(cartId: string): Promise<string[]>
  /** A big cart with items, their tax lines and adjustments, and totals. */
  retrieveBigWithTotals(cartId: string): Promise<unknown>
  /** The same rows as {@link retrieveBigWithTotals} (every column of cart, items, tax lines, adjustments), no totals. */
  retrieveBigSameRows(cartId: string): Promise<unknown>
  /** A few columns of a big cart's items, no totals. */
  retrieveBigNarrow(cartId: string): Promise<unknown>
  /** The cart's version and one item's quantity (the concurrency phase's read). */
  readVersioned(cartId: string, itemId: string): Promise<BenchVersionedQuantity>
  /**
   * Sets the quantity if the cart is still at `expectedVersion`; false on a version conflict. A
   * target that cannot check versions writes anyway and returns true (and may lose updates).
   */
  updateQuantityAt(itemId: string, quantity: number, expectedVersion: number): Promise<boolean>
  /**
   * Adds 1 to the item's quantity in one transaction that first locks the cart row (`FOR UPDATE`),
   * then reads the quantity and writes it back + 1 (the locked contention phase). A target that
   * cannot lock a cart (Medusa's cart module) leaves it out; the phase then runs its read-then-write.
   */
  incrementUnderLock?(cartId: string, itemId: string): Promise<void>
  /**
   * Untimed: runs one of the workload's maintenance statements ({@link MAINTENANCE}) on the target's
   * database, outside any measured phase.
   */
  maintain(sql: MaintenanceSql): Promise<unknown>
  close(): Promise<void>
}

/** The statements the workload runs between phases, untimed, on every target's database (the schemas match). */
export const MAINTENANCE = {
  /**
   * Refreshes the planner's statistics, as autovacuum would have on a live database. Freshly filled
   * tables have none, and the planner then scans a cart's tax lines once per item, which hides every
   * other cost of a big-cart read.
   */
  analyze: "ANALYZE",
  /**
   * Empties every cart table after the warm-up passes, so the recorded pass runs on the same rows
   * however many passes warmed it up (the child tables go with their parents).
   */
  clear: "TRUNCATE cart, cart_address CASCADE",
} as const

/** One of {@link MAINTENANCE}'s statements. */
export type MaintenanceSql = (typeof MAINTENANCE)[keyof typeof MAINTENANCE]
