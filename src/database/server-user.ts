import { execFile } from "node:child_process"
import { statSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, resolve } from "node:path"

/** The unprivileged account the server runs as when this process is root (PostgreSQL refuses to run as root). */
export interface ServerUser {
  readonly name: string
  readonly uid: number
  readonly gid: number
}

function idOf(name: string, flag: "-u" | "-g"): Promise<number | undefined> {
  return new Promise((done) => {
    execFile("id", [flag, name], (error, stdout) => {
      const id = Number.parseInt(String(stdout).trim(), 10)
      done(error || !Number.isInteger(id) ? undefined : id)
    })
  })
}

/**
 * As root: `postgres` when that account exists (a system PostgreSQL package creates it), else `nobody`.
 * Not root: undefined (the server runs as this process' user). No account is ever created.
 */
export async function serverUser(candidates: readonly string[] = ["postgres", "nobody"]): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined
  for (const name of candidates) {
    const [uid, gid] = await Promise.all([idOf(name, "-u"), idOf(name, "-g")])
    if (uid !== undefined && gid !== undefined && uid !== 0) return { name, uid, gid }
  }
  throw new Error(
    `Embedded PostgreSQL: running as root, and none of the accounts ${candidates.join(", ")} exists to run the server as ` +
      "(PostgreSQL refuses to run as root). Run as another user, create one of them, or set DATABASE_URL.",
  )
}

/** True when `user` may traverse every folder from the root down to `path` (owner, group or others execute bit). */
export function canReach(path: string, user: ServerUser): boolean {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    let stat
    try {
      stat = statSync(dir)
    } catch {
      return false
    }
    const mode = stat.mode
    const allowed =
      (stat.uid === user.uid && (mode & 0o100) !== 0) || (stat.gid === user.gid && (mode & 0o010) !== 0) || (mode & 0o001) !== 0
    if (!allowed) return false
    if (dirname(dir) === dir) return true
  }
}

/**
 * The folder to create the server's own temporary folder in: the OS temp dir, or when `user` cannot
 * reach it (TMPDIR inside a private folder), /tmp or /var/tmp. We never widen a folder's permissions.
 */
export function temporaryBase(user: ServerUser | undefined): string {
  const base = tmpdir()
  if (!user) return base
  const reachable = [base, "/tmp", "/var/tmp"].find((candidate) => canReach(candidate, user))
  if (reachable) return reachable
  throw new Error(
    `Embedded PostgreSQL: the temporary folder ${base} is not reachable by the user "${user.name}" the server runs as. ` +
      "Set TMPDIR to a folder that user can reach, or set DATABASE_URL.",
  )
}
