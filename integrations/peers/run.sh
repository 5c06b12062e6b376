#!/usr/bin/env bash
# Peer-dependency matrix: installs the packed cartwright into throwaway hosts that bring MikroORM and awilix
# at the versions below (Medusa 2.21's MikroORM 6.6.14 and awilix 8, the newest 6.x and awilix 13, and the
# lowest MikroORM the peer range admits), then runs smoke.cjs against a fresh database in each.
# Usage: DATABASE_URL=postgres://... integrations/peers/run.sh path/to/cartwright.tgz
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARBALL="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server where databases may be created}"

# "<@mikro-orm/* version> <awilix version>"
MATRIX=(
  "6.6.14 8.0.1"
  "6.6.16 13.0.5"
  "6.4.0 8.0.1"
)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cartwright-peers.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

hosts=()
pids=()
for combo in "${MATRIX[@]}"; do
  read -r orm awilix <<<"$combo"
  host="$WORK/host-$orm-$awilix"
  hosts+=("$host")
  mkdir -p "$host"
  # The host's package.json names every @mikro-orm package, as a Medusa app's does: MikroORM's start-up
  # check compares each against the core it runs, so a second copy would fail here. One install per host.
  cat >"$host/package.json" <<JSON
{ "name": "cartwright-peer-host", "private": true,
  "dependencies": { "@mikro-orm/core": "$orm", "@mikro-orm/knex": "$orm", "@mikro-orm/migrations": "$orm",
                    "@mikro-orm/postgresql": "$orm", "awilix": "$awilix", "cartwright": "file:$TARBALL" } }
JSON
  # Copied in: run from the repository, `require("cartwright")` would resolve to the repository itself.
  cp "$HERE/smoke.cjs" "$host/"
  # Installs wait on the network and disk more than the CPU: run them side by side.
  (cd "$host" && npm install --no-audit --no-fund --prefer-offline --loglevel=error >"$host/install.log" 2>&1) &
  pids+=($!)
done
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    cat "${hosts[$i]}/install.log" >&2
    echo "npm install failed in ${hosts[$i]}" >&2
    exit 1
  fi
done

for host in "${hosts[@]}"; do
  db="cw_peers_$(date +%s%N)"
  psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\" TEMPLATE template0"
  url="${DATABASE_URL%/*}/$db"
  status=0
  (cd "$host" && DATABASE_URL="$url" node smoke.cjs) || status=$?
  psql "$DATABASE_URL" -q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  if [ "$status" -ne 0 ]; then
    echo "peer matrix failed in $host" >&2
    exit "$status"
  fi
done
