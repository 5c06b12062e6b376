import { NotFoundError } from "../errors/errors"
import type { Dto } from "../persistence/row-mapper"
import type { CartContext, Tx } from "../persistence/unit-of-work"
import type { CartDTO } from "../types/dtos"
import { isPlainObject, requireData, requireId, requireSelector } from "../validation/arguments"
import type { UpdateCall } from "./call-forms"
import { createCarts, createCartsInOneStatement } from "./cart-creates"
import { deleteCarts, setCartsDeleted, updateCartInOneStatement, updateCartsWhere, updateEachCart } from "./cart-writes"
import { checkedInput, checkedInputs } from "./checked-inputs"
import type { Input } from "./checked-inputs"
import type { LinkableKeys } from "./linkable-keys"
import { toArray } from "./one-or-many"
import type { CartServiceDeps } from "./service-deps"
import { typed } from "./typed-rows"
import { setDeletedByIds, writeByIds } from "./write-by-ids"
import { writeFast } from "./write-fast"

/** The cart use cases: create (with nested items and addresses), update, delete, soft delete and restore. */
export class Carts {
  constructor(private readonly deps: CartServiceDeps) {}

  /** Creates carts, in one statement when they fit one. @throws InvalidDataError */
  async create(data: unknown, ctx?: CartContext): Promise<CartDTO[]> {
    const inputs = checkedInputs(this.deps.validator, "createCart", toArray(data).map(addressIdShorthand))
    const rows = await writeFast(
      this.deps.unitOfWork,
      ctx,
      (tx) => createCartsInOneStatement(tx, inputs),
      (tx) => createCarts(tx, inputs),
    )
    return typed("Cart", rows)
  }

  /** Updates carts: `[{ id, ... }]`, `(id, data)` or `(selector, data)`. @throws NotFoundError, ConflictError, InvalidDataError */
  async update({ target, data, ctx }: UpdateCall): Promise<CartDTO[]> {
    if (Array.isArray(target)) return typed("Cart", await this.updateEach(target, ctx))
    const patch = checkedInput(this.deps.validator, "updateCart", data)
    if (typeof target === "string") {
      const id = requireId(target, "id")
      const updated = await writeFast(
        this.deps.unitOfWork,
        ctx,
        (tx) => updateCartInOneStatement(tx, id, patch),
        (tx) => updateCartIds(tx, [id], patch),
      )
      return typed("Cart", updated)
    }
    const selector = requireSelector(target)
    return typed("Cart", await this.deps.unitOfWork.write(ctx, (tx) => updateCartsWhere(tx, selector, patch)))
  }

  /** `[{ id, ...data }]`: each cart its own data, all in one transaction (see {@link updateEachCart}). */
  private updateEach(list: unknown[], ctx: CartContext | undefined): Promise<Dto[]> {
    list.forEach((update, index) => requireData(update, `data[${index}]`))
    // The schema made each `id` a non-empty string.
    const updates = checkedInputs(this.deps.validator, "updateCartWithId", list).map(({ id, ...data }) => ({
      id: requireId(id, "id"),
      data,
    }))
    return this.deps.unitOfWork.write(ctx, (tx) => updateEachCart(tx, updates))
  }

  /** Hard-deletes carts and everything in them. */
  async delete(ids: unknown, ctx?: CartContext): Promise<void> {
    await writeByIds(this.deps.unitOfWork, ctx, ids, deleteCarts)
  }

  /** Soft-deletes (`deleted`) or restores carts with their children. */
  setDeleted(ids: unknown, deleted: boolean, ctx?: CartContext): Promise<LinkableKeys> {
    return setDeletedByIds(this.deps.unitOfWork, ctx, ids, (tx, checked) => setCartsDeleted(tx, checked, deleted))
  }
}

async function updateCartIds(tx: Tx, ids: string[], data: Input): Promise<Dto[]> {
  const rows = await updateCartsWhere(tx, { id: ids }, data)
  if (rows.length !== ids.length)
    throw NotFoundError.forIds(
      "Cart",
      ids.filter((id) => !rows.some((row) => row.id === id)),
    )
  return rows
}

/**
 * Medusa's `CreateCartDTO` also takes an existing address's id as `shipping_address`/`billing_address` (its ORM
 * reads a string as a reference); it means the same as `shipping_address_id`/`billing_address_id`. When both
 * are given the string is left in place, and validation refuses it as an address.
 */
function addressIdShorthand(input: unknown): unknown {
  if (!isPlainObject(input)) return input
  let out = input
  for (const field of ["shipping_address", "billing_address"] as const) {
    const value = out[field]
    if (typeof value !== "string" || out[`${field}_id`] != null) continue
    const { [field]: _id, ...rest } = out
    out = { ...rest, [`${field}_id`]: value }
  }
  return out
}
