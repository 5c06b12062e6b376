import { InvalidDataError } from "../errors/errors"
import type { Filters } from "../persistence/filters"
import { withReferences } from "../persistence/row-mapper"
import type { Dto } from "../persistence/row-mapper"
import type { CartContext, Tx } from "../persistence/unit-of-work"
import { requireData, requireIds, requireSelector } from "../validation/arguments"
import type { AddCall, UpdateCall } from "./call-forms"
import { CHILD_SPECS } from "./child-specs"
import type { ChildName } from "./child-specs"
import { createChildren, deleteChildren, setChildrenDeleted, updateChildrenById, updateChildrenWhere } from "./child-writes"
import { checkedInput, checkedInputs } from "./checked-inputs"
import type { Input } from "./checked-inputs"
import type { LinkableKeys } from "./linkable-keys"
import { toArray } from "./one-or-many"
import {
  canCreateInOneStatement,
  createChildrenInOneStatement,
  deleteChildrenInOneStatement,
  updateChildInOneStatement,
} from "./one-statement-children"
import type { CartServiceDeps } from "./service-deps"
import { typed } from "./typed-rows"
import { setDeletedByIds } from "./write-by-ids"
import type { DtoByModel } from "./typed-rows"
import { writeFast } from "./write-fast"

/** `{ ...input, cart_id }` for whatever the caller passed (validation judges it next). */
function withCartId(input: unknown, cartId: string): object {
  return input === null || input === undefined ? { cart_id: cartId } : { ...input, cart_id: cartId }
}

/** The use cases of every cart child (line items, shipping methods, credit lines, adjustments, tax lines): create, update, delete, soft delete, restore. */
export class Children {
  constructor(private readonly deps: CartServiceDeps) {}

  /** Creates children: `(list)` with parent ids inside, or `(cartId, list)`. @throws InvalidDataError, NotFoundError */
  async add<N extends ChildName>(name: N, { cartId, data, ctx }: AddCall): Promise<DtoByModel[N][]> {
    const spec = CHILD_SPECS[name]
    const list = cartId !== undefined ? toArray(data ?? []) : toArray(data)
    const ownsCart = spec.parentColumn === "cart_id"
    const inputs = checkedInputs(
      this.deps.validator,
      `create${name}`,
      cartId !== undefined && ownsCart ? list.map((input) => withCartId(input, cartId)) : list,
    )
    const maxPerCart = name === "LineItem" ? this.deps.validator.limits.maxLinesPerCart : undefined
    const general = (tx: Tx) => createChildren(tx, spec, inputs, cartId, maxPerCart)
    // `(list)` whose rows all name one cart goes the fast way too: for a cart's own children the cart is the parent.
    const first = inputs[0]?.cart_id
    const oneCart = cartId ?? (typeof first === "string" ? first : undefined)
    const rows = canCreateInOneStatement(spec, inputs, oneCart, maxPerCart)
      ? await writeFast(this.deps.unitOfWork, ctx, (tx) => createChildrenInOneStatement(tx, spec, inputs, oneCart), general, true)
      : await this.deps.unitOfWork.write(ctx, general)
    return typed(name, rows)
  }

  /** The generic create: one child or a list, each naming its parent. */
  create<N extends ChildName>(name: N, data: unknown, ctx?: CartContext): Promise<DtoByModel[N][]> {
    // A string is read as `(cartId)` with nothing to add, as `add*` reads it.
    return this.add(name, typeof data === "string" ? { cartId: data, data: undefined, ctx } : { cartId: undefined, data, ctx })
  }

  /** Updates children (returned with their parent's reference, as Medusa's updates): `(id, data)`, `(selector, data)`, `[{ selector, data }]` or `[{ id, ...data }]`. @throws NotFoundError, InvalidDataError */
  async update<N extends ChildName>(name: N, { target, data, ctx }: UpdateCall): Promise<DtoByModel[N][]> {
    const spec = CHILD_SPECS[name]
    if (typeof target === "string") {
      const patch = checkedInput(this.deps.validator, `update${name}`, data)
      const updated = await writeFast(
        this.deps.unitOfWork,
        ctx,
        (tx) => updateChildInOneStatement(tx, spec, target, patch),
        (tx) => updateChildrenById(tx, spec, [{ id: target, data: patch }]),
        true,
      )
      return typed(name, withReferences(spec.model, updated))
    }
    if (Array.isArray(target)) return typed(name, withReferences(spec.model, await this.updateEach(name, target, ctx)))
    const selector = requireSelector(target)
    const patch = checkedInput(this.deps.validator, `update${name}`, data)
    return typed(
      name,
      withReferences(spec.model, await this.deps.unitOfWork.write(ctx, (tx) => updateChildrenWhere(tx, spec, selector, patch))),
    )
  }

  /** `[{ selector, data }]` and `[{ id, ...data }]`, mixed, in one transaction: selectors first. */
  private async updateEach(name: ChildName, entries: readonly unknown[], ctx: CartContext | undefined): Promise<Dto[]> {
    const spec = CHILD_SPECS[name]
    const byId: { id: string; data: Input }[] = []
    const bySelector: { selector: Filters; data: Input }[] = []
    for (const [index, entry] of entries.entries()) {
      const object = requireData(entry, `data[${index}]`)
      if ("selector" in object && "data" in object) {
        bySelector.push({ selector: requireSelector(object.selector), data: requireData(object.data, `data[${index}].data`) })
        continue
      }
      const { id, ...rest } = object
      if (typeof id !== "string") throw InvalidDataError.because(`${spec.model.name} update needs an "id"`, ["id"])
      byId.push({ id, data: rest })
    }
    // What is written is what the validator parsed, entry by entry (ids first, as they are listed here).
    const parsed = this.deps.validator.parse(
      `update${name}`,
      [...byId, ...bySelector].map((entry) => entry.data),
    )
    const byIdParsed = byId.map((entry, index) => ({ id: entry.id, data: requireData(parsed[index]) }))
    const bySelectorParsed = bySelector.map((entry, index) => ({
      selector: entry.selector,
      data: requireData(parsed[byId.length + index]),
    }))
    return this.deps.unitOfWork.write(ctx, async (tx) => {
      const results: Dto[] = []
      for (const entry of bySelectorParsed) results.push(...(await updateChildrenWhere(tx, spec, entry.selector, entry.data)))
      results.push(...(await updateChildrenById(tx, spec, byIdParsed)))
      return results
    })
  }

  /** Hard-deletes children by id; missing ids are ignored, as Medusa does. */
  async delete(name: ChildName, ids: unknown, ctx?: CartContext): Promise<void> {
    const checked = requireIds(ids)
    if (checked.length === 0) return
    const spec = CHILD_SPECS[name]
    await writeFast(
      this.deps.unitOfWork,
      ctx,
      (tx) => deleteChildrenInOneStatement(tx, spec, checked),
      async (tx) => {
        await deleteChildren(tx, spec, checked)
        return true
      },
      true,
    )
  }

  /** Soft-deletes (`deleted`) or restores children with their own children; a restore honours the line limit. */
  setDeleted(name: ChildName, ids: unknown, deleted: boolean, ctx?: CartContext): Promise<LinkableKeys> {
    const maxPerCart = name === "LineItem" && !deleted ? this.deps.validator.limits.maxLinesPerCart : undefined
    return setDeletedByIds(this.deps.unitOfWork, ctx, ids, (tx, checked) =>
      setChildrenDeleted(tx, CHILD_SPECS[name], checked, deleted, maxPerCart),
    )
  }
}
