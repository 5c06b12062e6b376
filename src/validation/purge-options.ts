import type { ValidationIssue } from "../errors/cart-module-error"
import { InvalidDataError } from "../errors/errors"
import { isPlainObject } from "./arguments"

/** How a purge removes carts: `hard` deletes the rows, `soft` sets `deleted_at` (restorable with `restoreCarts`). */
export type PurgeMode = "soft" | "hard"

/** What one purge batch did, handed to {@link PurgeCartsOptions.onBatch} after the batch committed. */
export interface PurgeBatchProgress {
  /** 1 for the first batch. */
  readonly batch: number
  /** Carts removed by this batch. */
  readonly carts: number
  /** Carts removed so far, this batch included. */
  readonly total: number
}

/** Options of `service.purgeCarts`. */
export interface PurgeCartsOptions {
  /** How long a cart must have been inactive (`last_active_at`): `"30d"`, `"12h"`, `"45m"`, `"90s"`, `"500ms"`, or milliseconds. */
  readonly inactiveFor: string | number
  /** Also remove completed carts (default `false`: a completed cart is an order's record). */
  readonly includeCompleted?: boolean
  /** Carts per batch, each batch its own transaction (default 500, at most 10,000). */
  readonly batchSize?: number
  /** `hard` (default) deletes the rows; `soft` soft-deletes them with their children. */
  readonly mode?: PurgeMode
  /** Count what would be removed and change nothing. */
  readonly dryRun?: boolean
  /** Called after each committed batch (e.g. to print progress). Errors it throws stop the purge. */
  readonly onBatch?: (progress: PurgeBatchProgress) => void
}

/** {@link PurgeCartsOptions} checked and with defaults applied. */
export interface PurgePlan {
  readonly inactiveForMs: number
  readonly includeCompleted: boolean
  readonly batchSize: number
  readonly mode: PurgeMode
  readonly dryRun: boolean
  readonly onBatch: ((progress: PurgeBatchProgress) => void) | undefined
}

/** Default carts per purge batch. */
export const DEFAULT_PURGE_BATCH_SIZE = 500
/** Largest batch: one batch's locks and cascade stay short. */
export const MAX_PURGE_BATCH_SIZE = 10_000
/** A hundred years: anything longer is a typo, and would overflow PostgreSQL's interval arithmetic. */
const MAX_INACTIVE_MS = 100 * 365 * 24 * 3_600_000

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/**
 * Parses a duration: a whole number of milliseconds, or a string of a whole number and a unit
 * (`ms`, `s`, `m`, `h`, `d`, `w`). Returns undefined when it is neither.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined
  if (typeof value !== "string") return undefined
  const match = /^(\d{1,15})(ms|s|m|h|d|w)$/.exec(value.trim())
  if (!match) return undefined
  return Number(match[1]) * UNIT_MS[match[2]!]!
}

function optionalBoolean(input: Record<string, unknown>, key: string, issues: ValidationIssue[]): boolean {
  const value = input[key]
  if (value === undefined) return false
  if (typeof value !== "boolean") issues.push({ path: [key], message: `${key} must be a boolean` })
  return value === true
}

/**
 * Checks `purgeCarts` options; every problem is reported at once, before anything is deleted.
 * @throws InvalidDataError
 */
export function checkPurgeOptions(options: unknown): PurgePlan {
  if (!isPlainObject(options))
    throw InvalidDataError.because('purgeCarts needs an options object, e.g. { inactiveFor: "30d" }', ["options"])
  const issues: ValidationIssue[] = []
  const plan: PurgePlan = {
    inactiveForMs: inactiveForMsOf(options.inactiveFor, issues),
    batchSize: batchSizeOf(options.batchSize, issues),
    mode: modeOf(options.mode, issues),
    includeCompleted: optionalBoolean(options, "includeCompleted", issues),
    dryRun: optionalBoolean(options, "dryRun", issues),
    onBatch: onBatchOf(options.onBatch, issues),
  }
  if (issues.length) throw InvalidDataError.fromIssues(issues, "purgeCarts options")
  return plan
}

// Each reader below reports a bad value in `issues` and returns a stand-in, which is never used:
// checkPurgeOptions throws once every option has been read, so all problems are reported together.

function inactiveForMsOf(value: unknown, issues: ValidationIssue[]): number {
  const ms = parseDuration(value)
  if (ms === undefined) {
    issues.push({
      path: ["inactiveFor"],
      message: 'inactiveFor must be a duration such as "30d", "12h", "45m", "90s", "500ms", or a whole number of milliseconds',
    })
    return 0
  }
  if (ms <= 0 || ms > MAX_INACTIVE_MS)
    issues.push({ path: ["inactiveFor"], message: "inactiveFor must be more than 0 and at most 100 years" })
  return ms
}

function batchSizeOf(value: unknown, issues: ValidationIssue[]): number {
  const batchSize = value ?? DEFAULT_PURGE_BATCH_SIZE
  if (typeof batchSize === "number" && Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_PURGE_BATCH_SIZE) return batchSize
  issues.push({ path: ["batchSize"], message: `batchSize must be a whole number from 1 to ${MAX_PURGE_BATCH_SIZE}` })
  return DEFAULT_PURGE_BATCH_SIZE
}

function modeOf(value: unknown, issues: ValidationIssue[]): PurgeMode {
  const mode = value ?? "hard"
  if (mode === "hard" || mode === "soft") return mode
  issues.push({ path: ["mode"], message: 'mode must be "hard" or "soft"' })
  return "hard"
}

function onBatchOf(value: unknown, issues: ValidationIssue[]): PurgePlan["onBatch"] {
  if (value === undefined) return undefined
  if (typeof value !== "function") {
    issues.push({ path: ["onBatch"], message: "onBatch must be a function" })
    return undefined
  }
  // A plain function value has no typed signature; calling it through Reflect keeps its errors and its `this`-less call.
  return (progress) => void Reflect.apply(value, undefined, [progress])
}
