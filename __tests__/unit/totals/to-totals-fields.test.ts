import { BigNumber } from "../../../src/money/big-number"
import { bigNumberFactory } from "../../../src/money/big-number-class"
import { computeCartTotals, toTotalsFields } from "../../../src/totals"
import { aCart, anItem, taxedAt } from "./cart-builder"

describe("toTotalsFields", () => {
  const { items, cart } = computeCartTotals(
    aCart()
      .withItem(anItem(100, { is_tax_inclusive: true, tax_lines: taxedAt(7) }))
      .build(),
  )

  it("gives each total as a BigNumber plus a raw_ twin holding it at 20 significant digits, as Medusa does", () => {
    const fields = toTotalsFields(items[0]!)
    expect(fields.subtotal).toBeInstanceOf(BigNumber)
    expect(fields.subtotal.numeric).toBe(93.45794392523365)
    expect(fields.raw_subtotal).toEqual({ value: "93.45794392523364486", precision: 20 })
    expect(fields.raw_original_total).toEqual({ value: "100", precision: 20 })
  })

  it("produces exactly the nine fields and their nine raw_ twins for a line", () => {
    expect(Object.keys(toTotalsFields(items[0]!))).toHaveLength(18)
  })

  it("covers every cart total", () => {
    const fields = toTotalsFields(cart)
    expect(Object.keys(fields)).toHaveLength(Object.keys(cart).length * 2)
    expect(fields.raw_credit_line_total).toEqual({ value: "0", precision: 20 })
    expect(JSON.parse(JSON.stringify(fields)).item_total).toBe(100)
  })

  it("builds each total with a host's BigNumber class from its exact raw twin when given one", () => {
    class HostBigNumber {
      constructor(readonly raw: { value: string; precision: number }) {}
    }
    const fields = toTotalsFields(items[0]!, bigNumberFactory(HostBigNumber))
    expect(fields.subtotal).toBeInstanceOf(HostBigNumber)
    expect(fields.subtotal.raw).toEqual({ value: "93.45794392523364486", precision: 20 })
    expect(fields.raw_subtotal).toEqual(fields.subtotal.raw)
  })
})
