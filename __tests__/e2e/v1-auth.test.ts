import { SEED } from "../../examples/storefront/seed"
import { failure, useStorefront } from "./support/storefront-harness"
import type { Json } from "./support/storefront-harness"

const server = useStorefront()

const password = "correct horse battery"

async function register(email: string): Promise<{ customer: Json; cookie: string }> {
  const { customer, response } = await server.client().customers.create({ first_name: "Ada", last_name: "Lovelace", email, password })
  const setCookie = (response.headers["set-cookie"] as string[])[0]!
  return { customer, cookie: setCookie.split(";")[0]! }
}

describe("customer auth (v1 /store/auth, /store/auth/token, /store/customers)", () => {
  it("registers, logs in with a session cookie and a JWT, reads the session and logs out", async () => {
    const medusa = server.client()
    const { customer, cookie } = await register("ada@example.com")
    expect(customer).toMatchObject({ email: "ada@example.com", has_account: true, id: expect.stringMatching(/^cus_/) })
    expect(customer).not.toHaveProperty("password")
    expect((await medusa.auth.getSession({ Cookie: cookie })).customer.id).toBe(customer.id)

    const login = await medusa.auth.authenticate({ email: "ADA@example.com", password })
    const sessionCookie = (login.response.headers["set-cookie"] as string[])[0]!
    expect(sessionCookie).toMatch(/HttpOnly/)
    const session = sessionCookie.split(";")[0]!
    expect((await medusa.auth.getSession({ Cookie: session })).customer.id).toBe(customer.id)

    const { access_token: token } = await medusa.auth.getToken({ email: "ada@example.com", password })
    expect((await medusa.customers.retrieve({ Authorization: `Bearer ${token}` })).customer.id).toBe(customer.id)
    expect((await medusa.auth.exists("ada@example.com")).exists).toBe(true)

    await medusa.auth.deleteSession({ Cookie: session })
    expect(await failure(medusa.auth.getSession({ Cookie: session }))).toMatchObject({ status: 401, body: { type: "unauthorized" } })
  })

  it("answers 401 for wrong credentials, forged cookies and tokens, and 422 for a taken email", async () => {
    const medusa = server.client()
    const { cookie } = await register("grace@example.com")
    expect(await failure(medusa.auth.authenticate({ email: "grace@example.com", password: "wrong password" }))).toMatchObject({
      status: 401,
      body: { type: "unauthorized" },
    })
    expect(await failure(medusa.auth.getToken({ email: "nobody@example.com", password }))).toMatchObject({ status: 401 })
    const [name, value] = cookie.split("=")
    expect(await failure(medusa.auth.getSession({ Cookie: `${name}=${value!.slice(0, -2)}xx` }))).toMatchObject({ status: 401 })
    const { access_token: token } = await medusa.auth.getToken({ email: "grace@example.com", password })
    const [header, payload] = token.split(".")
    const forged = `${header}.${Buffer.from(JSON.stringify({ customer_id: "cus_other", domain: "store", exp: 9_999_999_999 })).toString("base64url")}.${token.split(".")[2]}`
    expect(payload).toBeDefined()
    expect(await failure(medusa.customers.retrieve({ Authorization: `Bearer ${forged}` }))).toMatchObject({ status: 401 })
    expect(await failure(medusa.customers.create({ first_name: "G", last_name: "H", email: "grace@example.com", password }))).toMatchObject(
      { status: 422, body: { type: "duplicate_error" } },
    )
  })
})

describe("carts and customers", () => {
  it("attaches a new cart to the logged-in customer and hides it from everyone else", async () => {
    const medusa = server.client()
    const { customer, cookie } = await register("linus@example.com")
    const { cart } = await medusa.carts.create({ region_id: SEED.regions.eu }, { Cookie: cookie })
    expect(cart).toMatchObject({ customer_id: customer.id, email: "linus@example.com" })
    expect((await medusa.carts.retrieve(cart.id, { Cookie: cookie })).cart.id).toBe(cart.id)

    const other = await register("mallory@example.com")
    for (const headers of [{}, { Cookie: other.cookie }]) {
      expect(await failure(medusa.carts.retrieve(cart.id, headers))).toMatchObject({ status: 404, body: { type: "not_found" } })
      expect(await failure(medusa.carts.update(cart.id, { email: "evil@example.com" }, headers))).toMatchObject({ status: 404 })
      expect(await failure(medusa.carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 1 }, headers))).toMatchObject({
        status: 404,
      })
      expect(await failure(medusa.carts.complete(cart.id, headers))).toMatchObject({ status: 404 })
    }
    expect((await medusa.carts.retrieve(cart.id, { Cookie: cookie })).cart).toMatchObject({ email: "linus@example.com", items: [] })
  })

  it("transfers a guest cart to the customer who logs in and updates it; it stays bearer-addressed before", async () => {
    const medusa = server.client()
    const { cart: guest } = await medusa.carts.create({
      region_id: SEED.regions.eu,
      items: [{ variant_id: SEED.variants.mug, quantity: 1 }],
    })
    expect((await medusa.carts.retrieve(guest.id)).cart.customer_id).toBeNull()
    const { customer, cookie } = await register("barbara@example.com")
    const { cart } = await medusa.carts.update(guest.id, {}, { Cookie: cookie })
    expect(cart).toMatchObject({ customer_id: customer.id, email: "barbara@example.com", items: [{ variant_id: SEED.variants.mug }] })
    expect(await failure(medusa.carts.retrieve(guest.id))).toMatchObject({ status: 404 })
  })
})
