//! The cadres build system as a library, so that `tests/` can drive each task directly.
//!
//! Each task is a module with a `run` function called by `main.rs`. The xtask wires the
//! model and the validator to files, terminals and export formats; neither library knows
//! about those.

use std::path::{Path, PathBuf};

pub mod bench;
pub mod check;
pub mod coverage;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod fuzz;
pub mod new;
pub mod rules;
pub mod schema;
pub mod synth;

/// The workspace root: the folder above this crate's manifest.
pub fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or(manifest.clone(), Path::to_path_buf)
}

/// `path` as given, or `default` under the project root when none was given, so that the
/// tasks work from any folder.
pub fn path_or_default(path: Option<PathBuf>, default: &str) -> PathBuf {
    path.unwrap_or_else(|| project_root().join(default))
}
