import type { CartCreditLineDTO, CartLineItemDTO, CartShippingMethodDTO } from "../../types/dtos"
import type {
  CreateCreditLineDTO,
  CreateLineItemForCartDTO,
  CreateShippingMethodDTO,
  UpdateCreditLineDTO,
  UpdateLineItemWithIdDTO,
  UpdateShippingMethodDTO,
} from "../../types/inputs"
import type {
  AddCartChildrenMethod,
  DeleteMethod,
  ListAndCountMethod,
  ListMethod,
  OneOrManyMethod,
  RetrieveMethod,
  SoftDeleteMethod,
  UpdateChildrenMethod,
} from "./method-shapes"

/** The line item methods of `ICartModuleService`. */
export interface LineItemMethods {
  /** Retrieves one line item by id. @throws NotFoundError when it does not exist. */
  retrieveLineItem: RetrieveMethod<CartLineItemDTO>
  /** Lists line items matching `filters`. */
  listLineItems: ListMethod<CartLineItemDTO>
  /** Lists line items matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  listAndCountLineItems: ListAndCountMethod<CartLineItemDTO>
  /** Adds line items: one, many (each naming its cart), or `(cartId, list)`. Locks each cart. @throws InvalidDataError, NotFoundError */
  addLineItems: AddCartChildrenMethod<CreateLineItemForCartDTO, CartLineItemDTO>
  /** Creates line items (the generic create; each names its parent). @throws InvalidDataError */
  createLineItems: OneOrManyMethod<CreateLineItemForCartDTO, CartLineItemDTO>
  /** Updates line items: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. @throws NotFoundError */
  updateLineItems: UpdateChildrenMethod<UpdateLineItemWithIdDTO, CartLineItemDTO>
  /** Hard-deletes line items by id (missing ids are ignored). */
  deleteLineItems: DeleteMethod
  /** Soft-deletes line items (and their children); returns the affected ids by linkable key. */
  softDeleteLineItems: SoftDeleteMethod
  /** Restores soft-deleted line items and the children deleted with them. */
  restoreLineItems: SoftDeleteMethod
}

/** The shipping method methods of `ICartModuleService`. */
export interface ShippingMethodMethods {
  /** Retrieves one shipping method by id. @throws NotFoundError when it does not exist. */
  retrieveShippingMethod: RetrieveMethod<CartShippingMethodDTO>
  /** Lists shipping methods matching `filters`. */
  listShippingMethods: ListMethod<CartShippingMethodDTO>
  /** Lists shipping methods matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  listAndCountShippingMethods: ListAndCountMethod<CartShippingMethodDTO>
  /** Adds shipping methods: one, many (each naming its cart), or `(cartId, list)`. Locks each cart. @throws InvalidDataError, NotFoundError */
  addShippingMethods: AddCartChildrenMethod<CreateShippingMethodDTO, CartShippingMethodDTO>
  /** Creates shipping methods (the generic create; each names its parent). @throws InvalidDataError */
  createShippingMethods: OneOrManyMethod<CreateShippingMethodDTO, CartShippingMethodDTO>
  /** Updates shipping methods: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. @throws NotFoundError */
  updateShippingMethods: UpdateChildrenMethod<UpdateShippingMethodDTO, CartShippingMethodDTO>
  /** Hard-deletes shipping methods by id (missing ids are ignored). */
  deleteShippingMethods: DeleteMethod
  /** Soft-deletes shipping methods (and their children); returns the affected ids by linkable key. */
  softDeleteShippingMethods: SoftDeleteMethod
  /** Restores soft-deleted shipping methods and the children deleted with them. */
  restoreShippingMethods: SoftDeleteMethod
}

/** The credit line methods of `ICartModuleService`. */
export interface CreditLineMethods {
  /** Retrieves one credit line by id. @throws NotFoundError when it does not exist. */
  retrieveCreditLine: RetrieveMethod<CartCreditLineDTO>
  /** Lists credit lines matching `filters`. */
  listCreditLines: ListMethod<CartCreditLineDTO>
  /** Lists credit lines matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  listAndCountCreditLines: ListAndCountMethod<CartCreditLineDTO>
  /** Creates credit lines (the generic create; each names its parent). @throws InvalidDataError */
  createCreditLines: OneOrManyMethod<CreateCreditLineDTO, CartCreditLineDTO>
  /** Updates credit lines: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. @throws NotFoundError */
  updateCreditLines: UpdateChildrenMethod<UpdateCreditLineDTO, CartCreditLineDTO>
  /** Hard-deletes credit lines by id (missing ids are ignored). */
  deleteCreditLines: DeleteMethod
  /** Soft-deletes credit lines (and their children); returns the affected ids by linkable key. */
  softDeleteCreditLines: SoftDeleteMethod
  /** Restores soft-deleted credit lines and the children deleted with them. */
  restoreCreditLines: SoftDeleteMethod
}
