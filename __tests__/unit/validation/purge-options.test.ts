import { parsePurgeArgs } from "../../../src/cli/purge-args"
import { checkPurgeOptions, parseDuration } from "../../../src/validation/purge-options"

describe("parseDuration", () => {
  it.each([
    ["500ms", 500],
    ["90s", 90_000],
    ["45m", 2_700_000],
    ["12h", 43_200_000],
    ["30d", 2_592_000_000],
    ["2w", 1_209_600_000],
    [" 30d ", 2_592_000_000],
    [86_400_000, 86_400_000],
  ])("reads %j as %d ms", (input, ms) => {
    expect(parseDuration(input)).toBe(ms)
  })

  it.each(["30", "30 d", "30days", "-1d", "1.5h", "", "d", 1.5, Number.NaN, null, undefined, {}])("refuses %j", (input) => {
    expect(parseDuration(input)).toBeUndefined()
  })
})

describe("checkPurgeOptions", () => {
  it("applies the defaults: hard mode, 500 per batch, completed carts kept, no dry run", () => {
    expect(checkPurgeOptions({ inactiveFor: "30d" })).toEqual({
      inactiveForMs: 2_592_000_000,
      includeCompleted: false,
      batchSize: 500,
      mode: "hard",
      dryRun: false,
      onBatch: undefined,
    })
  })

  it("reports every problem at once, with its path", () => {
    expect(() => checkPurgeOptions({ inactiveFor: "soon", batchSize: 0, mode: "x", includeCompleted: 1 })).toThrow(
      expect.objectContaining({
        type: "invalid_data",
        issues: [
          expect.objectContaining({ path: ["inactiveFor"] }),
          expect.objectContaining({ path: ["batchSize"] }),
          expect.objectContaining({ path: ["mode"] }),
          expect.objectContaining({ path: ["includeCompleted"] }),
        ],
      }),
    )
  })

  it("refuses a missing options object", () => {
    expect(() => checkPurgeOptions(undefined)).toThrow(
      expect.objectContaining({ type: "invalid_data", issues: [expect.objectContaining({ path: ["options"] })] }),
    )
  })
})

describe("parsePurgeArgs", () => {
  it("reads every flag, with values after a space or an equals sign", () => {
    expect(
      parsePurgeArgs(["--inactive-for", "30d", "--include-completed", "--batch-size=50", "--soft", "--dry-run", "--schema", "cart"]),
    ).toEqual({
      inactiveFor: "30d",
      includeCompleted: true,
      batchSize: 50,
      soft: true,
      dryRun: true,
      schema: "cart",
    })
  })

  it.each([
    [["--inactive-for"], "--inactive-for needs a value"],
    [["--inactive-for", "30d", "--batch-size", "1e3"], "--batch-size must be a whole number"],
    [["--inactive-for", "30d", "--schema"], "--schema needs a value"],
  ])("%j is a usage error", (argv, message) => {
    expect(parsePurgeArgs(argv)).toEqual(expect.stringContaining(message))
  })
})
