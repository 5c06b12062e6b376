import { mapDriverError } from "../../../src/persistence/driver-errors"

// Driver errors shaped as `pg` reports them; the wording is that of Medusa's db-error-mapper (@medusajs/utils 2.21).
describe("mapDriverError", () => {
  it("words a taken key as Medusa does, with its invalid_data type", () => {
    const error = mapDriverError({ code: "23505", table: "cart_line_item", detail: "Key (id)=(cali_dup) already exists." })
    expect(error).toMatchObject({ type: "invalid_data", message: "Cart line item with id: cali_dup, already exists." })
  })

  it("spells out PostgreSQL's t/f booleans in a taken key", () => {
    const error = mapDriverError({ code: "23505", table: "cart", detail: "Key (id, flag)=(cart_1, t) already exists." })
    expect(error).toMatchObject({ message: "Cart with id: cart_1, flag: true, already exists." })
  })

  it("words a missing parent as Medusa's foreign-key message", () => {
    const error = mapDriverError({
      code: "23503",
      table: "cart_line_item",
      detail: 'Key (cart_id)=(cart_x) is not present in table "cart".',
    })
    expect(error).toMatchObject({
      type: "not_found",
      message: "You tried to set relationship cart_id: cart_x, but such entity does not exist",
    })
  })

  it("keeps a typed duplicate error when the driver gives no detail", () => {
    expect(mapDriverError({ code: "23505", constraint: "uq" })).toMatchObject({ type: "duplicate_error" })
  })
})
