//! The release's committed copies: what reaches users with no build.
//!
//! - `crates/cadres-data/dataset.json`, the release's `dataset.json`, embedded by the
//!   `cadres-data` crate, with `crates/cadres-data/src/release.rs` holding its version and
//!   SHA-256;
//! - `docs/dataset.md`, the release's `dataset.md`, the reading copy linked from the top of
//!   `README.md`, which GitHub renders.
//!
//! `cargo xtask export` of the project's own `dataset/` into the default `dist/` refreshes
//! them; an export to `--out DIR` or of another `--dataset` leaves them alone. A test fails
//! when they differ from a fresh render, naming [`REFRESH`].

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The command that refreshes the copies, as stale-copy messages name it.
pub(crate) const REFRESH: &str = "cargo xtask export";

/// Each committed copy: the release file it copies, and its path from the project root.
pub(crate) const COPIES: [(&str, &str); 2] = [
    ("dataset.json", "crates/cadres-data/dataset.json"),
    ("dataset.md", "docs/dataset.md"),
];

/// The constants file of `cadres-data`, from the project root.
pub(crate) const CONSTANTS: &str = "crates/cadres-data/src/release.rs";

/// Whether `dataset` is the project's own `dataset/` under `root`, however it was named.
pub(crate) fn is_project_dataset(root: &Path, dataset: &Path) -> bool {
    match (
        fs::canonicalize(root.join("dataset")),
        fs::canonicalize(dataset),
    ) {
        (Ok(own), Ok(given)) => own == given,
        _ => false,
    }
}

/// The SHA-256 of `bytes`, in lowercase hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// The source of `cadres-data`'s constants for a release whose `dataset.json` is `json`,
/// of the dataset version `version`.
pub(crate) fn constants(json: &[u8], version: &str) -> String {
    format!(
        "// Written by `{REFRESH}` with `dataset.json`; a test fails when it is stale.\n\
         \n\
         /// The dataset's version (`metadata.version`) of the embedded release; the crate's\n\
         /// own version follows it.\n\
         pub const VERSION: &str = {version:?};\n\
         \n\
         /// The SHA-256 of the embedded `dataset.json` ([`crate::JSON`]), in lowercase hex:\n\
         /// the same file as in the release of this version.\n\
         pub const SHA256: &str = \"{}\";\n",
        sha256_hex(json)
    )
}

/// Every committed copy of the release whose files are given by `file` (name to bytes):
/// `(path from the project root, bytes)`.
///
/// # Errors
/// When the release lacks one of the copied files, or its `dataset.json` has no version.
pub(crate) fn expected<'a>(
    file: impl Fn(&str) -> Option<&'a [u8]>,
) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let mut out = Vec::new();
    for (name, path) in COPIES {
        let bytes = file(name).ok_or_else(|| anyhow::anyhow!("the release has no {name}"))?;
        out.push((path, bytes.to_vec()));
    }
    let json = file("dataset.json").unwrap_or_default();
    let version = version_of(json)?;
    out.push((CONSTANTS, constants(json, &version).into_bytes()));
    Ok(out)
}

/// The dataset version named by a release's `dataset.json`.
fn version_of(json: &[u8]) -> anyhow::Result<String> {
    #[derive(serde::Deserialize)]
    struct Release {
        metadata: Metadata,
    }
    #[derive(serde::Deserialize)]
    struct Metadata {
        version: String,
    }
    let release: Release = serde_json::from_slice(json)?;
    Ok(release.metadata.version)
}

/// The copies under `root` that differ from `expected` (or are missing), by path.
pub(crate) fn stale(root: &Path, expected: &[(&'static str, Vec<u8>)]) -> Vec<&'static str> {
    expected
        .iter()
        .filter(|(path, bytes)| fs::read(root.join(path)).ok().as_deref() != Some(bytes.as_slice()))
        .map(|(path, _)| *path)
        .collect()
}

/// Writes each of `expected` that differs under `root`, and returns their paths. A copy
/// that is already equal is not touched, so its time stamp says when it last changed.
///
/// # Errors
/// When a copy cannot be written.
pub(crate) fn refresh(
    root: &Path,
    expected: &[(&'static str, Vec<u8>)],
) -> anyhow::Result<Vec<&'static str>> {
    let stale = stale(root, expected);
    for (path, bytes) in expected {
        if stale.contains(path) {
            let target = root.join(path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&target, bytes).map_err(|e| anyhow::anyhow!("cannot write {path}: {e}"))?;
        }
    }
    Ok(stale)
}
