import { z } from "zod"
import { InvalidRequestError } from "./http-errors"

const quantity = z.number().int()
const metadata = z.record(z.string(), z.unknown())

const address = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    company: z.string().nullish(),
    address_1: z.string().nullish(),
    address_2: z.string().nullish(),
    city: z.string().nullish(),
    country_code: z.string().length(2).nullish(),
    province: z.string().nullish(),
    postal_code: z.string().nullish(),
    phone: z.string().nullish(),
    metadata: metadata.nullish(),
  })
  .strict()

/** POST /store/carts (the seed's Create-a-Cart body, plus customer fields). */
export const createCartBody = z
  .object({
    region_id: z.string().min(1).optional(),
    sales_channel_id: z.string().min(1).optional(),
    country_code: z.string().length(2).optional(),
    context: z.record(z.string(), z.unknown()).optional(),
    items: z.array(z.object({ variant_id: z.string().min(1), quantity }).strict()).optional(),
    email: z.string().optional(),
    customer_id: z.string().optional(),
  })
  .strict()

/** POST /store/carts/:id */
export const updateCartBody = z
  .object({
    region_id: z.string().min(1).optional(),
    country_code: z.string().length(2).optional(),
    email: z.string().optional(),
    customer_id: z.string().nullish(),
    sales_channel_id: z.string().nullish(),
    shipping_address: address.nullish(),
    billing_address: address.nullish(),
    metadata: metadata.optional(),
    context: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()

/** POST /store/carts/:id/line-items */
export const addLineItemBody = z.object({ variant_id: z.string().min(1), quantity, metadata: metadata.optional() }).strict()

/** POST /store/carts/:id/line-items/:line_id */
export const updateLineItemBody = z.object({ quantity, metadata: metadata.optional() }).strict()

/** POST /store/carts/:id/shipping-methods */
export const addShippingMethodBody = z.object({ option_id: z.string().min(1), data: metadata.optional() }).strict()

/** POST and DELETE /store/carts/:id/promotions */
export const promotionsBody = z.object({ promo_codes: z.array(z.string().min(1)).min(1) }).strict()

/** Parses a body against a schema; failures become a 400 listing every issue. @throws InvalidRequestError */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)), message: issue.message }))
  const summary = issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`).join("; ")
  throw new InvalidRequestError(`Invalid request body: ${summary}`, issues)
}
