#!/usr/bin/env bash
# Runs cartwright inside a Medusa 2.21 host: builds and packs the root package, installs this folder's
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

PACKS="$(mktemp -d "${TMPDIR:-/tmp}/cartwright-pack.XXXXXX")"
trap 'rm -rf "$PACKS"' EXIT

if [ "${CARTWRIGHT_SKIP_BUILD:-}" != "1" ]; then
  (cd "$ROOT" && npm run build --silent)
fi
TARBALL="$PACKS/$(cd "$ROOT" && npm pack --silent --pack-destination "$PACKS" | tail -n 1)"
echo "packed $TARBALL"

cd "$HERE"
npm ci --no-audit --no-fund --prefer-offline
npm install --no-save --no-audit --no-fund --prefer-offline "$TARBALL"
npx jest "$@"
