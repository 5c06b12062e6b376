// The service as Medusa's `ICartModuleService` (@medusajs/types 2.21) declares it, derived from our own types.
//
// Medusa's declarations differ from what any cart module returns at run time in two ways, and a type that
// claims to be a drop-in has to repeat them: nullable columns are typed `field?: T` (its module returns `null`
// for them all the same), and totals and back-relations (`total`, `raw_*`, `item.cart`, `tax_line.item`) are
// typed as always present although they are only there when `select`/`relations` ask for them. Our own DTOs
// keep the truth (`T | null`, optional totals); this module maps them onto Medusa's shapes, so that the
// service `cartwright/medusa` hands to Medusa's loader is assignable to `ICartModuleService` as it is.
// Nothing here exists at run time, and no @medusajs package is imported.
import type { BigNumber, BigNumberRawValue } from "../money/big-number"
import type { CartContext } from "../persistence/unit-of-work"
import type { CartModuleService } from "../service/cart-module-service"
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
import type { CreateShippingMethodDTO } from "../types/inputs"

/**
 * A returned money value as Medusa types it (`IBigNumber`): `numeric`, `raw`, `toJSON()`, `valueOf()`. Inside a
 * Medusa app totals are the app's own `BigNumber` (whose `bigNumber` is bignumber.js); standalone they are ours
 * (whose `bigNumber` is a Decimal), so `bigNumber` is left out.
 */
export type MedusaBigNumber = Omit<BigNumber, "bigNumber">

/** A column as Medusa declares it: never `null`, money as {@link MedusaBigNumber}. */
type Column<V> = V extends BigNumber ? MedusaBigNumber : Exclude<V, null>

/** Keys that end in `total` (totals and their `raw_` twins), which Medusa declares as always present. */
type TotalKey<T> = { [K in keyof T]-?: K extends `${string}total` ? K : never }[keyof T]

/** A row's columns as Medusa declares them, leaving out `Omitted` (relations, redeclared by the caller). */
type Row<T, Omitted extends keyof T = never> = { [K in Exclude<keyof T, Omitted | TotalKey<T>>]: Column<T[K]> } & {
  [K in TotalKey<T>]-?: Column<Exclude<T[K], undefined>>
}

/** Totals Medusa declares on a type although no cart module computes them there (kept for assignability). */
type DeclaredTotals<K extends string> = { [P in K]: MedusaBigNumber } & { [P in `raw_${K}`]: BigNumberRawValue }

/** Per-row totals every tax line carries once the cart's totals are computed. */
type TaxLineTotals = DeclaredTotals<"total" | "subtotal">

/** A cart address as Medusa's `CartAddressDTO` declares it. */
export type MedusaCartAddress = Row<CartAddressDTO>

/** A line item tax line as Medusa's `LineItemTaxLineDTO` declares it. */
export interface MedusaLineItemTaxLine extends Row<LineItemTaxLineDTO, "item">, TaxLineTotals {
  item: MedusaCartLineItem
}

/** A shipping method tax line as Medusa's `ShippingMethodTaxLineDTO` declares it. */
export interface MedusaShippingMethodTaxLine extends Row<ShippingMethodTaxLineDTO, "shipping_method">, TaxLineTotals {
  shipping_method: MedusaCartShippingMethod
}

/** A line item adjustment as Medusa's `LineItemAdjustmentDTO` declares it. */
export interface MedusaLineItemAdjustment extends Row<LineItemAdjustmentDTO, "item"> {
  item: MedusaCartLineItem
}

/** A shipping method adjustment as Medusa's `ShippingMethodAdjustmentDTO` declares it. */
export interface MedusaShippingMethodAdjustment extends Row<ShippingMethodAdjustmentDTO, "shipping_method"> {
  shipping_method: MedusaCartShippingMethod
}

/** A line item as Medusa's `CartLineItemDTO` declares it (its `item_*` totals included). */
export interface MedusaCartLineItem
  extends Row<CartLineItemDTO, "tax_lines" | "adjustments" | "cart">, DeclaredTotals<"item_total" | "item_subtotal" | "item_tax_total"> {
  tax_lines?: MedusaLineItemTaxLine[]
  adjustments?: MedusaLineItemAdjustment[]
  cart: MedusaCart
}

/** A shipping method as Medusa's `CartShippingMethodDTO` declares it (`description` as a string). */
export interface MedusaCartShippingMethod extends Row<CartShippingMethodDTO, "tax_lines" | "adjustments" | "cart" | "description"> {
  /** Stored as JSON (Medusa's model does the same); Medusa's DTO declares a string. */
  description?: string
  tax_lines?: MedusaShippingMethodTaxLine[]
  adjustments?: MedusaShippingMethodAdjustment[]
}

/** A credit line as Medusa's `CartCreditLineDTO` declares it. */
export type MedusaCartCreditLine = Row<CartCreditLineDTO>

