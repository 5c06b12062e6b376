/** Expects `attempt` to fail with `invalid_data` and a message naming every one of `ids` (the offending row and its cart). */
export async function expectInvalidDataNaming(attempt: Promise<unknown>, ...ids: string[]): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toMatchObject({ type: "invalid_data" })
  for (const id of ids) expect(error).toMatchObject({ message: expect.stringContaining(id) })
}
