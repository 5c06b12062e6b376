/** A seeded pseudo-random source, so every bench run sends the same data. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  /** A price with two decimals in [min, max). */
  price(min: number, max: number): string
}

/** mulberry32: tiny, fast and good enough for workload data (not for anything secret). */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    // Whole cents, built as text, so the stored decimals are exact and the same every run.
    price: (min, max) => {
      const cents = Math.floor((min + next() * (max - min)) * 100)
      return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`
    },
  }
}
