import { MODELS } from "../../models"
import type { Model, ModelName } from "../../models"
import { InvalidDataError, NotFoundError } from "../errors/errors"
import type { Db } from "../persistence/db"
import type { FindConfig } from "../persistence/find-config"
import type { Filters } from "../persistence/filters"
import type { Dto } from "../persistence/row-mapper"
import type {
  CartAddressDTO,
  CartCreditLineDTO,
  CartDTO,
  CartLineItemDTO,
  CartShippingMethodDTO,
  LineItemAdjustmentDTO,
  LineItemTaxLineDTO,
  ShippingMethodAdjustmentDTO,
  ShippingMethodTaxLineDTO,
} from "../types/dtos"
import type { CartContext, Tx, UnitOfWork } from "../persistence/unit-of-work"
import type { TotalsOptions } from "../totals"
import { optionalFilters, requireData, requireId, requireIds, requireSelector } from "../validation/arguments"
import type { Validator } from "../validation/validator"
import { createAddresses, deleteAddresses, setAddressesDeleted, updateAddresses } from "./address-writes"
import {
  createCarts,
  createCartsInOneStatement,
  deleteCarts,
  updateCartInOneStatement,
  setCartsDeleted,
  updateCartsWhere,
} from "./cart-writes"
import { CHILD_SPECS } from "./child-specs"
import type { ChildName } from "./child-specs"
import { createChildren, deleteChildren, setChildrenDeleted, updateChildrenById, updateChildrenWhere } from "./child-writes"
import { sameShape, toArray } from "./one-or-many"
import {
  canCreateInOneStatement,
  createChildrenInOneStatement,
  deleteChildrenInOneStatement,
  setChildrenInOneStatement,
  updateChildInOneStatement,
} from "./one-statement-children"
import { listRows, retrieveRow } from "./reads"
import { setChildren, upsertChildren } from "./set-children"

/** What the service needs; built by `createCartModule`. */
export interface CartServiceDeps {
  readonly unitOfWork: UnitOfWork
  readonly totals: TotalsOptions
  readonly validator: Validator
}

/** Medusa's linkable-key map returned by soft delete and restore, e.g. `{ cart_id: ["cart_1"] }`. */
export type LinkableKeys = Record<string, string[]>

type Input = Record<string, unknown>

/** Each model's DTO, by model name. */
export interface DtoByModel {
  Cart: CartDTO
  Address: CartAddressDTO
  LineItem: CartLineItemDTO
  LineItemAdjustment: LineItemAdjustmentDTO
  LineItemTaxLine: LineItemTaxLineDTO
  ShippingMethod: CartShippingMethodDTO
  ShippingMethodAdjustment: ShippingMethodAdjustmentDTO
  ShippingMethodTaxLine: ShippingMethodTaxLineDTO
  CreditLine: CartCreditLineDTO
}

/**
 * Rows the persistence layer mapped for model `name`, typed as that model's DTO: the one place a row gets
 * its type. The row mapper builds every column the model declares and `DtoByModel`'s types derive from the
 * same declarations (types/model-row), so the two cannot drift apart by a field.
 */
function typed<N extends ModelName>(_name: N, rows: Dto[]): DtoByModel[N][] {
  return rows as unknown as DtoByModel[N][]
}

/** The children `set*`/`upsert*` take: adjustments and tax lines. */
type PricingLineName = "LineItemAdjustment" | "LineItemTaxLine" | "ShippingMethodAdjustment" | "ShippingMethodTaxLine"

const LINKABLE_KEY: Record<string, string> = {
  cart: "cart_id",
  cart_address: "address_id",
  cart_line_item: "line_item_id",
  cart_line_item_adjustment: "line_item_adjustment_id",
  cart_line_item_tax_line: "line_item_tax_line_id",
  cart_shipping_method: "shipping_method_id",
  cart_shipping_method_adjustment: "shipping_method_adjustment_id",
  cart_shipping_method_tax_line: "shipping_method_tax_line_id",
  credit_line: "credit_line_id",
}

function linkable(affected: Map<Model, string[]>): LinkableKeys {
  const out: LinkableKeys = {}
  for (const [model, ids] of affected) if (ids.length) out[LINKABLE_KEY[model.table]!] = ids
  return out
}

function isSelectorUpdate(value: unknown): value is { selector: Filters; data: Input } {
  return typeof value === "object" && value !== null && "selector" in value && "data" in value
}

