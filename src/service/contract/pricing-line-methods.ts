import type { LineItemAdjustmentDTO, LineItemTaxLineDTO, ShippingMethodAdjustmentDTO, ShippingMethodTaxLineDTO } from "../../types/dtos"
import type {
  CreateLineItemAdjustmentDTO,
  CreateLineItemTaxLineDTO,
  CreateShippingMethodAdjustmentDTO,
  CreateShippingMethodTaxLineDTO,
  UpsertLineItemAdjustmentDTO,
  UpsertLineItemTaxLineDTO,
  UpsertShippingMethodAdjustmentDTO,
  UpsertShippingMethodTaxLineDTO,
} from "../../types/inputs"
import type {
  AddLineChildrenMethod,
  DeleteMethod,
  ListAndCountMethod,
  ListMethod,
  OneOrManyMethod,
  RetrieveMethod,
  SetMethod,
  SoftDeleteMethod,
  UpdateChildrenMethod,
  UpsertMethod,
} from "./method-shapes"

/** The line item adjustment methods of `ICartModuleService`. */
export interface LineItemAdjustmentMethods {
  /** Retrieves one line item adjustment by id. @throws NotFoundError when it does not exist. */
  retrieveLineItemAdjustment: RetrieveMethod<LineItemAdjustmentDTO>
  /** Lists line item adjustments matching `filters`. */
  listLineItemAdjustments: ListMethod<LineItemAdjustmentDTO>
  /** Lists line item adjustments matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  listAndCountLineItemAdjustments: ListAndCountMethod<LineItemAdjustmentDTO>
  /** Adds line item adjustments: a list spanning carts, or `(cartId, list)` (each must belong to that cart). @throws InvalidDataError, NotFoundError */
  addLineItemAdjustments: AddLineChildrenMethod<
    CreateLineItemAdjustmentDTO,
    LineItemAdjustmentDTO,
    LineItemAdjustmentDTO[],
    CreateLineItemAdjustmentDTO[]
  >
  /** Replaces a cart's line item adjustments: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  setLineItemAdjustments: SetMethod<UpsertLineItemAdjustmentDTO, LineItemAdjustmentDTO>
  /** Updates entries that have an `id` and creates the others. @throws InvalidDataError */
  upsertLineItemAdjustments: UpsertMethod<UpsertLineItemAdjustmentDTO, LineItemAdjustmentDTO>
  /** Creates line item adjustments (the generic create; each names its parent). @throws InvalidDataError */
  createLineItemAdjustments: OneOrManyMethod<CreateLineItemAdjustmentDTO, LineItemAdjustmentDTO>
  /** Updates line item adjustments: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. @throws NotFoundError */
  updateLineItemAdjustments: UpdateChildrenMethod<UpsertLineItemAdjustmentDTO, LineItemAdjustmentDTO>
  /** Hard-deletes line item adjustments by id (missing ids are ignored). */
  deleteLineItemAdjustments: DeleteMethod
  /** Soft-deletes line item adjustments (and their children); returns the affected ids by linkable key. */
  softDeleteLineItemAdjustments: SoftDeleteMethod
  /** Restores soft-deleted line item adjustments and the children deleted with them. */
  restoreLineItemAdjustments: SoftDeleteMethod
}

/** The line item tax line methods of `ICartModuleService`. */
export interface LineItemTaxLineMethods {
  /** Retrieves one line item tax line by id. @throws NotFoundError when it does not exist. */
  retrieveLineItemTaxLine: RetrieveMethod<LineItemTaxLineDTO>
  /** Lists line item tax lines matching `filters`. */
  listLineItemTaxLines: ListMethod<LineItemTaxLineDTO>
  /** Lists line item tax lines matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  listAndCountLineItemTaxLines: ListAndCountMethod<LineItemTaxLineDTO>
  /** Adds line item tax lines: a list spanning carts, or `(cartId, list)` (each must belong to that cart). @throws InvalidDataError, NotFoundError */
  addLineItemTaxLines: AddLineChildrenMethod<
    CreateLineItemTaxLineDTO,
    LineItemTaxLineDTO,
    LineItemTaxLineDTO,
    CreateLineItemTaxLineDTO | CreateLineItemTaxLineDTO[]
  >
  /** Replaces a cart's line item tax lines: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  setLineItemTaxLines: SetMethod<UpsertLineItemTaxLineDTO, LineItemTaxLineDTO>
  /** Updates entries that have an `id` and creates the others. @throws InvalidDataError */
  upsertLineItemTaxLines: UpsertMethod<UpsertLineItemTaxLineDTO, LineItemTaxLineDTO>
  /** Creates line item tax lines (the generic create; each names its parent). @throws InvalidDataError */
  createLineItemTaxLines: OneOrManyMethod<CreateLineItemTaxLineDTO, LineItemTaxLineDTO>
  /** Updates line item tax lines: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. @throws NotFoundError */
  updateLineItemTaxLines: UpdateChildrenMethod<UpsertLineItemTaxLineDTO, LineItemTaxLineDTO>
  /** Hard-deletes line item tax lines by id (missing ids are ignored). */
  deleteLineItemTaxLines: DeleteMethod
  /** Soft-deletes line item tax lines (and their children); returns the affected ids by linkable key. */
  softDeleteLineItemTaxLines: SoftDeleteMethod
  /** Restores soft-deleted line item tax lines and the children deleted with them. */
  restoreLineItemTaxLines: SoftDeleteMethod
}

