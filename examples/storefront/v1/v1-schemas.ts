import { z } from "zod"
import { InvalidRequestError } from "./v1-errors"

// Every v1 body refuses properties it does not declare (class-validator's forbidNonWhitelisted).
const metadata = z.record(z.string(), z.unknown())
const id = z.string().min(1)
// Quantities are PostgreSQL integers; a larger one is invalid data, not a driver error.
const quantity = z.number().int().max(2_147_483_647)

/** v1's AddressPayload. */
const address = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    phone: z.string().nullish(),
    company: z.string().nullish(),
    address_1: z.string().nullish(),
    address_2: z.string().nullish(),
    city: z.string().nullish(),
    country_code: z.string().length(2).nullish(),
    province: z.string().nullish(),
    postal_code: z.string().nullish(),
    metadata: metadata.nullish(),
  })
  .strict()

/** The v1 body of a new or updated line item. */
const item = z.object({ variant_id: id, quantity }).strict()

/** POST /store/carts (StorePostCartReq). */
export const createCartBody = z
  .object({
    region_id: id.optional(),
    sales_channel_id: id.optional(),
    country_code: z.string().length(2).optional(),
    context: metadata.optional(),
    items: z.array(item).optional(),
  })
  .strict()

/** POST /store/carts/:id (StorePostCartsCartReq); a string address is the id of a customer's saved address. */
export const updateCartBody = z
  .object({
    region_id: id.optional(),
    country_code: z.string().length(2).optional(),
    email: z.string().optional(),
    billing_address: z.union([address, z.string()]).nullish(),
    shipping_address: z.union([address, z.string()]).nullish(),
    gift_cards: z.array(z.object({ code: id }).strict()).optional(),
    discounts: z.array(z.object({ code: id }).strict()).optional(),
    customer_id: z.string().optional(),
    sales_channel_id: id.optional(),
    context: metadata.optional(),
  })
  .strict()

/** POST /store/carts/:id/line-items (StorePostCartsCartLineItemsReq). */
export const addLineItemBody = item.extend({ metadata: metadata.optional() }).strict()

/** POST /store/carts/:id/line-items/:line_id (StorePostCartsCartLineItemsItemReq). */
export const updateLineItemBody = z.object({ quantity, metadata: metadata.optional() }).strict()

/** POST /store/carts/:id/shipping-methods (StorePostCartsCartShippingMethodReq). */
export const addShippingMethodBody = z.object({ option_id: id, data: metadata.optional() }).strict()

/** POST /store/carts/:id/payment-session (StorePostCartsCartPaymentSessionReq). */
export const selectPaymentSessionBody = z.object({ provider_id: id }).strict()

/** POST /store/carts/:id/payment-sessions/:provider_id (StorePostCartsCartPaymentSessionUpdateReq). */
export const updatePaymentSessionBody = z.object({ data: metadata }).strict()

/** POST /store/auth and POST /store/auth/token (StorePostAuthReq). */
export const authBody = z.object({ email: z.string().min(1), password: z.string().min(1) }).strict()

/** POST /store/customers (StorePostCustomersReq). */
export const createCustomerBody = z
  .object({
    first_name: z.string().min(1),
    last_name: z.string().min(1),
    email: z.string().min(1),
    password: z.string().min(8),
    phone: z.string().optional(),
  })
  .strict()

/** Parses a body against a schema; failures become one 400 `invalid_data` naming every issue. @throws InvalidRequestError */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => `${issue.path.map(String).join(".") || "body"}: ${issue.message}`)
  throw new InvalidRequestError(issues.join("; "))
}