/**
 * The engine behind every public method: generic reads and writes per model, validation first,
 * one unit of work per call. The public facade adds Medusa's overloads on top.
 */
export class CartModuleCore {
  constructor(protected readonly deps: CartServiceDeps) {}

  /** Runs several calls in one transaction: pass the given context to each; all commit or none. */
  transaction<T>(work: (sharedContext: CartContext) => Promise<T>): Promise<T> {
    return this.deps.unitOfWork.transaction(work)
  }

  protected read<T>(ctx: CartContext | undefined, work: (db: Db) => Promise<T>): Promise<T> {
    return this.deps.unitOfWork.read(ctx, work)
  }

  protected write<T>(ctx: CartContext | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.deps.unitOfWork.write(ctx, work)
  }

  /**
   * Tries `oneStatement` (a write sent as one statement, no transaction) and falls back to `general`
   * in a transaction when that wrote nothing: a failed check, a row gone meanwhile, a host transaction.
   */
  protected async writeFast<T>(
    ctx: CartContext | undefined,
    oneStatement: (tx: Tx) => Promise<T | undefined>,
    general: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    const done = await this.deps.unitOfWork.writeOneStatement(ctx, oneStatement)
    return done ? done.value : this.write(ctx, general)
  }

  protected async list_<N extends ModelName>(
    name: N,
    filters: Filters | undefined,
    config: FindConfig | undefined,
    ctx?: CartContext,
  ): Promise<DtoByModel[N][]> {
    this.deps.validator.findConfig(config)
    const checked = optionalFilters(filters)
    return this.read(ctx, async (db) => typed(name, (await listRows(db, MODELS[name], checked, config, this.deps.totals)).rows))
  }

  protected async listAndCount_<N extends ModelName>(
    name: N,
    filters: Filters | undefined,
    config: FindConfig | undefined,
    ctx?: CartContext,
  ): Promise<[DtoByModel[N][], number]> {
    this.deps.validator.findConfig(config)
    const checked = optionalFilters(filters)
    return this.read(ctx, async (db) => {
      const result = await listRows(db, MODELS[name], checked, config, this.deps.totals, true)
      return [typed(name, result.rows), result.count]
    })
  }

  protected async retrieve_<N extends ModelName>(
    name: N,
    id: string,
    config: FindConfig | undefined,
    ctx?: CartContext,
  ): Promise<DtoByModel[N]> {
    const model = MODELS[name]
    // Medusa answers a missing id with not_found ("cart - id must be defined") and an empty one with its
    // usual "was not found"; any other non-string is a wrong-typed argument.
    if (id === undefined || id === null) throw NotFoundError.idRequired(model.name)
    if (id !== "") requireId(id, "id")
    this.deps.validator.findConfig(config)
    const row = await this.read(ctx, (db) => retrieveRow(db, model, id, config, this.deps.totals))
    return typed(name, [row])[0]!
  }

  protected async createCarts_(data: unknown, ctx?: CartContext): Promise<CartDTO[]> {
    const inputs = (toArray(data) as Input[]).map(addressIdShorthand)
    this.deps.validator.check("createCart", inputs)
    const rows = await this.writeFast(
      ctx,
      (tx) => createCartsInOneStatement(tx, inputs),
      (tx) => createCarts(tx, inputs),
    )
    return typed("Cart", rows)
  }

  protected async updateCarts_(target: unknown, data: unknown, ctx?: CartContext): Promise<CartDTO[]> {
    if (Array.isArray(target)) {
      const updates = target as Input[]
      updates.forEach((update, index) => requireData(update, `data[${index}]`))
      this.deps.validator.check("updateCartWithId", updates)
      const updated = await this.write(ctx, async (tx) => {
        const results: Dto[] = []
        const missing: string[] = []
        for (const { id, ...rest } of updates) {
          const rows = await updateCartsWhere(tx, { id: [id as string] }, rest)
          if (rows.length === 0) missing.push(id as string)
          results.push(...rows)
        }
        // Medusa names every missing id at once; throwing rolls back the updates already made.
        if (missing.length) throw NotFoundError.forIds("Cart", missing)
        return results
      })
      return typed("Cart", updated)
    }
    requireData(data)
    this.deps.validator.check("updateCart", [data])
    if (typeof target === "string") {
      const id = requireId(target, "id")
      const patch = data as Input
      const updated = await this.writeFast(
        ctx,
        (tx) => updateCartInOneStatement(tx, id, patch),
        (tx) => this.updateCartIds(tx, [id], patch),
      )
      return typed("Cart", updated)
    }
    const selector = requireSelector(target)
    return typed("Cart", await this.write(ctx, (tx) => updateCartsWhere(tx, selector, data as Input)))
  }

