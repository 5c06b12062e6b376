import { withReferences } from "../persistence/row-mapper"
import type { CartContext } from "../persistence/unit-of-work"
import { requireId } from "../validation/arguments"
import { CHILD_SPECS } from "./child-specs"
import { checkedInputs } from "./checked-inputs"
import { setChildrenInOneStatement } from "./one-statement-children"
import type { CartServiceDeps } from "./service-deps"
import { setChildren, upsertChildren } from "./set-children"
import { typed } from "./typed-rows"
import type { DtoByModel } from "./typed-rows"
import { writeFast } from "./write-fast"

/** The children `set*`/`upsert*` take: adjustments and tax lines. */
export type PricingLineName = "LineItemAdjustment" | "LineItemTaxLine" | "ShippingMethodAdjustment" | "ShippingMethodTaxLine"

/** The set and upsert use cases of adjustments and tax lines. */
export class PricingLines {
  constructor(private readonly deps: CartServiceDeps) {}

  /** Replaces a cart's lines of kind `name`: entries with `id` are updated, without are created, the rest removed. @throws InvalidDataError */
  async set<N extends PricingLineName>(name: N, cartId: string, entries: unknown, ctx?: CartContext): Promise<DtoByModel[N][]> {
    requireId(cartId, "cartId")
    const list = checkedInputs(this.deps.validator, `upsert${name}`, entries ?? [])
    const spec = CHILD_SPECS[name]
    const rows = await writeFast(
      this.deps.unitOfWork,
      ctx,
      (tx) => setChildrenInOneStatement(tx, spec, cartId, list),
      (tx) => setChildren(tx, spec, cartId, list),
      true,
    )
    return typed(name, rows)
  }

  /** Updates entries that have an `id` and creates the others; removes nothing. @throws InvalidDataError */
  async upsert<N extends PricingLineName>(name: N, entries: unknown, ctx?: CartContext): Promise<DtoByModel[N][]> {
    const list = checkedInputs(this.deps.validator, `upsert${name}`, entries)
    const spec = CHILD_SPECS[name]
    const rows = await this.deps.unitOfWork.write(ctx, (tx) => upsertChildren(tx, spec, list))
    // Medusa's upsert answers with its rows' parent references (`item: { id }`), as its updates do.
    return typed(name, withReferences(spec.model, rows))
  }
}
