/** A migrate action. */
export type MigrateAction = "up" | "down" | "status"

/** `cartwright migrate` arguments, parsed. */
export interface MigrateArgs {
  readonly action: MigrateAction
  readonly schema: string | undefined
  readonly all: boolean
  readonly yes: boolean
  readonly createDatabase: boolean
}

const ACTIONS: readonly string[] = ["up", "down", "status"]

/** Flags each action accepts; anything else is a usage error rather than silently ignored. */
const FLAGS: Readonly<Record<MigrateAction, readonly string[]>> = {
  up: ["--schema", "--create-database"],
  down: ["--schema", "--all", "--yes", "-y"],
  status: ["--schema"],
}

function isAction(value: string): value is MigrateAction {
  return ACTIONS.includes(value)
}

/** Parses `migrate` arguments; a string is the usage error to report. */
export function parseMigrateArgs(argv: readonly string[]): MigrateArgs | string {
  const [action, ...rest] = argv
  if (!action) return "migrate needs an action: up, down or status"
  if (!isAction(action)) return `unknown migrate action "${action}"`
  const flags = new Set<string>()
  let schema: string | undefined
  const unexpected: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? ""
    const [name = "", inline] = arg.startsWith("--schema=") ? ["--schema", arg.slice("--schema=".length)] : [arg, undefined]
    if (!FLAGS[action].includes(name)) {
      unexpected.push(arg)
      continue
    }
    if (name === "--schema") {
      schema = inline ?? rest[++i]
      if (!schema || schema.startsWith("-")) return "--schema needs a schema name, e.g. --schema cart"
    }
    flags.add(name === "-y" ? "--yes" : name)
  }
  if (unexpected.length > 0) return `unexpected argument(s) for migrate ${action}: ${unexpected.join(" ")}`
  return { action, schema, all: flags.has("--all"), yes: flags.has("--yes"), createDatabase: flags.has("--create-database") }
}
