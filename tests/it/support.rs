//! Helpers shared by the end-to-end tests: where the fixtures are.

use std::path::PathBuf;

pub(crate) use cadres_testkit::{copy_dir, fixture, release_of, root, rule_fixture};

/// Every `.toml` file under `dir`, sorted (as `cargo xtask fmt` walks a dataset).
pub(crate) fn toml_files(dir: &std::path::Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
