/** @type {import('jest').Config} */
const transform = { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }] }
// integrations/ are hosts with node_modules of their own, run by their own jest (integrations/*/run.sh).
const common = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["ts", "js", "json"],
  modulePathIgnorePatterns: ["<rootDir>/integrations/"],
}

module.exports = {
  // Jest's default 5 s per test is a timing assertion in disguise: on a busy 2-core machine a
  // CREATE DATABASE alone can take seconds. A hang still fails, just later. (Global: projects ignore it.)
  testTimeout: 120_000,
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.ts",
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/__tests__/unit/**/*.test.ts"] },
    { ...common, displayName: "integration", testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts"] },
    { ...common, displayName: "e2e", testMatch: ["<rootDir>/__tests__/e2e/**/*.test.ts"] },
  ],
}
