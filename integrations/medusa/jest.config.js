/**
 * Jest for the Medusa host. It transpiles with @swc/jest like the root, but runs from this folder's own
 * node_modules so that cartwright (installed from its packed tarball by run.sh) resolves MikroORM and awilix
 * from the host's single copy, as it would in a Medusa app.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  moduleFileExtensions: ["ts", "js", "json"],
  testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
  // Medusa's module loader opens each module's MikroORM with `await import(...)` from CommonJS
  // (@medusajs/utils dal/mikro-orm), which jest's VM refuses without --experimental-vm-modules;
  // transpiling that one folder turns the import() into require().
  transformIgnorePatterns: ["/node_modules/(?!@medusajs/utils/dist/dal/mikro-orm/)"],
  // Medusa's module loader and MikroORM keep handles (pools, timers) that a suite closes itself.
  testTimeout: 60_000,
}
