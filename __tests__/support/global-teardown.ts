/** Key under which global-setup leaves the embedded server for global-teardown (same process, same globalThis). */
export const TEST_SERVER_KEY = Symbol.for("cartwright.testServer")

/** What global-setup leaves on globalThis. */
export interface TestServerState {
  /** Stops the embedded server. */
  stop(): Promise<void>
}

/** Jest global teardown: stops the embedded server started by global setup, if any. */
export default async function globalTeardown(): Promise<void> {
  const slot = globalThis as Record<symbol, TestServerState | undefined>
  const state = slot[TEST_SERVER_KEY]
  if (!state) return
  slot[TEST_SERVER_KEY] = undefined
  await state.stop()
}
