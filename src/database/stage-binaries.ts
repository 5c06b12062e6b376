import { constants } from "node:fs"
import { access, chmod, copyFile, link, lstat, mkdir, readdir, readlink, symlink } from "node:fs/promises"
import { dirname, join, relative } from "node:path"
import type { PostgresBinaries } from "./postgres-binaries"

/** The two programs a cluster needs, wherever they ended up. */
export interface RunnableBinaries {
  readonly initdb: string
  readonly postgres: string
}

const OTHERS_READ = 0o004
const OTHERS_READ_EXECUTE = 0o005

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  )
}

/** True when the package's own files can be run as they are: executable by us, library symlinks in place. */
export async function runnableInPlace(binaries: PostgresBinaries): Promise<boolean> {
  try {
    await access(binaries.initdb, constants.X_OK)
    await access(binaries.postgres, constants.X_OK)
  } catch {
    return false
  }
  for (const { target } of binaries.symlinks) {
    if (!(await exists(join(binaries.root, target)))) return false
  }
  return true
}

// A hard link costs nothing and shares the file's inode, so it is only used when the file's own
// mode already lets every user read (and, for programs, run) it: we never change the mode of a
// file that is not ours. Anything else is copied, and the copy (ours) gets the mode it needs.
async function placeFile(from: string, to: string, mode: number, isProgram: boolean): Promise<void> {
  const needed = isProgram ? OTHERS_READ_EXECUTE : OTHERS_READ
  if ((mode & needed) === needed) {
    try {
      await link(from, to)
      return
    } catch {
      // Another file system, or hard links refused (fs.protected_hardlinks): copy instead.
    }
  }
  await copyFile(from, to)
  await chmod(to, isProgram ? 0o755 : 0o644)
}

async function stageTree(from: string, to: string, isProgramDir: boolean): Promise<void> {
  await mkdir(to)
  // Explicit: a umask of 077 would otherwise hide the folder from the server's user.
  await chmod(to, 0o755)
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) await stageTree(source, target, false)
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target)
    else if (entry.isFile()) await placeFile(source, target, (await lstat(source)).mode, isProgramDir)
  }
}

/**
 * Puts a runnable copy of the server binaries (`bin/`, `lib/`, `share/`) under `into`, a folder
 * this process created: hard links where the files are readable by everyone, copies otherwise,
 * and the library symlinks the package's postinstall script would have made (npm may have been
 * told not to run it). Nothing outside `into` is changed.
 */
export async function stageBinaries(binaries: PostgresBinaries, into: string): Promise<RunnableBinaries> {
  await mkdir(into, { recursive: true })
  await chmod(into, 0o755)
  for (const name of await readdir(binaries.root, { withFileTypes: true })) {
    if (name.isDirectory()) await stageTree(join(binaries.root, name.name), join(into, name.name), name.name === "bin")
  }
  for (const { source, target } of binaries.symlinks) {
    const linkPath = join(into, target)
    if (await exists(linkPath)) continue
    // Relative, as the package's own script makes them, so the tree stays valid wherever it is.
    await symlink(relative(dirname(linkPath), join(into, source)), linkPath)
  }
  return { initdb: join(into, relative(binaries.root, binaries.initdb)), postgres: join(into, relative(binaries.root, binaries.postgres)) }
}
