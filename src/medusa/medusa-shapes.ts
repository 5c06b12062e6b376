// The few Medusa 2.21 shapes the entry touches, declared here so that neither the bundle nor its types
// import @medusajs/* (a user without Medusa installs nothing of it). Field names follow @medusajs/types.

// The joiner config's arrays are mutable, as Medusa's `ModuleJoinerConfig` declares them, so that the service's
// `__joinerConfig()` is assignable to `ICartModuleService`'s; each call builds a fresh object.

/** An alias of the joiner config: the names Medusa's query graph accepts for one entity. */
export interface MedusaJoinerAlias {
  readonly name: string[]
  readonly entity: string
  readonly args: { readonly methodSuffix: string }
}

/** `ModuleJoinerConfig` as Medusa reads it from `service.prototype.__joinerConfig()`. */
export interface MedusaJoinerConfig {
  readonly serviceName: string
  readonly primaryKeys: string[]
  readonly schema: string
  readonly linkableKeys: Readonly<Record<string, string>>
  readonly idPrefixToEntityName: Readonly<Record<string, string>>
  readonly alias: MedusaJoinerAlias[]
}

/** One entry of a module's `linkable` export, as `defineLink` reads it. */
export interface MedusaLinkable {
  readonly linkable: string
  readonly primaryKey: string
  readonly serviceName: string
  readonly field: string
  readonly entity: string
}

/** Medusa's event bus module (`event_bus` in the cradle): `emit` takes one message or a list. */
export interface MedusaEventBus {
  emit(messages: readonly MedusaEventMessage[], options?: Record<string, unknown>): Promise<unknown> | unknown
}

/** `EventBusTypes.Message`: what Medusa's subscribers receive. */
export interface MedusaEventMessage {
  readonly name: string
  readonly data: unknown
  readonly metadata?: { readonly source?: string; readonly object?: string; readonly action?: string; readonly eventGroupId?: string }
}

/** Medusa's logger (a superset of cartwright's `LoggerPort`). */
export interface MedusaLogger {
  warn(message: string, ...rest: unknown[]): unknown
  error(message: string, ...rest: unknown[]): unknown
}

/** The database part of the options Medusa passes a module (`options.database`, from `projectConfig`). */
export interface MedusaDatabaseOptions {
  readonly clientUrl?: string
  readonly schema?: string
  readonly [key: string]: unknown
}

/** What Medusa's migration command passes to a module's `runMigrations`/`revertMigration`. */
export interface MedusaMigrationArgs {
  readonly options?: { readonly database?: MedusaDatabaseOptions; readonly [key: string]: unknown }
  readonly logger?: MedusaLogger
  readonly migrationNames?: readonly string[]
  readonly [key: string]: unknown
}
