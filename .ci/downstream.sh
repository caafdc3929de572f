#!/usr/bin/env bash
# A crate outside the workspace that depends on cadres-data by path, as a downstream user's
# would: it prints the number of claims and finds the conference by its Chinese label, with
# no dist/ and no export. Builds into the repository's target/ so that it reuses the build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src"
cat > "$dir/Cargo.toml" <<TOML
[package]
name = "downstream"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
cadres-data = { path = "$repo/crates/cadres-data" }

[workspace]
TOML
cat > "$dir/src/main.rs" <<'RS'
fn main() {
    let index = cadres_data::index();
    println!("{} claims", cadres_data::dataset().claims.len());
    let conference = index.find_by_label("七千人大会")[0];
    println!("found: {conference}");
    for claim in index.claims_about(conference.id.as_str()).iter().take(3) {
        println!("{}", index.describe(claim));
    }
}
RS
cd "$dir"
out="$(CARGO_TARGET_DIR="$repo/target/downstream" cargo run --quiet)"
printf '%s\n' "$out"
grep -Eq '^[1-9][0-9]* claims$' <<<"$out" || { echo "error: no claim count" >&2; exit 1; }
grep -q '^found: Seven Thousand Cadres Conference (meeting)$' <<<"$out" \
  || { echo "error: the conference was not found by its Chinese label" >&2; exit 1; }
