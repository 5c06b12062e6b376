import type { MemberName, Verb } from "./model-methods"

// TypeScript cannot type a class method through a shared overload type (a method's overloads must be spelled
// on the method, and its implementation signature would join them), so the facade's contract methods are
// declared as members typed by the shapes in method-shapes.ts and defined on the prototype from a table whose
// every entry is checked against its member: the arguments of any call form in, any of their results out.
// The table goes by model, then by verb, because every model's members are the same verbs with its name.

/** Each call form of an overloaded function type (up to three), as `[arguments, result]`. */
type CallForms<F> = F extends { (...a: infer A1): infer R1; (...a: infer A2): infer R2; (...a: infer A3): infer R3 }
  ? [A1, R1] | [A2, R2] | [A3, R3]
  : never

/**
 * The implementation of a contract member `F`, related to `F` as a class's implementation signature is to
 * its overloads; it gets the instance as `service`, so a table entry stays a one-line arrow.
 */
export type Implementation<F, This> = (service: This, ...args: CallForms<F>[0]) => Promise<Awaited<CallForms<F>[1]>>

/** {@link MemberName} at run time: the two must spell every name alike. */
function memberName(verb: string, name: string): string {
  if (verb === "retrieve") return `${verb}${name}`
  return `${verb}${name === "Address" ? "Addresses" : `${name}s`}`
}

/** Model `N`'s implementations of the members of `M`, by verb: one for each verb `M` has for `N`, and no other. */
export type ModelImplementations<M, N extends string, This> = {
  [V in Verb as MemberName<V, N> extends keyof M ? V : never]: Implementation<M[Extract<MemberName<V, N>, keyof M>], This>
}

/** The members of `M` that no verb and model of `Names` spells (each would be left undefined). */
type Unspelled<M, Names extends string> = Exclude<keyof M, { [N in Names]: MemberName<Verb, N> }[Names]>

/** Any implementation, as the prototype holds it: it is only ever called with the arguments its member accepts. */
type AnyImplementation<This> = (service: This, ...args: never) => Promise<unknown>

/**
 * Defines every member of `M` on `target.prototype`, as a class body defines methods (non-enumerable, writable,
 * configurable), from one table per model: a model, a verb or a member left out does not compile.
 */
export function defineModelMethods<M, This extends object, Names extends string>(
  target: { readonly prototype: This },
  tables: { [N in Names]: ModelImplementations<M, N, This> } & Readonly<Record<string, Readonly<Record<string, AnyImplementation<This>>>>>,
  ..._complete: [Unspelled<M, Names>] extends [never] ? [] : [unspelled: Unspelled<M, Names>]
): void {
  for (const [model, table] of Object.entries(tables)) {
    for (const [verb, implementation] of Object.entries(table)) {
      const name = memberName(verb, model)
      const method = function (this: This, ...args: never): Promise<unknown> {
        return implementation(this, ...args)
      }
      Object.defineProperty(method, "name", { value: name })
      Object.defineProperty(target.prototype, name, { value: method, writable: true, configurable: true, enumerable: false })
    }
  }
}
