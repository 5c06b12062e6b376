#!/usr/bin/env bash
# Runs cartwright inside a Medusa 2.21 host: packs the root package (or takes CARTWRIGHT_TARBALL), installs this folder's
# pinned Medusa/MikroORM/awilix versions, installs the tarball WITHOUT saving it (as a user's `npm install
# cartwright` would: its peers resolve to this host's single copy), then runs this folder's jest.
# A `file:../..` link would resolve MikroORM from the root's node_modules and hide version clashes.
# Needs DATABASE_URL (a server where it may create databases). Extra arguments go to jest.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server where databases may be created}"
# Medusa's CLI packages phone home unless told not to.
export MEDUSA_DISABLE_TELEMETRY=true

# CARTWRIGHT_TARBALL: a tarball already packed (CI packs once); else pack now (prepack builds).
TARBALL="${CARTWRIGHT_TARBALL:-}"
if [ -z "$TARBALL" ]; then
  PACKS="$(mktemp -d "${TMPDIR:-/tmp}/cartwright-pack.XXXXXX")"
  trap 'rm -rf "$PACKS"' EXIT
  TARBALL="$PACKS/$(cd "$ROOT" && npm pack --silent --pack-destination "$PACKS" | tail -n 1)"
fi
echo "installing $TARBALL"

cd "$HERE"
npm ci --no-audit --no-fund --prefer-offline
npm install --no-save --no-audit --no-fund --prefer-offline "$TARBALL"
# The packed declarations against Medusa's own ICartModuleService, and the tests against both packages' `exports`
# (node16 resolution, as a Medusa 2.21 app resolves them), with the root's TypeScript (this host has none).
TSC="$ROOT/node_modules/.bin/tsc"
if [ -x "$TSC" ]; then
  echo "type-checking types/ and __tests__/ against the tarball's declarations"
  "$TSC" -p tsconfig.types.json
  "$TSC" -p tsconfig.json
else
  echo "skipping the declaration check: run npm ci at the root first" >&2
fi
npx jest "$@"
