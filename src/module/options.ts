import { z } from "zod"
import { InvalidDataError } from "../errors/errors"
import type { EventBusPort } from "../ports/event-bus"
import type { LoggerPort } from "../ports/logger"
import type { TotalsRounding } from "../totals"

/** Where the module's tables live. Give `clientUrl`, or host/port/user/password/database; neither: `DATABASE_URL`, else an embedded server. */
export interface CartDatabaseOptions {
  clientUrl?: string
  host?: string
  port?: number
  user?: string
  password?: string
  database?: string
  /** PostgreSQL schema for the tables (default `public`). */
  schema?: string
  /** Connection pool size (default min 0, max 10). */
  pool?: { min?: number; max?: number }
}

/** Options of `createCartModule` / `registerCartModule`. */
export interface CartModuleOptions {
  database?: CartDatabaseOptions
  /** Receives events after commit; default: dropped. */
  eventBus?: EventBusPort
  /** Warnings and errors the module cannot throw; default: console. */
  logger?: LoggerPort
  /** Totals policy: `rounding: "none"` (default, Medusa-identical) or `{ mode: "half_even" | "half_up" }`. */
  totals?: { rounding?: TotalsRounding; lean?: boolean }
  /** Guards against abuse: the largest quantity on one line. */
  limits?: { maxQuantity?: number; maxLinesPerCart?: number }
  /** Retries after a deadlock or serialization failure (default 5). */
  maxRetries?: number
}

const port = z.number().int().min(1).max(65535)

const optionsSchema = z.object({
  database: z
    .object({
      clientUrl: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL").optional(),
      host: z.string().min(1).optional(),
      port: port.optional(),
      user: z.string().optional(),
      password: z.string().optional(),
      database: z.string().min(1).optional(),
      schema: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a plain identifier").optional(),
      pool: z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(1).optional() }).optional(),
    })
    .strict()
    .optional(),
  eventBus: z.custom<EventBusPort>((value) => typeof (value as EventBusPort)?.emit === "function", "must have an emit(events) method").optional(),
  logger: z
    .custom<LoggerPort>((value) => typeof (value as LoggerPort)?.warn === "function" && typeof (value as LoggerPort)?.error === "function", "must have warn() and error()")
    .optional(),
  totals: z
    .object({
      rounding: z
        .union([z.literal("none"), z.object({ mode: z.enum(["half_even", "half_up"]) }).strict()], {
          error: 'must be "none" or { mode: "half_even" | "half_up" }',
        })
        .optional(),
      lean: z.boolean().optional(),
    })
    .strict()
    .optional(),
  limits: z.object({ maxQuantity: z.number().int().min(1).optional(), maxLinesPerCart: z.number().int().min(1).optional() }).strict().optional(),
  maxRetries: z.number().int().min(0).max(50).optional(),
})

/** Checks options at start-up; one error listing every problem. @throws InvalidDataError */
export function validateOptions(options: unknown): CartModuleOptions {
  const result = optionsSchema.strict().safeParse(options ?? {})
  if (!result.success) {
    // An unknown key is reported at its own path (not its parent's), so a typo points at itself.
    const issues = result.error.issues.flatMap((issue) => {
      const path = issue.path as (string | number)[]
      if (issue.code !== "unrecognized_keys") return [{ path, message: issue.message }]
      return issue.keys.map((key) => ({ path: [...path, key], message: `unknown option "${key}"` }))
    })
    throw InvalidDataError.fromIssues(issues, "cartwright options")
  }
  return (options ?? {}) as CartModuleOptions
}
