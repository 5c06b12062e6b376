import type { FastifyInstance } from "fastify"
import { NotFoundError } from "../../../src/errors/errors"
import { listShippingOptions } from "../../../src/flows/shipping"
import type { Region } from "../../../src/ports/region"
import { toV1Region, toV1ShippingOption } from "../v1/v1-region"
import { authorizeCart } from "./store-context"
import type { StoreDeps } from "./store-context"

/** List Regions, Get a Region, and List Shipping Options for a Cart (v1's `/store/shipping-options/:cart_id`). */
export function registerRegionRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.get("/store/regions", async () => {
    const regions = await Promise.all(deps.regionIds.map((id) => deps.flows.regions.retrieveRegion(id)))
    return { regions: regions.filter((region): region is Region => region !== null).map(toV1Region) }
  })

  app.get<{ Params: { id: string } }>("/store/regions/:id", async (request) => {
    const region = await deps.flows.regions.retrieveRegion(request.params.id)
    if (!region) throw NotFoundError.forId("Region", request.params.id)
    return { region: toV1Region(region) }
  })

  app.get<{ Params: { cart_id: string } }>("/store/shipping-options/:cart_id", async (request) => {
    const cartId = request.params.cart_id
    await authorizeCart(deps, request, cartId)
    const cart = await deps.flows.cart.retrieveCart(cartId, { select: ["id", "region_id", "currency_code"] })
    const options = await listShippingOptions(deps.flows, { cart_id: cartId })
    return { shipping_options: options.map((option) => toV1ShippingOption(option, cart.region_id ?? null, cart.currency_code)) }
  })
}
