import { MAX_PURGE_BATCH_SIZE, parseDuration } from "../validation/purge-options"

/** `cartwright purge` arguments, parsed. */
export interface PurgeArgs {
  /** As given (`30d`); the service parses it again and names it in errors. */
  readonly inactiveFor: string
  readonly includeCompleted: boolean
  readonly batchSize: number | undefined
  readonly soft: boolean
  readonly dryRun: boolean
  readonly schema: string | undefined
}

const SWITCHES = ["--include-completed", "--soft", "--dry-run"] as const
const VALUED = ["--inactive-for", "--batch-size", "--schema"] as const

type Valued = (typeof VALUED)[number]

function isValued(name: string): name is Valued {
  return VALUED.some((valued) => valued === name)
}

/** Parses `purge` arguments; a string is the usage error to report. */
export function parsePurgeArgs(argv: readonly string[]): PurgeArgs | string {
  const values = new Map<Valued, string>()
  const switches = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ""
    const equals = arg.indexOf("=")
    const name = arg.startsWith("--") && equals > 0 ? arg.slice(0, equals) : arg
    if (isValued(name)) {
      const value = equals > 0 && name !== arg ? arg.slice(equals + 1) : argv[++i]
      if (!value || value.startsWith("-"))
        return `${name} needs a value, e.g. ${name} ${name === "--schema" ? "cart" : name === "--batch-size" ? "500" : "30d"}`
      values.set(name, value)
    } else if (SWITCHES.some((name) => name === arg)) {
      switches.add(arg)
    } else {
      return `unexpected argument for purge: ${arg}`
    }
  }
  const inactiveFor = values.get("--inactive-for")
  if (inactiveFor === undefined) return "purge needs --inactive-for, e.g. --inactive-for 30d"
  if (parseDuration(inactiveFor) === undefined)
    return `--inactive-for must be a duration such as 30d, 12h, 45m or 90s, not "${inactiveFor}"`
  const rawBatch = values.get("--batch-size")
  const batchSize = rawBatch === undefined ? undefined : Number(rawBatch)
  if (batchSize !== undefined && (!/^\d+$/.test(rawBatch!) || batchSize < 1 || batchSize > MAX_PURGE_BATCH_SIZE)) {
    return `--batch-size must be a whole number from 1 to ${MAX_PURGE_BATCH_SIZE}, not "${rawBatch}"`
  }
  return {
    inactiveFor,
    includeCompleted: switches.has("--include-completed"),
    batchSize,
    soft: switches.has("--soft"),
    dryRun: switches.has("--dry-run"),
    schema: values.get("--schema"),
  }
}
