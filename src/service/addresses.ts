import type { CartContext } from "../persistence/unit-of-work"
import type { CartAddressDTO } from "../types/dtos"
import { requireId } from "../validation/arguments"
import { createAddresses, deleteAddresses, setAddressesDeleted, updateAddresses } from "./address-writes"
import { checkedInputs } from "./checked-inputs"
import type { LinkableKeys } from "./linkable-keys"
import type { CartServiceDeps } from "./service-deps"
import { typed } from "./typed-rows"
import { setDeletedByIds, writeByIds } from "./write-by-ids"

/** The address use cases: create (standalone or under a cart), update by id, delete, soft delete and restore. */
export class Addresses {
  constructor(private readonly deps: CartServiceDeps) {}

  /** Creates addresses. @throws InvalidDataError */
  async create(data: unknown, ctx?: CartContext): Promise<CartAddressDTO[]> {
    const inputs = checkedInputs(this.deps.validator, "createAddress", data)
    return typed("Address", await this.deps.unitOfWork.write(ctx, (tx) => createAddresses(tx, inputs)))
  }

  /** Updates addresses by id, each with its own data. @throws NotFoundError, InvalidDataError */
  async update(data: unknown, ctx?: CartContext): Promise<CartAddressDTO[]> {
    const inputs = checkedInputs(this.deps.validator, "updateAddress", data)
    const updates = inputs.map((input) => ({ id: requireId(input.id, "id"), data: input }))
    return typed("Address", await this.deps.unitOfWork.write(ctx, (tx) => updateAddresses(tx, updates)))
  }

  /** Hard-deletes addresses. */
  async delete(ids: unknown, ctx?: CartContext): Promise<void> {
    await writeByIds(this.deps.unitOfWork, ctx, ids, deleteAddresses)
  }

  /** Soft-deletes (`deleted`) or restores addresses. */
  setDeleted(ids: unknown, deleted: boolean, ctx?: CartContext): Promise<LinkableKeys> {
    return setDeletedByIds(this.deps.unitOfWork, ctx, ids, (tx, checked) => setAddressesDeleted(tx, checked, deleted))
  }
}
