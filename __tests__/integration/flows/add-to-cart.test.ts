import { addToCart, addToCartStep } from "../../../src/flows/add-to-cart"
import { createCart } from "../../../src/flows/create-cart"
import { BigNumber } from "../../../src/money/big-number"
import { SEED, useFlows } from "./flow-fixture"

const flows = useFlows()

describe("addToCart", () => {
  it("creates a priced line with the variant's product snapshot", async () => {
    const cart = await createCart(flows.deps, { region_id: SEED.regions.eu })
    const updated = await addToCart(flows.deps, { cart_id: cart.id, variant_id: SEED.variants.mug, quantity: 2 })
    expect(updated.items).toHaveLength(1)
    expect(updated.items?.[0]).toMatchObject({
      title: "Enamel Mug",
      variant_sku: "MUG",
      product_id: "prod_mug",
      quantity: 2,
      raw_unit_price: { value: "12.5" },
    })
    // A totals read returns amounts as BigNumbers, as Medusa's does.
    expect(updated.items?.[0]?.unit_price).toBeInstanceOf(BigNumber)
    expect(updated.item_subtotal?.numeric).toBe(25)
  })

  it("merges into the existing line of the same variant and metadata", async () => {
    const cart = await createCart(flows.deps, { items: [{ variant_id: SEED.variants.teeSmall, quantity: 1 }] })
    const updated = await addToCart(flows.deps, { cart_id: cart.id, variant_id: SEED.variants.teeSmall, quantity: 3 })
    expect(updated.items?.map((item) => [item.variant_id, item.quantity])).toEqual([[SEED.variants.teeSmall, 4]])
  })

  it("keeps a separate line when the metadata differs", async () => {
    const cart = await createCart(flows.deps, { items: [{ variant_id: SEED.variants.teeSmall, quantity: 1 }] })
    const updated = await addToCart(flows.deps, {
      cart_id: cart.id,
      variant_id: SEED.variants.teeSmall,
      quantity: 1,
      metadata: { engraving: "Ada" },
    })
    expect(updated.items?.map((item) => item.quantity)).toEqual([1, 1])
  })

  it("turns 100 adds of one variant, 20 at a time, into one line of quantity 100", async () => {
    const cart = await createCart(flows.deps, {})
    // 100 adds at once, in waves of 20 concurrent callers: each add re-plans after a concurrent change,
    // and 100 simultaneous callers on one cart would mostly measure the pool's acquire timeout.
    for (let wave = 0; wave < 5; wave++) {
      await Promise.all(
        Array.from({ length: 20 }, () => addToCart(flows.deps, { cart_id: cart.id, variant_id: SEED.variants.mug, quantity: 1 })),
      )
    }
    const lines = await flows.deps.cart.listLineItems({ cart_id: cart.id })
    expect(lines.map((line) => line.quantity)).toEqual([100])
  }, 120_000)

  it("rejects an unknown variant with not_found and a bad quantity with invalid_data", async () => {
    const cart = await createCart(flows.deps, {})
    await expect(addToCart(flows.deps, { cart_id: cart.id, variant_id: "variant_nope", quantity: 1 })).rejects.toMatchObject({
      type: "not_found",
    })
    await expect(addToCart(flows.deps, { cart_id: cart.id, variant_id: SEED.variants.mug, quantity: 0 })).rejects.toMatchObject({
      type: "invalid_data",
    })
    await expect(addToCart(flows.deps, { cart_id: "cart_missing", variant_id: SEED.variants.mug, quantity: 1 })).rejects.toMatchObject({
      type: "not_found",
    })
  })

  it("compensates by restoring the previous quantity or deleting the created line", async () => {
    const cart = await createCart(flows.deps, {})
    const first = await addToCartStep.invoke(flows.deps, { cart_id: cart.id, variant_id: SEED.variants.mug, quantity: 1 })
    const second = await addToCartStep.invoke(flows.deps, { cart_id: cart.id, variant_id: SEED.variants.mug, quantity: 2 })
    await addToCartStep.compensate(flows.deps, second.compensation)
    expect((await flows.deps.cart.listLineItems({ cart_id: cart.id })).map((line) => line.quantity)).toEqual([1])
    await addToCartStep.compensate(flows.deps, first.compensation)
    expect(await flows.deps.cart.listLineItems({ cart_id: cart.id })).toEqual([])
  })
})
