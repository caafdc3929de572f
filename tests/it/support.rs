//! Helpers shared by the end-to-end tests: where the fixtures are.

use std::path::PathBuf;

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// A folder under `tests/fixtures/`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

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

/// The dataset of the rule fixture `tests/fixtures/invalid/<rule>/`, an overlay on
/// `tests/fixtures/base/`, built in a temporary folder.
///
/// # Panics
/// When the folder cannot be written: a broken test setup.
pub(crate) fn rule_fixture(rule: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    cadres_validate::testing::rule_fixture(&fixture("invalid").join(rule), tmp.path())
        .expect("build the rule fixture's dataset");
    tmp
}

/// Copies the folder `from` into `to` (created if needed), recursively; for tests that
/// break a copy of a fixture.
///
/// # Panics
/// When a file cannot be copied: a broken test setup.
pub(crate) fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create the copy's folder");
    for entry in std::fs::read_dir(from).expect("read the fixture folder") {
        let entry = entry.expect("read a fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a fixture file");
        }
    }
}

/// Checks and renders the dataset in `dir`, which must be valid: its model and its release.
///
/// # Panics
/// When the folder cannot be read, the dataset has errors, or the release fails to render:
/// each is a test failure.
#[track_caller]
pub(crate) fn release_of(dir: &std::path::Path) -> (cadres_model::Dataset, cadres_export::Release) {
    let report = cadres_validate::check(&cadres_validate::Options {
        dataset: dir.to_owned(),
        archive: None,
    })
    .expect("the dataset folder is readable");
    assert!(
        !report.has_errors(),
        "{} has errors: {:#?}",
        dir.display(),
        report.diagnostics
    );
    let dataset = report.dataset.expect("the dataset assembles");
    let release = cadres_export::render(&dataset).expect("the release renders");
    (dataset, release)
}