/** The shipping method adjustment methods of `ICartModuleService`. */
export interface ShippingMethodAdjustmentMethods {
  /** Retrieves one shipping method adjustment by id. @throws NotFoundError when it does not exist. */
  retrieveShippingMethodAdjustment: RetrieveMethod<ShippingMethodAdjustmentDTO>
  /** Lists shipping method adjustments matching `filters`. */
  listShippingMethodAdjustments: ListMethod<ShippingMethodAdjustmentDTO>
  /** Lists shipping method adjustments matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  listAndCountShippingMethodAdjustments: ListAndCountMethod<ShippingMethodAdjustmentDTO>
  /** Adds shipping method adjustments: a list spanning carts, or `(cartId, list)` (each must belong to that cart). @throws InvalidDataError, NotFoundError */
  addShippingMethodAdjustments: AddLineChildrenMethod<
    CreateShippingMethodAdjustmentDTO,
    ShippingMethodAdjustmentDTO,
    ShippingMethodAdjustmentDTO,
    CreateShippingMethodAdjustmentDTO[]
  >
  /** Replaces a cart's shipping method adjustments: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  setShippingMethodAdjustments: SetMethod<UpsertShippingMethodAdjustmentDTO, ShippingMethodAdjustmentDTO>
  /** Updates entries that have an `id` and creates the others. @throws InvalidDataError */
  upsertShippingMethodAdjustments: UpsertMethod<UpsertShippingMethodAdjustmentDTO, ShippingMethodAdjustmentDTO>
  /** Creates shipping method adjustments (the generic create; each names its parent). @throws InvalidDataError */
  createShippingMethodAdjustments: OneOrManyMethod<CreateShippingMethodAdjustmentDTO, ShippingMethodAdjustmentDTO>
  /** Updates shipping method adjustments: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. @throws NotFoundError */
  updateShippingMethodAdjustments: UpdateChildrenMethod<UpsertShippingMethodAdjustmentDTO, ShippingMethodAdjustmentDTO>
  /** Hard-deletes shipping method adjustments by id (missing ids are ignored). */
  deleteShippingMethodAdjustments: DeleteMethod
  /** Soft-deletes shipping method adjustments (and their children); returns the affected ids by linkable key. */
  softDeleteShippingMethodAdjustments: SoftDeleteMethod
  /** Restores soft-deleted shipping method adjustments and the children deleted with them. */
  restoreShippingMethodAdjustments: SoftDeleteMethod
}

/** The shipping method tax line methods of `ICartModuleService`. */
export interface ShippingMethodTaxLineMethods {
  /** Retrieves one shipping method tax line by id. @throws NotFoundError when it does not exist. */
  retrieveShippingMethodTaxLine: RetrieveMethod<ShippingMethodTaxLineDTO>
  /** Lists shipping method tax lines matching `filters`. */
  listShippingMethodTaxLines: ListMethod<ShippingMethodTaxLineDTO>
  /** Lists shipping method tax lines matching `filters` and counts all matches (ignoring `skip`/`take`) in one statement. */
  listAndCountShippingMethodTaxLines: ListAndCountMethod<ShippingMethodTaxLineDTO>
  /** Adds shipping method tax lines: a list spanning carts, or `(cartId, list)` (each must belong to that cart). @throws InvalidDataError, NotFoundError */
  addShippingMethodTaxLines: AddLineChildrenMethod<
    CreateShippingMethodTaxLineDTO,
    ShippingMethodTaxLineDTO,
    ShippingMethodTaxLineDTO,
    CreateShippingMethodTaxLineDTO | CreateShippingMethodTaxLineDTO[]
  >
  /** Replaces a cart's shipping method tax lines: entries with `id` are updated, without are created, the rest removed; `[]` clears. */
  setShippingMethodTaxLines: SetMethod<UpsertShippingMethodTaxLineDTO, ShippingMethodTaxLineDTO>
  /** Updates entries that have an `id` and creates the others. @throws InvalidDataError */
  upsertShippingMethodTaxLines: UpsertMethod<UpsertShippingMethodTaxLineDTO, ShippingMethodTaxLineDTO>
  /** Creates shipping method tax lines (the generic create; each names its parent). @throws InvalidDataError */
  createShippingMethodTaxLines: OneOrManyMethod<CreateShippingMethodTaxLineDTO, ShippingMethodTaxLineDTO>
  /** Updates shipping method tax lines: `(id, data)` → one; `(selector, data)` → many; `[{ selector, data }]` or `[{ id, ... }]` → many. @throws NotFoundError */
  updateShippingMethodTaxLines: UpdateChildrenMethod<UpsertShippingMethodTaxLineDTO, ShippingMethodTaxLineDTO>
  /** Hard-deletes shipping method tax lines by id (missing ids are ignored). */
  deleteShippingMethodTaxLines: DeleteMethod
  /** Soft-deletes shipping method tax lines (and their children); returns the affected ids by linkable key. */
  softDeleteShippingMethodTaxLines: SoftDeleteMethod
  /** Restores soft-deleted shipping method tax lines and the children deleted with them. */
  restoreShippingMethodTaxLines: SoftDeleteMethod
}
