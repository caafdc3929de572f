#!/usr/bin/env bash
# Usage: .ci/check-tag.sh TAG [METADATA]
#
# Exits 0 when TAG (`v0.1.0`, or `refs/tags/v0.1.0`) is `v` followed by the `version` of
# METADATA [default: dataset/metadata.toml of this repository], 1 when it is not, 2 when it
# could not tell. The release workflow runs it before publishing a tag.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
  echo "usage: $0 TAG [METADATA]" >&2
  exit 2
fi
tag=${1#refs/tags/}
metadata=${2:-"$(dirname "$0")/../dataset/metadata.toml"}

# tomllib (Python 3.11+) reads the file as TOML, so comments, quoting and key order do not
# matter; a missing or non-string `version` is an error.
if ! version=$(python3 -c '
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    v = tomllib.load(f).get("version")
if not isinstance(v, str) or not v:
    sys.exit(sys.argv[1] + ": version is missing or not a string")
print(v)
' "$metadata"); then
  echo "check-tag: could not read the version of $metadata" >&2
  exit 2
fi

if [ "$tag" != "v$version" ]; then
  echo "check-tag: tag $tag is not v$version, the version in $metadata; tag v$version or change the version" >&2
  exit 1
fi
echo "check-tag: tag $tag matches version $version of $metadata"
