// TypeScript cannot type a class method through a shared overload type (a method's overloads must be spelled
// on the method, and its implementation signature would join them), so the facade's contract methods are
// declared as members typed by the shapes in method-shapes.ts and defined on the prototype from a table whose
// every entry is checked against its member: the arguments of any call form in, any of their results out.

/** Each call form of an overloaded function type (up to three), as `[arguments, result]`. */
type CallForms<F> = F extends { (...a: infer A1): infer R1; (...a: infer A2): infer R2; (...a: infer A3): infer R3 }
  ? [A1, R1] | [A2, R2] | [A3, R3]
  : never

/**
 * The implementation of a contract member `F`, related to `F` as a class's implementation signature is to
 * its overloads; it gets the instance as `service`, so a table entry stays a one-line arrow.
 */
export type Implementation<F, This> = (service: This, ...args: CallForms<F>[0]) => Promise<Awaited<CallForms<F>[1]>>

/** One implementation for every member of `M`: a member left out does not compile. */
export type Implementations<M, This> = { [K in keyof M]: Implementation<M[K], This> }

/** Any implementation, as the prototype holds it: it is only ever called with the arguments its member accepts. */
type AnyImplementation<This> = (service: This, ...args: never) => Promise<unknown>

/** Defines `methods` on `target.prototype` as a class body defines methods: non-enumerable, writable, configurable. */
export function defineMethods<M, This extends object>(
  target: { readonly prototype: This },
  methods: Implementations<M, This> & Readonly<Record<string, AnyImplementation<This>>>,
): void {
  for (const [name, implementation] of Object.entries(methods)) {
    const method = function (this: This, ...args: never): Promise<unknown> {
      return implementation(this, ...args)
    }
    Object.defineProperty(method, "name", { value: name })
    Object.defineProperty(target.prototype, name, { value: method, writable: true, configurable: true, enumerable: false })
  }
}