/** A cart as Medusa's `CartDTO` declares it. */
export interface MedusaCart
  extends
    Row<CartDTO, "items" | "shipping_methods" | "credit_lines" | "shipping_address" | "billing_address">,
    DeclaredTotals<"gift_card_total" | "gift_card_tax_total"> {
  items?: MedusaCartLineItem[]
  shipping_methods?: MedusaCartShippingMethod[]
  credit_lines?: MedusaCartCreditLine[]
  shipping_address?: MedusaCartAddress
  billing_address?: MedusaCartAddress
}

/** True when A and B are assignable both ways (our DTOs overlap structurally, so one way is not enough). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** Each of our DTOs beside the shape Medusa declares for it; the first one a returned type matches is used. */
type Views = [
  [CartDTO, MedusaCart],
  [CartLineItemDTO, MedusaCartLineItem],
  [CartShippingMethodDTO, MedusaCartShippingMethod],
  [CartAddressDTO, MedusaCartAddress],
  [CartCreditLineDTO, MedusaCartCreditLine],
  [LineItemTaxLineDTO, MedusaLineItemTaxLine],
  [ShippingMethodTaxLineDTO, MedusaShippingMethodTaxLine],
  [LineItemAdjustmentDTO, MedusaLineItemAdjustment],
  [ShippingMethodAdjustmentDTO, MedusaShippingMethodAdjustment],
]

/** The Medusa-declared shape of one of our returned DTOs (`R` itself when it is none of them). */
type ViewOf<R, V = Views> = V extends [[infer D, infer M], ...infer Rest] ? (Same<R, D> extends true ? M : ViewOf<R, Rest>) : R

/** A returned value (a DTO, a list of them, or `[list, count]`) in Medusa's declared shapes. */
type Returned<R> = R extends [infer L, number] ? [Returned<L>, number] : R extends (infer E)[] ? ViewOf<E>[] : ViewOf<R>

/** Splits an overloaded function type (up to four signatures) into a union of its signatures. */
export type Overloads<F> = F extends {
  (...a: infer A1): infer R1
  (...a: infer A2): infer R2
  (...a: infer A3): infer R3
  (...a: infer A4): infer R4
}
  ? ((...a: A1) => R1) | ((...a: A2) => R2) | ((...a: A3) => R3) | ((...a: A4) => R4)
  : F extends { (...a: infer A1): infer R1; (...a: infer A2): infer R2; (...a: infer A3): infer R3 }
    ? ((...a: A1) => R1) | ((...a: A2) => R2) | ((...a: A3) => R3)
    : F extends { (...a: infer A1): infer R1; (...a: infer A2): infer R2 }
      ? ((...a: A1) => R1) | ((...a: A2) => R2)
      : F extends (...a: infer A1) => infer R1
        ? (...a: A1) => R1
        : never

/** Turns a union into the intersection of its members (an intersection of signatures is an overload set). */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

type ViewSignature<S> = S extends (...a: infer A) => Promise<infer R> ? (...a: A) => Promise<Returned<R>> : S

/**
 * Medusa's soft-delete/restore signature: generic in the linkable keys asked for. Ours returns every linkable
 * key of what it touched (`{ cart_id: [...], item_id: [...] }`), or nothing when nothing was asked.
 */
export type MedusaSoftDeleteMethod = <TReturnableLinkableKeys extends string = string>(
  ids: string | string[],
  config?: { returnLinkableKeys?: TReturnableLinkableKeys[] },
  sharedContext?: CartContext,
) => Promise<Record<TReturnableLinkableKeys, string[]> | void>

/**
 * `addShippingMethods` as Medusa declares it: its single-object overload is typed to return one method, although
 * Medusa's module (and ours) returns a list for every input shape.
 */
type MedusaAddShippingMethods = ((data: CreateShippingMethodDTO, sharedContext?: CartContext) => Promise<MedusaCartShippingMethod>) &
  ViewedMethod<CartModuleService["addShippingMethods"]>

/** A method's overloads with their returns in Medusa's declared shapes. */
type ViewedMethod<F> = UnionToIntersection<ViewSignature<Overloads<F>>>

/** One member of the service, as Medusa declares it. */
type ViewMember<K extends PropertyKey, F> = K extends `softDelete${string}` | `restore${string}`
  ? MedusaSoftDeleteMethod
  : K extends "addShippingMethods"
    ? MedusaAddShippingMethods
    : F extends (...a: never[]) => unknown
      ? ViewedMethod<F>
      : F

/**
 * The cart module service as Medusa's `ICartModuleService` declares it: every method of
 * {@link CartModuleService} with its returns in Medusa's declared shapes (see the top of this file).
 * `cartwright/medusa`'s `service` builds instances of this type; `const cart: ICartModuleService = service`
 * type-checks.
 */
export type MedusaCartModuleContract = { [K in keyof CartModuleService]: ViewMember<K, CartModuleService[K]> }
