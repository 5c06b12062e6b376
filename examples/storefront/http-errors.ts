import type { FastifyError, FastifyReply, FastifyRequest } from "fastify"
import { CartModuleError } from "../../src/errors/cart-module-error"

/** The Store API's error body. */
export interface ErrorBody {
  readonly type: string
  readonly message: string
  readonly issues?: readonly { readonly path: readonly (string | number)[]; readonly message: string }[]
}

// The seed's statuses: a malformed request is 400; a well-formed one the module refuses is 404/409/422.
const STATUS_BY_TYPE: Readonly<Record<string, number>> = {
  not_found: 404,
  conflict: 409,
  not_allowed: 409,
  duplicate_error: 422,
  invalid_data: 422,
  invalid_request_error: 400,
}

/** A request whose body or parameters do not match the route's schema (400). */
export class InvalidRequestError extends Error {
  override readonly name = "InvalidRequestError"
  constructor(
    message: string,
    readonly issues: readonly { readonly path: readonly (string | number)[]; readonly message: string }[] = [],
  ) {
    super(message)
  }
}

/** Maps any error to a status and the `{ type, message }` body. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof InvalidRequestError) {
    return { status: 400, body: { type: "invalid_request_error", message: error.message, issues: error.issues } }
  }
  if (CartModuleError.is(error)) {
    const status = STATUS_BY_TYPE[error.type] ?? 500
    const issues = error.issues.length ? { issues: error.issues } : {}
    return status === 500 ? unknownError() : { status, body: { type: error.type, message: error.message, ...issues } }
  }
  const fastifyError = error as Partial<FastifyError>
  // Fastify's own 4xx (malformed JSON, unsupported content type, body too large) are request errors.
  if (typeof fastifyError.statusCode === "number" && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: 400, body: { type: "invalid_request_error", message: fastifyError.message ?? "Invalid request" } }
  }
  return unknownError()
}

function unknownError(): { status: number; body: ErrorBody } {
  return { status: 500, body: { type: "unknown_error", message: "An unknown error occurred." } }
}

/** Fastify error handler: JSON bodies, and 5xx logged with their cause. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toHttpError(error)
  if (status >= 500) request.log.error({ err: error }, "request failed")
  void reply.status(status).send(body)
}
