import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { PostgresBinaries } from "../../../src/database/postgres-binaries"
import { canReach, temporaryBase } from "../../../src/database/server-user"
import { runnableInPlace, stageBinaries } from "../../../src/database/stage-binaries"

/** A miniature `native/` tree: two programs, a library with its version symlinks not yet made, a share file. */
function fakePackage(root: string): PostgresBinaries {
  for (const dir of ["bin", "lib", "share"]) mkdirSync(join(root, dir), { recursive: true })
  writeFileSync(join(root, "bin", "initdb"), "#!/bin/sh\n", { mode: 0o755 })
  writeFileSync(join(root, "bin", "postgres"), "#!/bin/sh\n", { mode: 0o755 })
  writeFileSync(join(root, "lib", "libpq.so.5.17"), "lib", { mode: 0o644 })
  // Readable by its owner only (a umask of 077 at install time): must be copied, never chmod-ed.
  writeFileSync(join(root, "share", "private.conf"), "conf", { mode: 0o600 })
  chmodSync(join(root, "share", "private.conf"), 0o600)
  return {
    root,
    initdb: join(root, "bin", "initdb"),
    postgres: join(root, "bin", "postgres"),
    version: "17.6.0-beta.15",
    symlinks: [{ source: "lib/libpq.so.5.17", target: "lib/libpq.so.5" }],
  }
}

describe("stageBinaries", () => {
  let work: string
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "cartwright-stage-test-"))
  })
  afterEach(() => rmSync(work, { recursive: true, force: true }))

  it("needs staging when the package's library symlinks were never made (install scripts skipped)", async () => {
    const binaries = fakePackage(join(work, "pkg"))
    expect(await runnableInPlace(binaries)).toBe(false)
  })

  it("places bin/, lib/ and share/ in its own folder and makes the missing library symlinks there", async () => {
    const binaries = fakePackage(join(work, "pkg"))
    const staged = await stageBinaries(binaries, join(work, "staged"))
    expect(staged).toEqual({ initdb: join(work, "staged", "bin", "initdb"), postgres: join(work, "staged", "bin", "postgres") })
    expect(readlinkSync(join(work, "staged", "lib", "libpq.so.5"))).toBe("libpq.so.5.17")
    expect(statSync(join(work, "staged", "lib")).mode & 0o777).toBe(0o755)
    expect(statSync(staged.initdb).mode & 0o111).toBe(0o111)
  })

  it("never changes a file of the package: world-readable files are linked, others copied with their own mode", async () => {
    const binaries = fakePackage(join(work, "pkg"))
    const before = lstatSync(join(binaries.root, "share", "private.conf"))
    await stageBinaries(binaries, join(work, "staged"))
    const after = lstatSync(join(binaries.root, "share", "private.conf"))
    expect(after.mode).toBe(before.mode)
    const copy = lstatSync(join(work, "staged", "share", "private.conf"))
    expect(copy.ino).not.toBe(before.ino)
    expect(copy.mode & 0o777).toBe(0o644)
    expect(lstatSync(join(work, "staged", "lib", "libpq.so.5.17")).ino).toBe(lstatSync(join(binaries.root, "lib", "libpq.so.5.17")).ino)
  })
})

describe("which folders the server's account can reach", () => {
  const someone = { name: "someone", uid: 54_321, gid: 54_321 }
  let work: string
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "cartwright-reach-test-"))
  })
  afterEach(() => rmSync(work, { recursive: true, force: true }))

  it("is refused by a private (0700) folder on the way, and allowed by a traversable one", () => {
    const inside = join(work, "inside")
    mkdirSync(inside)
    chmodSync(work, 0o700)
    expect(canReach(inside, someone)).toBe(false)
    chmodSync(work, 0o701)
    expect(canReach(inside, someone)).toBe(true)
  })

  it("uses the OS temp folder when not running as root", () => {
    expect(temporaryBase(undefined)).toBe(tmpdir())
  })
})
