/** Expects `attempt` to fail with `invalid_data` and a message naming every one of `ids` (the offending row and its cart). */
export async function expectInvalidDataNaming(attempt: Promise<unknown>, ...ids: string[]): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toMatchObject({ type: "invalid_data" })
  for (const id of ids) expect(error).toMatchObject({ message: expect.stringContaining(id) })
}

/** Expects `attempt` to fail with `not_found` and `message`: Medusa's exact words, or a matcher for the part a case is about. */
export async function expectNotFound(attempt: Promise<unknown>, message: unknown): Promise<void> {
  await expect(attempt).rejects.toMatchObject({ type: "not_found", message })
}
