import { consoleLogger, createConsoleLogger } from "../../../src/ports/logger"

describe("createConsoleLogger", () => {
  let written: unknown[][]
  let spy: jest.SpyInstance
  beforeEach(() => {
    written = []
    spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void written.push(args))
  })
  afterEach(() => spy.mockRestore())

  it("writes from its level up, to stderr, prefixed", () => {
    const logger = createConsoleLogger("info")
    logger.debug?.("hidden")
    logger.info?.("shown", { id: 1 })
    logger.warn("careful")
    expect(written).toEqual([["[cartwright] shown", { id: 1 }], ["[cartwright] careful"]])
  })

  it("shows debug lines at the debug level", () => {
    createConsoleLogger("debug").debug?.("sql: select 1")
    expect(written).toEqual([["[cartwright] sql: select 1"]])
  })

  it("defaults to info and up", () => {
    consoleLogger.debug?.("hidden")
    consoleLogger.info?.("shown")
    expect(written).toEqual([["[cartwright] shown"]])
  })
})
