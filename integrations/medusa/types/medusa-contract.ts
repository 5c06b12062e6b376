// Type-checked by run.sh against the packed tarball's declarations (`tsc -p tsconfig.types.json`), with Medusa's
// own @medusajs/types 2.21.2 from this host: the service `cartwright/medusa` hands to Medusa's loader is assignable
// to `ICartModuleService`, every method and overload, as a Medusa app's code would use it. Nothing here runs.
import type { ICartModuleService } from "@medusajs/types"
import type { MedusaCartCradle } from "cartwright/medusa"
import { service } from "cartwright/medusa"

declare const cradle: MedusaCartCradle

export const cartModule: ICartModuleService = new service(cradle)

/** What a workflow step does with it: Medusa's declared shapes, nested totals included. */
export async function cartTotal(cart: ICartModuleService, id: string): Promise<number> {
  const read = await cart.retrieveCart(id, { relations: ["items.tax_lines"] })
  const firstLineTax = read.items?.[0]?.tax_lines?.[0]?.total
  return Number(read.total) + Number(firstLineTax ?? 0)
}