  private async updateCartIds(tx: Tx, ids: string[], data: Input): Promise<Dto[]> {
    const rows = await updateCartsWhere(tx, { id: ids }, data)
    if (rows.length !== ids.length)
      throw NotFoundError.forIds(
        "Cart",
        ids.filter((id) => !rows.some((row) => row.id === id)),
      )
    return rows
  }

  protected async deleteCarts_(ids: string | string[], ctx?: CartContext): Promise<void> {
    const checked = requireIds(ids)
    await this.write(ctx, (tx) => deleteCarts(tx, checked))
  }

  protected setCartsDeleted_(ids: string | string[], deleted: boolean, ctx?: CartContext): Promise<LinkableKeys> {
    const checked = requireIds(ids)
    return this.write(ctx, async (tx) => linkable(await setCartsDeleted(tx, checked, deleted)))
  }

  protected async createAddresses_(data: unknown, ctx?: CartContext): Promise<CartAddressDTO[]> {
    const inputs = toArray(data) as Input[]
    this.deps.validator.check("createAddress", inputs)
    return typed("Address", await this.write(ctx, (tx) => createAddresses(tx, inputs)))
  }

  protected async updateAddresses_(data: unknown, ctx?: CartContext): Promise<CartAddressDTO[]> {
    const inputs = toArray(data) as Input[]
    this.deps.validator.check("updateAddress", inputs)
    inputs.forEach((input) => requireId(input.id, "id"))
    const rows = await this.write(ctx, (tx) =>
      updateAddresses(
        tx,
        inputs.map((input) => ({ id: input.id as string, data: input })),
      ),
    )
    return typed("Address", rows)
  }

  protected async deleteAddresses_(ids: string | string[], ctx?: CartContext): Promise<void> {
    const checked = requireIds(ids)
    await this.write(ctx, (tx) => deleteAddresses(tx, checked))
  }

  protected setAddressesDeleted_(ids: string | string[], deleted: boolean, ctx?: CartContext): Promise<LinkableKeys> {
    const checked = requireIds(ids)
    return this.write(ctx, async (tx) => linkable(await setAddressesDeleted(tx, checked, deleted)))
  }

  /** Creates children of any kind: `(list)` with parent ids inside, or `(cartId, list)`. */
  protected async createChildren_<N extends ChildName>(
    name: N,
    first: unknown,
    second: unknown,
    ctx?: CartContext,
  ): Promise<DtoByModel[N][]> {
    const cartId = typeof first === "string" ? first : undefined
    const inputs = (cartId !== undefined ? toArray(second ?? []) : toArray(first)) as Input[]
    const ownsCart = CHILD_SPECS[name].parentColumn === "cart_id"
    const withCart = cartId !== undefined && ownsCart ? inputs.map((input) => ({ ...input, cart_id: cartId })) : inputs
    this.deps.validator.check(`create${name}`, withCart)
    const maxPerCart = name === "LineItem" ? this.deps.validator.limits.maxLinesPerCart : undefined
    const general = (tx: Tx) => createChildren(tx, CHILD_SPECS[name], withCart, cartId, maxPerCart)
    // `(list)` whose rows all name one cart goes the fast way too: for a cart's own children the cart is the parent.
    const oneCart = cartId ?? (typeof withCart[0]?.cart_id === "string" ? withCart[0].cart_id : undefined)
    const rows = canCreateInOneStatement(CHILD_SPECS[name], withCart, oneCart, maxPerCart)
      ? await this.writeFast(ctx, (tx) => createChildrenInOneStatement(tx, CHILD_SPECS[name], withCart, oneCart), general)
      : await this.write(ctx, general)
    return typed(name, rows)
  }

