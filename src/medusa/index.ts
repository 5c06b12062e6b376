// `cartwright/medusa`: the module a Medusa 2.21 app names in medusa-config in place of @medusajs/cart.
// A plain object in Medusa's module shape (modules-sdk 2.21 `resolveModuleExports` reads `default ?? module`
// and takes `service`, `loaders`, `runMigrations`, `revertMigration`): no runtime import of @medusajs/*.
import { ENTITY_SCHEMAS } from "../../models"
import { cartLinkable } from "./joiner-config"
import { MedusaCartModuleService, cartwrightConnectionLoader } from "./medusa-cart-service"
import type { MedusaCartCradle, MedusaCartModuleOptions } from "./medusa-cart-service"
import type { MedusaCartModuleContract } from "./medusa-contract"
import { revertMigration, runMigrations } from "./medusa-migrations"

export { MedusaCartModuleService, cartwrightConnectionLoader } from "./medusa-cart-service"
export type { MedusaCartCradle, MedusaCartModuleOptions } from "./medusa-cart-service"
export { cartJoinerConfig, cartLinkable, CART_MODULE_KEY } from "./joiner-config"
export { medusaEventBus } from "./medusa-event-bus"
export { hostBigNumberClass } from "./host-big-number"
export type { BigNumberClass } from "../money/big-number-class"
export { runMigrations, revertMigration } from "./medusa-migrations"
export type {
  MedusaDatabaseOptions,
  MedusaEventBus,
  MedusaEventMessage,
  MedusaJoinerAlias,
  MedusaJoinerConfig,
  MedusaLinkable,
  MedusaLogger,
  MedusaMigrationArgs,
} from "./medusa-shapes"

export type {
  MedusaBigNumber,
  MedusaCart,
  MedusaCartAddress,
  MedusaCartCreditLine,
  MedusaCartLineItem,
  MedusaCartModuleContract,
  MedusaCartShippingMethod,
  MedusaLineItemAdjustment,
  MedusaLineItemTaxLine,
  MedusaShippingMethodAdjustment,
  MedusaShippingMethodTaxLine,
  MedusaSoftDeleteMethod,
} from "./medusa-contract"

/** The service class as Medusa's loader sees it: instances typed as `ICartModuleService` declares the service. */
export interface MedusaCartModuleServiceClass {
  new (
    cradle: MedusaCartCradle,
    options?: MedusaCartModuleOptions,
  ): MedusaCartModuleContract & Pick<MedusaCartModuleService, "__joinerConfig" | "__hooks">
}

/**
 * The service class Medusa's loader instantiates (`new service(cradle, options, declaration)`): the same class as
 * {@link MedusaCartModuleService}, typed so that an instance is assignable to `ICartModuleService` from
 * `@medusajs/types` 2.21. The cast only retypes returns to Medusa's declarations (see `MedusaCartModuleContract`):
 * nullable columns as `field?: T` and totals as always present, as Medusa's own types have them.
 */
export const service: MedusaCartModuleServiceClass = MedusaCartModuleService as unknown as MedusaCartModuleServiceClass

/** Loaders Medusa runs before building the service. */
export const loaders = [cartwrightConnectionLoader]

/** `CartModule.linkable.cart` etc., for `defineLink`. */
export const linkable = cartLinkable

/**
 * The module's MikroORM entity schemas (the same tables its migrations create), for `@medusajs/test-utils`'
 * `moduleIntegrationTestRunner({ moduleModels: models, resolve: "cartwright/medusa", ... })`, which builds a test
 * database's tables from a module's models. Medusa's loader itself never reads them: cartwright opens its own
 * unit of work on the app's connection.
 */
export const models = ENTITY_SCHEMAS

/** The module definition: `{ service, loaders, linkable, runMigrations, revertMigration }`. */
const cartwrightMedusaModule = { service, loaders, linkable, runMigrations, revertMigration }
export default cartwrightMedusaModule
