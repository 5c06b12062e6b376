import type { FastifyError, FastifyReply, FastifyRequest } from "fastify"
import { CartModuleError } from "../../../src/errors/cart-module-error"

/** Medusa v1's error body: `type` is the v1 error type, `code` a slug some types carry. */
export interface V1ErrorBody {
  readonly type: string
  readonly message: string
  readonly code?: string
}

/** A request body, parameter or query that does not match the route's schema: v1's `invalid_data` (400). */
export class InvalidRequestError extends Error {
  override readonly name = "InvalidRequestError"
}

/** A failure the storefront itself raises with a v1 status and type (401 unauthorized, 422 duplicate_error...). */
export class V1HttpError extends Error {
  override readonly name = "V1HttpError"
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message)
  }

  /** A customer route without a valid session or token, or wrong credentials (401). */
  static unauthorized(message = "Unauthorized"): V1HttpError {
    return new V1HttpError(401, "unauthorized", message)
  }
}

// v1's error handler: invalid data and refused actions are both 400; 409 only for conflicts, which
// medusa-js retries with the same Idempotency-Key; duplicates are 422.
const STATUS_BY_TYPE: ReadonlyMap<string, number> = new Map([
  ["not_found", 404],
  ["invalid_data", 400],
  ["not_allowed", 400],
  ["conflict", 409],
  ["duplicate_error", 422],
])

const CONFLICT_MESSAGE = "The request conflicted with another request. You may retry the request with the provided Idempotency-Key."

/** Any error as v1's status and `{ type, message }` body; never SQL, never internals. */
export function toV1Error(error: unknown): { status: number; body: V1ErrorBody } {
  if (error instanceof InvalidRequestError) return { status: 400, body: { type: "invalid_data", message: error.message } }
  if (error instanceof V1HttpError) return { status: error.status, body: { type: error.type, message: error.message } }
  if (CartModuleError.is(error)) {
    const status = STATUS_BY_TYPE.get(error.type)
    if (status === 409) return { status, body: { type: "conflict", code: "invalid_state_error", message: CONFLICT_MESSAGE } }
    if (status === 422)
      return { status, body: { type: error.type, code: "invalid_request_error", message: safeMessage(error.type, error.message) } }
    if (status !== undefined) return { status, body: { type: error.type, message: safeMessage(error.type, error.message) } }
    return unknownError()
  }
  return fastifyError(error) ?? unknownError()
}

// Fastify's own 4xx (malformed JSON, unsupported media type, body or URL too long) keep their status.
function fastifyError(error: unknown): { status: number; body: V1ErrorBody } | null {
  if (typeof error !== "object" || error === null || !("statusCode" in error)) return null
  const { statusCode, message } = error as Partial<FastifyError>
  if (typeof statusCode !== "number" || statusCode < 400 || statusCode >= 500) return null
  return {
    status: statusCode,
    body: {
      type: statusCode === 404 ? "not_found" : "invalid_data",
      message: typeof message === "string" && message ? message : "Invalid request",
    },
  }
}

// A last line of defence: a message that carries SQL (a driver error the library let through) is
// replaced, so a body never shows a statement, a table or a parameter list.
// Drivers quote identifiers ("cart_line_item"), which module messages never put after these keywords.
const SQL = /\b(?:insert\s+into|update|delete\s+from|from|join)\s+"\w+"|\breturning\s+\*|\(\$\d+/i

function safeMessage(type: string, message: string): string {
  if (!SQL.test(message)) return message
  return type === "invalid_data" ? "A value in the request is out of range or of the wrong type." : "The request could not be processed."
}

function unknownError(): { status: number; body: V1ErrorBody } {
  return { status: 500, body: { type: "unknown_error", code: "unknown_error", message: "An unknown error occurred." } }
}

/** Fastify error handler: v1 bodies; 5xx logged with their cause (the log, not the body, gets the detail). */
export function handleV1Error(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toV1Error(error)
  if (status >= 500) request.log.error({ err: error }, "request failed")
  void reply.status(status).send(body)
}

/** Fastify `frameworkErrors` handler: a parameter too long (414) or a malformed URL (400), without echoing it. */
export function handleV1FrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH"
  void reply
    .status(tooLong ? 414 : 400)
    .send({ type: "invalid_data", message: tooLong ? "A path parameter is too long" : "The URL is malformed" })
}

/** Fastify not-found handler: an unknown route is a v1 `not_found`. */
export function handleV1NotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .status(404)
    .send({ type: "not_found", message: `Route ${request.method} ${(request.url.split("?")[0] ?? "").slice(0, 200)} not found` })
}
