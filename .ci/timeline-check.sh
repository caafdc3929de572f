#!/usr/bin/env bash
# Renders the Mermaid diagrams of an exported dataset.md as GitHub shows them (pinned Mermaid,
# 900 px wide, light and dark theme) in Debian's headless Chromium, and fails unless every text
# is drawn at least 12 px high with a WCAG contrast of at least 4.5:1 against what is behind it.
#
#   bash .ci/timeline-check.sh <path to dataset.md> <screenshot output dir>
#
# It installs what it needs: Debian's chromium (apt-get) when /usr/bin/chromium is missing, and
# .ci/mermaid's locked npm packages (npm ci) into target/timeline-check/. It skips, exit 0 with
# the reason printed, only when one of those cannot be installed (no apt-get or npm, registry
# unreachable, ...). Anything else that goes wrong fails. Screenshots: <dir>/<theme>-<n>.png.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <path to dataset.md> <screenshot output dir>" >&2
  exit 2
fi
md=$1
shots=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work="$repo/target/timeline-check"
log="$work/apt.log"

fail() { echo "timeline check: FAIL: $*"; exit 2; }
skip() {
  echo "timeline check: SKIPPED: $*"
  if [ -s "$log" ]; then
    { grep -m 3 -E '^(npm error (code|errno|network)|E: |Err:)' "$log" || tail -n 3 "$log"; } | sed 's/^/  | /'
  fi
  exit 0
}

[ -f "$md" ] || fail "no such file: $md"
mkdir -p "$work" "$shots" || fail "cannot create $work or $shots"
: >"$log"

# --- Chromium: Debian's package, never a browser download -------------------------------
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  command -v apt-get >/dev/null 2>&1 || skip "no $chromium, and no apt-get to install it"
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-y -q -o Acquire::Retries=2 -o Acquire::http::Timeout=30 -o Dpkg::Use-Pty=0)
  # The package lists may be missing or stale on a new machine: update, then try again.
  if ! apt-get install "${apt_opts[@]}" chromium >>"$log" 2>&1; then
    apt-get update -q -o Acquire::Retries=2 -o Acquire::http::Timeout=30 >>"$log" 2>&1 \
      || skip "apt-get update failed, so chromium cannot be installed"
    apt-get install "${apt_opts[@]}" chromium >>"$log" 2>&1 \
      || skip "apt-get could not install chromium"
  fi
  [ -x "$chromium" ] || fail "apt-get installed chromium but there is no $chromium"
fi
"$chromium" --version >>"$log" 2>&1 || fail "$chromium does not run: $(tail -n 3 "$log")"

# --- npm packages: exactly .ci/mermaid/package-lock.json, into target/ --------------------
log="$work/npm.log"
: >"$log"
command -v node >/dev/null 2>&1 || skip "no node, so the npm packages cannot be installed"
command -v npm >/dev/null 2>&1 || skip "no npm, so the npm packages cannot be installed"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' \
  || skip "node $(node --version) is older than 18, which playwright-core needs"
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! { cmp -s "$here/mermaid/package.json" "$work/package.json" \
  && cmp -s "$here/mermaid/package-lock.json" "$work/package-lock.json" \
  && [ -f "$work/node_modules/.package-lock.json" ]; }; then
  rm -rf "$work/node_modules"
  cp "$here/mermaid/package.json" "$here/mermaid/package-lock.json" "$work/"
  if ! (cd "$work" && npm ci --no-audit --no-fund --loglevel=error \
    --fetch-retries=2 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=10000 \
    --fetch-timeout=60000) >>"$log" 2>&1; then
    rm -rf "$work/node_modules"
    # Only the registry's or the network's fault skips; a lock file out of step with
    # package.json, say, is this project's fault and fails.
    if grep -Eq 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENETUNREACH|EHOSTUNREACH|EPROTO|socket hang up|network|E40[134]|E5[0-9][0-9]|certificate|UNABLE_TO_|SELF_SIGNED' "$log"; then
      skip "npm ci could not fetch the packages from the registry"
    fi
    fail "npm ci failed in $work: $(grep -m 3 'npm error' "$log" || tail -n 3 "$log")"
  fi
fi

# --- render and measure -------------------------------------------------------------------
set +e
CHROMIUM="$chromium" node "$here/mermaid/render.mjs" --modules "$work/node_modules" --out "$shots" "$md"
rc=$?
set -e
exit "$rc"
