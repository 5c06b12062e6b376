import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"

// The folder is a host: cartwright must come from the packed tarball in this folder's node_modules,
// never through a link back to the repository (which would bring the repository's own dependencies).
describe("the cartwright this host loads", () => {
  it("is the packed package installed in the host's node_modules", () => {
    const entry = require.resolve("cartwright")
    expect(entry).toBe(join(__dirname, "..", "node_modules", "cartwright", "dist", "index.js"))
    const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { name: string }
    expect(pkg.name).toBe("cartwright")
  })

  it("exports createCartModule from CommonJS", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cartwright = require("cartwright") as { createCartModule?: unknown }
    expect(typeof cartwright.createCartModule).toBe("function")
  })
})