  /** Updates children: `(id, data)`, `(selector, data)`, `[{ selector, data }]` or `[{ id, ...data }]`. */
  protected async updateChildren_<N extends ChildName>(
    name: N,
    first: unknown,
    second: unknown,
    ctx?: CartContext,
  ): Promise<DtoByModel[N][]> {
    const spec = CHILD_SPECS[name]
    if (typeof first === "string") {
      requireData(second)
      this.deps.validator.check(`update${name}`, [second])
      const data = second as Input
      const updated = await this.writeFast(
        ctx,
        (tx) => updateChildInOneStatement(tx, spec, first, data),
        (tx) => updateChildrenById(tx, spec, [{ id: first, data }]),
      )
      return typed(name, updated)
    }
    if (Array.isArray(first)) {
      const byId: { id: string; data: Input }[] = []
      const bySelector: { selector: Filters; data: Input }[] = []
      for (const [index, entry] of (first as unknown[]).entries()) {
        requireData(entry, `data[${index}]`)
        if (isSelectorUpdate(entry)) {
          bySelector.push({ selector: requireSelector(entry.selector), data: requireData(entry.data, `data[${index}].data`) })
          continue
        }
        const { id, ...data } = entry as Input
        if (typeof id !== "string") throw InvalidDataError.because(`${spec.model.name} update needs an "id"`, ["id"])
        byId.push({ id, data })
      }
      this.deps.validator.check(
        `update${name}`,
        [...byId, ...bySelector].map((entry) => entry.data),
      )
      const updated = await this.write(ctx, async (tx) => {
        const results: Dto[] = []
        for (const entry of bySelector) results.push(...(await updateChildrenWhere(tx, spec, entry.selector, entry.data)))
        results.push(...(await updateChildrenById(tx, spec, byId)))
        return results
      })
      return typed(name, updated)
    }
    const selector = requireSelector(first)
    requireData(second)
    this.deps.validator.check(`update${name}`, [second])
    return typed(name, await this.write(ctx, (tx) => updateChildrenWhere(tx, spec, selector, second as Input)))
  }

  protected async deleteChildren_(name: ChildName, ids: string | string[], ctx?: CartContext): Promise<void> {
    const checked = requireIds(ids)
    if (checked.length === 0) return
    await this.writeFast(
      ctx,
      (tx) => deleteChildrenInOneStatement(tx, CHILD_SPECS[name], checked),
      async (tx) => {
        await deleteChildren(tx, CHILD_SPECS[name], checked)
        return true
      },
    )
  }

  protected setChildrenDeleted_(name: ChildName, ids: string | string[], deleted: boolean, ctx?: CartContext): Promise<LinkableKeys> {
    const maxPerCart = name === "LineItem" && !deleted ? this.deps.validator.limits.maxLinesPerCart : undefined
    const checked = requireIds(ids)
    return this.write(ctx, async (tx) => linkable(await setChildrenDeleted(tx, CHILD_SPECS[name], checked, deleted, maxPerCart)))
  }

  protected async setChildren_<N extends PricingLineName>(
    name: N,
    cartId: string,
    entries: unknown,
    ctx?: CartContext,
  ): Promise<DtoByModel[N][]> {
    requireId(cartId, "cartId")
    const list = toArray(entries ?? []) as Input[]
    this.deps.validator.check(`upsert${name}`, list)
    const rows = await this.writeFast(
      ctx,
      (tx) => setChildrenInOneStatement(tx, CHILD_SPECS[name], cartId, list),
      (tx) => setChildren(tx, CHILD_SPECS[name], cartId, list),
    )
    return typed(name, rows)
  }

  protected async upsertChildren_<N extends PricingLineName>(name: N, entries: unknown, ctx?: CartContext): Promise<DtoByModel[N][]> {
    const list = toArray(entries) as Input[]
    this.deps.validator.check(`upsert${name}`, list)
    return typed(name, await this.write(ctx, (tx) => upsertChildren(tx, CHILD_SPECS[name], list)))
  }
}

export { sameShape }

/**
 * Medusa's `CreateCartDTO` also takes an existing address's id as `shipping_address`/`billing_address` (its ORM
 * reads a string as a reference); it means the same as `shipping_address_id`/`billing_address_id`. When both
 * are given the string is left in place, and validation refuses it as an address.
 */
function addressIdShorthand(input: Input): Input {
  if (typeof input !== "object" || input === null) return input
  let out = input
  for (const field of ["shipping_address", "billing_address"] as const) {
    const value = out[field]
    if (typeof value !== "string" || out[`${field}_id`] != null) continue
    const { [field]: _id, ...rest } = out
    out = { ...rest, [`${field}_id`]: value }
  }
  return out
}
