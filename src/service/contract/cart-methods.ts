import type { CartDTO } from "../../types/dtos"
import type { CreateCartDTO, UpdateCartDataDTO, UpdateCartDTO } from "../../types/inputs"
import type {
  DeleteMethod,
  ListAndCountMethod,
  ListMethod,
  OneOrManyMethod,
  RetrieveMethod,
  SoftDeleteMethod,
  UpdateCartsMethod,
} from "./method-shapes"

/** The cart methods of `ICartModuleService`. */
export interface CartMethods {
  /** Retrieves a cart; totals are computed when `select` names one, `*`, or is absent. @throws NotFoundError */
  retrieveCart: RetrieveMethod<CartDTO>
  /** Lists carts matching `filters` (equality, arrays, null, `$`-operators, `$and`/`$or`). */
  listCarts: ListMethod<CartDTO>
  /** Lists carts and counts every match, in one statement. */
  listAndCountCarts: ListAndCountMethod<CartDTO>
  /** Creates one cart or many, with nested `items`, `shipping_address` and `billing_address`. @throws InvalidDataError */
  createCarts: OneOrManyMethod<CreateCartDTO, CartDTO>
  /** Updates carts: `[{ id, ... }]`, `(id, data)` or `(selector, data)` (every matching cart). @throws NotFoundError, ConflictError */
  updateCarts: UpdateCartsMethod<UpdateCartDataDTO, UpdateCartDTO, CartDTO>
  /** Hard-deletes carts and everything in them. */
  deleteCarts: DeleteMethod
  /** Soft-deletes carts with all their children; `restoreCarts` brings them back. */
  softDeleteCarts: SoftDeleteMethod
  /** Restores soft-deleted carts and the children deleted with them. */
  restoreCarts: SoftDeleteMethod
}
