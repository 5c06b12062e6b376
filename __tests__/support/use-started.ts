/**
 * Registers hooks that start a resource before the enclosing `describe` (or file) and `stop` it after;
 * the accessor returned fails loudly when read outside the tests and hooks that follow them.
 */
export function useStarted<T>(name: string, start: () => Promise<T>, stop: (started: T) => Promise<void>): () => T {
  let started: T | undefined
  beforeAll(async () => {
    started = await start()
  })
  afterAll(async () => {
    if (started !== undefined) await stop(started)
  })
  return () => {
    if (started === undefined) throw new Error(`${name} is only available inside tests and hooks, after its beforeAll ran`)
    return started
  }
}
