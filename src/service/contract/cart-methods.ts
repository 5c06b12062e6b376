import type { CartAddressDTO, CartDTO } from "../../types/dtos"
import type { CreateAddressDTO, CreateCartDTO, UpdateAddressDTO, UpdateCartDataDTO, UpdateCartDTO } from "../../types/inputs"
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

/** The address methods of `ICartModuleService`. */
export interface AddressMethods {
  /** Retrieves one address. @throws NotFoundError */
  retrieveAddress: RetrieveMethod<CartAddressDTO>
  /** Lists addresses. */
  listAddresses: ListMethod<CartAddressDTO>
  /** Lists and counts addresses. */
  listAndCountAddresses: ListAndCountMethod<CartAddressDTO>
  /** Creates standalone addresses. @throws InvalidDataError */
  createAddresses: OneOrManyMethod<CreateAddressDTO, CartAddressDTO>
  /** Updates addresses by id. @throws NotFoundError */
  updateAddresses: OneOrManyMethod<UpdateAddressDTO, CartAddressDTO>
  /** Hard-deletes addresses. */
  deleteAddresses: DeleteMethod
  /** Soft-deletes addresses. */
  softDeleteAddresses: SoftDeleteMethod
  /** Restores soft-deleted addresses. */
  restoreAddresses: SoftDeleteMethod
}
