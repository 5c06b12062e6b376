/**
 * Type test (issue #11, item 6): what `cartwright/medusa` hands to Medusa's loader is assignable to
 * `ICartModuleService` from @medusajs/types 2.21, every method and overload, with no widening of Medusa's types.
 * Type-checked by `npm run typecheck`; nothing here runs. integrations/medusa/types checks the same against the
 * packed package's declarations.
 */
import type { ICartModuleService } from "@medusajs/types"
import { service } from "../../src/medusa"
import type { MedusaCartCradle } from "../../src/medusa"

declare const cradle: MedusaCartCradle

/** The whole service, as a Medusa app's container hands it out under the cart module key. */
export const asMedusaDeclares: ICartModuleService = new service(cradle)
