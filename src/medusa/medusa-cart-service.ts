import type { Knex } from "@mikro-orm/postgresql"
import { asValue } from "awilix"
import type { AwilixContainer } from "awilix"
import { createCartModule } from "../module/create-cart-module"
import type { CartModule } from "../module/create-cart-module"
import { resolveTimeouts, validateOptions } from "../module/options"
import type { CartModuleOptions } from "../module/options"
import { noopEventBus } from "../ports/event-bus"
import { consoleLogger } from "../ports/logger"
import type { LoggerPort } from "../ports/logger"
import { disablePreparedStatements } from "../persistence/db"
import { UnitOfWork } from "../persistence/unit-of-work"
import { CartModuleService } from "../service/cart-module-service"
import { Validator } from "../validation/validator"
import { bigNumberFactory } from "../money/big-number-class"
import type { BigNumberClass } from "../money/big-number-class"
import { hostBigNumberClass } from "./host-big-number"
import { cartJoinerConfig } from "./joiner-config"
import { medusaEventBus } from "./medusa-event-bus"
import type { MedusaEventBus, MedusaJoinerConfig, MedusaLogger } from "./medusa-shapes"

/**
 * The options a Medusa app gives `cartwright/medusa` in `medusa-config` (Medusa adds `database` itself).
 * `totals.bigNumber` is the class totals are returned as; by default the app's own `BigNumber` from
 * `@medusajs/framework/utils`, so Medusa's `instanceof` checks hold.
 */
export type MedusaCartModuleOptions = Pick<CartModuleOptions, "limits" | "maxRetries" | "timeouts"> & {
  readonly totals?: NonNullable<CartModuleOptions["totals"]> & { readonly bigNumber?: BigNumberClass }
  readonly database?: {
    readonly clientUrl?: string
    readonly schema?: string
    readonly preparedStatements?: boolean
    readonly [key: string]: unknown
  }
  readonly [key: string]: unknown
}

/** What Medusa's module loader puts in the cradle it builds the service from (modules-sdk 2.21 `loadInternalModule`). */
export interface MedusaCartCradle {
  /** The app's shared knex pool (`ContainerRegistrationKeys.PG_CONNECTION`), when the app has one. */
  readonly __pg_connection__?: Knex
  readonly logger?: MedusaLogger
  readonly event_bus?: MedusaEventBus
  /** Registered by {@link cartwrightConnectionLoader} when the app offered no connection. */
  readonly cartwrightOwnModule?: CartModule
}

/** Reads a cradle key that may be unregistered (awilix's cradle throws on unknown keys). */
function optional<K extends keyof MedusaCartCradle>(cradle: MedusaCartCradle, key: K): MedusaCartCradle[K] {
  try {
    return cradle[key] ?? undefined
  } catch {
    return undefined
  }
}

/** Only the options cartwright knows: Medusa adds its own (`database.debug`, a shared-connection symbol...). */
export function pickCartOptions(options: MedusaCartModuleOptions | undefined): CartModuleOptions {
  const picked: CartModuleOptions = {}
  if (options?.totals) {
    const { bigNumber: _hostClass, ...totals } = options.totals
    picked.totals = totals
  }
  if (options?.limits) picked.limits = options.limits
  if (options?.maxRetries !== undefined) picked.maxRetries = options.maxRetries
  if (options?.timeouts) picked.timeouts = options.timeouts
  return validateOptions(picked)
}

function loggerPort(logger: MedusaLogger | undefined): LoggerPort {
  if (!logger) return consoleLogger
  return { warn: (message, meta) => void logger.warn(message, meta), error: (message, meta) => void logger.error(message, meta) }
}

/** Totals as the app's BigNumber class (an explicit option first, else the app's `@medusajs/framework/utils`). */
function medusaBigNumber(options: MedusaCartModuleOptions | undefined) {
  const host = options?.totals?.bigNumber ?? hostBigNumberClass()
  return host ? bigNumberFactory(host) : undefined
}

/**
 * The cart module service as Medusa's module loader builds it: `new service(cradle, options, declaration)`.
 * It runs on the app's PostgreSQL pool (`__pg_connection__`) and emits through the app's event bus module;
 * `sharedContext.transactionManager` (Medusa's `@InjectTransactionManager` context) joins the caller's transaction.
 */
export class MedusaCartModuleService extends CartModuleService {
  private readonly ownModule: CartModule | undefined

  constructor(cradle: MedusaCartCradle, options?: MedusaCartModuleOptions) {
    const cartOptions = pickCartOptions(options)
    const own = optional(cradle, "cartwrightOwnModule")
    const knex = optional(cradle, "__pg_connection__") ?? own?.orm.em.getKnex()
    if (!knex) throw new Error("cartwright/medusa: no database connection (neither __pg_connection__ nor options.database.clientUrl)")
    if (options?.database?.preparedStatements === false) disablePreparedStatements(knex)
    const bus = optional(cradle, "event_bus")
    const logger = loggerPort(optional(cradle, "logger"))
    super({
      unitOfWork: new UnitOfWork(knex, bus ? medusaEventBus(bus) : noopEventBus, logger, {
        maxRetries: cartOptions.maxRetries ?? 5,
        timeouts: resolveTimeouts(cartOptions.timeouts),
      }),
      totals: {
        rounding: cartOptions.totals?.rounding ?? "none",
        lean: cartOptions.totals?.lean === true,
        bigNumber: medusaBigNumber(options),
      },
      validator: new Validator(cartOptions.limits ?? {}),
    })
    this.ownModule = own
  }

  /** Medusa's query graph and link modules read the module's entities and keys from here. */
  __joinerConfig(): MedusaJoinerConfig {
    return cartJoinerConfig()
  }

  /** Lifecycle hooks Medusa calls on shutdown: close the pool we opened ourselves (never the app's). */
  readonly __hooks = {
    onApplicationShutdown: async (): Promise<void> => {
      await this.ownModule?.close()
    },
  }
}

interface LoaderArgs {
  readonly container: Pick<AwilixContainer, "register" | "resolve">
  readonly options?: MedusaCartModuleOptions
}

/**
 * Medusa module loader: when the app offers no `__pg_connection__` (a standalone module boot), opens
 * cartwright's own pool from `options.database` and registers it for the service. Medusa's automatic model
 * loading keeps only DML entities, so cartwright never relies on it.
 */
export async function cartwrightConnectionLoader({ container, options }: LoaderArgs): Promise<void> {
  if (container.resolve("__pg_connection__", { allowUnregistered: true })) return
  const clientUrl = options?.database?.clientUrl
  const schema = options?.database?.schema
  const own = await createCartModule({
    ...pickCartOptions(options),
    database: {
      ...(clientUrl ? { clientUrl } : {}),
      ...(schema && schema !== "public" ? { schema } : {}),
      ...(options?.database?.preparedStatements === false ? { preparedStatements: false } : {}),
    },
  })
  container.register("cartwrightOwnModule", asValue(own))
}
