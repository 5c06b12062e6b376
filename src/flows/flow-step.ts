/** What a step's `invoke` returns: the flow's result plus what `compensate` needs to undo it. */
export interface StepResult<O, C> {
  readonly output: O
  readonly compensation: C
}

/**
 * A flow as a workflow step: `invoke` does the work, `compensate` undoes it when a later step fails.
 * Shaped so a host can hand it to Medusa's `createStep(name, invoke, compensate)` or any other engine.
 */
export interface FlowStep<D, I, O, C> {
  readonly name: string
  invoke(deps: D, input: I): Promise<StepResult<O, C>>
  compensate(deps: D, compensation: C): Promise<void>
}

/** A flow as a plain async function: runs the step and returns its output. */
export type Flow<D, I, O> = (deps: D, input: I) => Promise<O>

/** Turns a step into its plain-function form. */
export function asFlow<D, I, O, C>(step: FlowStep<D, I, O, C>): Flow<D, I, O> {
  return async (deps, input) => (await step.invoke(deps, input)).output
}
