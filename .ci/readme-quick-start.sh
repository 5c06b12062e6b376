#!/usr/bin/env bash
# Follows the README on a fresh clone of the current commit, as a newcomer would: the quick-start
# block line by line with no DATABASE_URL (so on the embedded server), then the own-server block
# against this machine's server (its `export DATABASE_URL=` line gets a fresh database here), then
# `npm start` with PORT and HOST. Any failing line fails CI, so the README cannot drift.
# Usage: .ci/readme-quick-start.sh <work dir>   (needs DATABASE_URL: this machine's server)
set -euo pipefail

WORK="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLONE="$WORK/clone"

if [ -n "$(git -C "$ROOT" status --porcelain)" ]; then
  echo "note: uncommitted changes are not in the clone; the committed README and code are checked" >&2
fi
git clone -q "$ROOT" "$CLONE"
git -C "$CLONE" checkout -q --detach "$(git -C "$ROOT" rev-parse HEAD)"

# The fenced shell lines between <!-- $1:begin ... --> and <!-- $1:end -->.
block() {
  awk -v name="$1" '
    $0 ~ "<!-- " name ":begin" { inside = 1; next }
    $0 ~ "<!-- " name ":end" { inside = 0 }
    inside && !/^```/ { print }
  ' "$CLONE/README.md"
}

QUICK_START="$(block quick-start)"
OWN_SERVER="$(block own-server)"
[ -n "$QUICK_START" ] && [ -n "$OWN_SERVER" ] || { echo "README quick-start blocks not found" >&2; exit 1; }

echo "-- quick start (no DATABASE_URL)"
(cd "$CLONE" && env -u DATABASE_URL bash -euxo pipefail -c "$QUICK_START")

echo "-- with your own server"
SERVER_URL="${DATABASE_URL:?set DATABASE_URL to the PostgreSQL server CI uses}"
DB="cartwright_readme_$$"
psql "$SERVER_URL" -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE $DB"
trap 'psql "$SERVER_URL" -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
OWN_URL="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$SERVER_URL" "$DB")"
# Only the example URL is swapped for a real one; every other line runs as written.
SCRIPT="$(sed "s#^export DATABASE_URL=.*#export DATABASE_URL=$OWN_URL#" <<<"$OWN_SERVER")"
(cd "$CLONE" && env -u DATABASE_URL bash -euxo pipefail -c "$SCRIPT")

echo "-- npm start with PORT and HOST"
PORT="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })')"
cd "$CLONE"
setsid env -u DATABASE_URL PORT="$PORT" HOST=127.0.0.1 npm start >"$WORK/npm-start.log" 2>&1 &
START_PID=$!
stop_server() { kill -TERM -- "-$START_PID" 2>/dev/null || true; wait "$START_PID" 2>/dev/null || true; }
for _ in $(seq 1 240); do
  STATUS="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/store/carts/cart_missing" || true)"
  [ "$STATUS" != "000" ] && break
  sleep 0.5
done
stop_server
cat "$WORK/npm-start.log"
[ "$STATUS" = "404" ] || { echo "npm start: expected 404 for a missing cart, got $STATUS" >&2; exit 1; }
grep -q "Embedded PostgreSQL .*throwaway" "$WORK/npm-start.log" || { echo "npm start did not say which database it uses" >&2; exit 1; }
