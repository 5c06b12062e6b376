import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { isPlainObject } from "../../../src/validation/arguments"

/** Signs and checks the storefront's credentials: the session cookie's id and v1's store JWT (HS256). */
export class Tokens {
  private readonly sessions = new Map<string, { readonly customerId: string; readonly expires: number }>()

  constructor(
    private readonly secret: Buffer = randomBytes(32),
    private readonly ttlSeconds = 60 * 60 * 24,
  ) {}

  /** Opens a server-side session and returns the signed cookie value (`id.signature`). */
  openSession(customerId: string): string {
    const id = randomBytes(24).toString("base64url")
    this.sessions.set(id, { customerId, expires: Date.now() + this.ttlSeconds * 1000 })
    return `${id}.${this.sign(id)}`
  }

  /** The customer of a signed session cookie value, or null when unsigned, unknown, ended or expired. */
  sessionCustomer(cookie: string): string | null {
    const [id, signature, extra] = cookie.split(".")
    if (!id || !signature || extra !== undefined || !this.verify(id, signature)) return null
    const session = this.sessions.get(id)
    if (!session || session.expires < Date.now()) return null
    return session.customerId
  }

  /** Ends the session of a cookie value (logout); unknown values are ignored. */
  endSession(cookie: string): void {
    const [id, signature] = cookie.split(".")
    if (id && signature && this.verify(id, signature)) this.sessions.delete(id)
  }

  /** A v1 store JWT (`{ customer_id, domain: "store" }`, HS256) for the customer. */
  issueJwt(customerId: string): string {
    const now = Math.floor(Date.now() / 1000)
    const header = encode({ alg: "HS256", typ: "JWT" })
    const payload = encode({ customer_id: customerId, domain: "store", iat: now, exp: now + this.ttlSeconds })
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`
  }

  /** The customer of a valid, unexpired store JWT, or null. Only HS256 with our key is accepted. */
  jwtCustomer(token: string): string | null {
    const [header, payload, signature, extra] = token.split(".")
    if (!header || !payload || !signature || extra !== undefined || !this.verify(`${header}.${payload}`, signature)) return null
    const head = decode(header)
    const claims = decode(payload)
    if (head?.alg !== "HS256" || !claims || claims.domain !== "store" || typeof claims.customer_id !== "string") return null
    if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return null
    return claims.customer_id
  }

  private sign(data: string): string {
    return createHmac("sha256", this.secret).update(data).digest("base64url")
  }

  private verify(data: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(data))
    const given = Buffer.from(signature)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
}

function encode(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url")
}

function decode(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
    return isPlainObject(value) ? value : null
  } catch {
    return null
  }
}
