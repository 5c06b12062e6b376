/**
 * The container keys under which a Medusa 2 application registers its modules and its Query
 * (the values of `Modules` and `ContainerRegistrationKeys` in `@medusajs/framework/utils`, repeated
 * here so that cartwright never loads `@medusajs/*` at run time).
 */
export const MEDUSA_KEYS = {
  cart: "cart",
  product: "product",
  pricing: "pricing",
  tax: "tax",
  promotion: "promotion",
  region: "region",
  customer: "customer",
  salesChannel: "sales_channel",
  inventory: "inventory",
  fulfillment: "fulfillment",
  payment: "payment",
  order: "order",
  link: "link",
  query: "query",
} as const

/** Anything that resolves registrations by name: Medusa's `MedusaContainer`, an awilix container, or a plain map wrapper. */
export interface HostContainer {
  resolve<T>(key: string): T
}

/**
 * A module resolved from the container on first use, not when the adapter is built: hosts build
 * their ports while wiring, often before Medusa's loader has registered the modules.
 */
export function lazyModule<T>(container: HostContainer, key: string): () => T {
  let module: T | undefined
  return () => (module ??= container.resolve<T>(key))
}
