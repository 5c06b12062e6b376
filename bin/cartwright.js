#!/usr/bin/env node
// The `cartwright` command. The published package runs the build (dist/, made by `prepack`).
// In a repository checkout the sources are there too: run them through tsx (a dev dependency),
// so `npx cartwright` works right after `npm install`, before any build, and is never stale.
"use strict"
const { existsSync } = require("node:fs")
const { join } = require("node:path")

const source = join(__dirname, "..", "src", "cli", "main.ts")
function tsxAvailable() {
  try {
    require.resolve("tsx/cjs")
    return true
  } catch {
    return false
  }
}

if (existsSync(source) && tsxAvailable()) {
  require("tsx/cjs")
  require(source)
} else {
  require(join(__dirname, "..", "dist", "cli.js"))
}
