import type { Model } from "../../models"
import type { CartContext, Tx, UnitOfWork } from "../persistence/unit-of-work"
import { requireIds } from "../validation/arguments"
import { linkable } from "./linkable-keys"
import type { LinkableKeys } from "./linkable-keys"

/** Checks `ids` (one id or a list) before anything runs, then hands them to `work` as one write. @throws InvalidDataError */
export function writeByIds<T>(
  unitOfWork: UnitOfWork,
  ctx: CartContext | undefined,
  ids: unknown,
  work: (tx: Tx, ids: string[]) => Promise<T>,
): Promise<T> {
  const checked = requireIds(ids)
  return unitOfWork.write(ctx, (tx) => work(tx, checked))
}

/** Soft-deletes or restores rows by id as one write; answers with the ids it touched as Medusa's linkable keys. */
export function setDeletedByIds(
  unitOfWork: UnitOfWork,
  ctx: CartContext | undefined,
  ids: unknown,
  setDeleted: (tx: Tx, ids: string[]) => Promise<ReadonlyMap<Model, string[]>>,
): Promise<LinkableKeys> {
  return writeByIds(unitOfWork, ctx, ids, async (tx, checked) => linkable(await setDeleted(tx, checked)))
}
