import { randomBytes, scrypt, timingSafeEqual } from "node:crypto"
import { promisify } from "node:util"
import { V1HttpError } from "../v1/v1-errors"

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>

/** A registered customer; the password is kept only as a salted scrypt hash. */
export interface Customer {
  readonly id: string
  readonly email: string
  readonly first_name: string
  readonly last_name: string
  readonly phone: string | null
  readonly created_at: Date
}

/** What registering a customer takes. */
export interface NewCustomer {
  readonly email: string
  readonly password: string
  readonly first_name: string
  readonly last_name: string
  readonly phone?: string | null
}

interface Account {
  readonly customer: Customer
  readonly salt: Buffer
  readonly hash: Buffer
}

const KEY_LENGTH = 64
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * The example's customers, in memory. Passwords are hashed with scrypt (node:crypto, a memory-hard
 * KDF) and a 16-byte random salt each, and compared in constant time.
 */
export class InMemoryCustomers {
  private readonly byEmail = new Map<string, Account>()
  private readonly byId = new Map<string, Account>()

  /** Registers a customer. @throws V1HttpError 400 for a malformed email, 422 duplicate_error for a taken one */
  async register(input: NewCustomer): Promise<Customer> {
    const email = input.email.trim().toLowerCase()
    if (!EMAIL.test(email)) throw new V1HttpError(400, "invalid_data", "email must be an email")
    if (this.byEmail.has(email))
      throw new V1HttpError(422, "duplicate_error", "A customer with the given email already has an account. Log in instead")
    const salt = randomBytes(16)
    const hash = await scryptAsync(input.password, salt, KEY_LENGTH)
    // Checked again after the await: two registrations of one email may have raced.
    if (this.byEmail.has(email))
      throw new V1HttpError(422, "duplicate_error", "A customer with the given email already has an account. Log in instead")
    const customer: Customer = {
      id: `cus_${randomBytes(16).toString("hex")}`,
      email,
      first_name: input.first_name,
      last_name: input.last_name,
      phone: input.phone ?? null,
      created_at: new Date(),
    }
    const account = { customer, salt, hash }
    this.byEmail.set(email, account)
    this.byId.set(customer.id, account)
    return customer
  }

  /** The customer whose email and password match, or null. Unknown emails cost a hash too, so timing does not tell them apart. */
  async authenticate(email: string, password: string): Promise<Customer | null> {
    const account = this.byEmail.get(email.trim().toLowerCase())
    const salt = account?.salt ?? randomBytes(16)
    const hash = await scryptAsync(password, salt, KEY_LENGTH)
    return account && timingSafeEqual(hash, account.hash) ? account.customer : null
  }

  /** The customer with this id, or null. */
  retrieve(id: string): Customer | null {
    return this.byId.get(id)?.customer ?? null
  }

  /** Whether an account exists for this email. */
  exists(email: string): boolean {
    return this.byEmail.has(email.trim().toLowerCase())
  }
}

/** A customer as v1's Store API shows it. */
export function toV1Customer(customer: Customer): Record<string, unknown> {
  return {
    ...customer,
    billing_address_id: null,
    has_account: true,
    metadata: null,
    shipping_addresses: [],
    updated_at: customer.created_at,
    deleted_at: null,
  }
}
