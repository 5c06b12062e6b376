import { CartModuleError } from "../../../src/errors/cart-module-error"
import { InvalidDataError, NotFoundError } from "../../../src/errors/errors"
import type * as Errors from "../../../src/errors/errors"

type ErrorsModule = typeof Errors

/** A second copy of the error classes, as another package entry (cartwright/medusa) bundles them. */
function anotherCopy(): ErrorsModule {
  let copy: ErrorsModule | undefined
  jest.isolateModules(() => {
    copy = jest.requireActual<ErrorsModule>("../../../src/errors/errors")
  })
  return copy!
}

describe("instanceof across copies of the error classes", () => {
  const other = anotherCopy()
  const foreign = other.NotFoundError.forId("Cart", "cart_x")

  it("really is another copy", () => {
    expect(other.NotFoundError).not.toBe(NotFoundError)
  })

  it("an error from another copy is instanceof this copy's class and its bases", () => {
    expect(foreign instanceof NotFoundError).toBe(true)
    expect(foreign instanceof CartModuleError).toBe(true)
  })

  it("but not instanceof a sibling class", () => {
    expect(foreign instanceof InvalidDataError).toBe(false)
    expect(NotFoundError.forId("Cart", "cart_y") instanceof InvalidDataError).toBe(false)
  })

  it("plain errors and look-alikes without the marker are not", () => {
    expect(new Error("x") instanceof CartModuleError).toBe(false)
    expect(Object.assign(new Error("x"), { name: "NotFoundError" }) instanceof NotFoundError).toBe(false)
  })
})
