import type { FastifyReply, FastifyRequest } from "fastify"
import type { Tokens } from "./tokens"

/** The session cookie's name (express-session's default, as Medusa v1 storefronts see it). */
export const SESSION_COOKIE = "connect.sid"

function cookieValue(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=")
    if (key === name) {
      try {
        return decodeURIComponent(value.join("="))
      } catch {
        return null
      }
    }
  }
  return null
}

/** The session cookie's raw value, if the request has one. */
export function sessionCookieOf(request: FastifyRequest): string | null {
  return cookieValue(request, SESSION_COOKIE)
}

/**
 * The authenticated customer's id: from `Authorization: Bearer <store JWT>` or the signed session
 * cookie; null for a guest. A bad or expired credential counts as no credential, as v1's optional
 * customer authentication does on cart routes.
 */
export function customerIdOf(request: FastifyRequest, tokens: Tokens): string | null {
  const authorization = request.headers.authorization
  if (authorization?.startsWith("Bearer ")) {
    const fromJwt = tokens.jwtCustomer(authorization.slice("Bearer ".length).trim())
    if (fromJwt) return fromJwt
  }
  const cookie = sessionCookieOf(request)
  return cookie ? tokens.sessionCustomer(cookie) : null
}

/** Sets (or, with null, clears) the session cookie: HttpOnly, SameSite=Lax, Secure when COOKIE_SECURE=true. */
export function setSessionCookie(reply: FastifyReply, value: string | null): void {
  const secure = process.env.COOKIE_SECURE === "true" ? "; Secure" : ""
  const cookie =
    value === null
      ? `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`
      : `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax${secure}`
  void reply.header("set-cookie", cookie)
}
