//! Helpers for tests of this crate and of the workspace; not part of the API.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::{LOCK_FILE, Options, lock_text, quote_hash};

/// Records every quote of the dataset in `dir` as verified against its source's pin, as
/// `cargo xtask archive verify` would against texts holding them. Only for a test that
/// edits quotes to test something else, standing for the contributor who verified the
/// change: it reads no text, so it proves nothing about the quotes.
///
/// # Panics
/// When the dataset cannot be checked or assembled, or the record cannot be written: a
/// broken test setup.
pub fn relock(dir: &Path) {
    let report = crate::check(&Options {
        dataset: dir.to_owned(),
        archive: None,
    })
    .expect("the dataset folder is readable");
    let dataset = report.dataset.expect("the dataset assembles");
    let pins = dataset
        .sources
        .iter()
        .filter_map(|s| Some((s.id.to_string(), s.archived_text.clone()?)))
        .collect();
    let mut quotes = BTreeMap::<String, BTreeSet<_>>::new();
    for cit in dataset.claims.iter().flat_map(|c| &c.citations) {
        if let Some(q) = &cit.quote {
            quotes
                .entry(cit.source.to_string())
                .or_default()
                .insert(quote_hash(q));
        }
    }
    std::fs::write(dir.join(LOCK_FILE), lock_text(&pins, &quotes)).expect("write the record");
}

/// `tests/fixtures/` of this repository.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The name of the file of an overlay that lists the base's files it takes away, one path
/// (relative to the dataset folder) a line.
pub const OVERLAY_REMOVE: &str = ".overlay-remove";

/// Builds in `into` (created if needed) the dataset that the overlay folder `overlay`
/// makes of the dataset folder `base`: `base` copied, each file of `overlay` copied over
/// it (added or replaced), then each path listed in the overlay's [`OVERLAY_REMOVE`] taken
/// away. The overlay's snapshots (`*.snap`) and its list stay behind. Bytes are copied as
/// they are; a symbolic link is made again, pointing at what the original points at (so a
/// link out of the fixture still leads out of the dataset). The one way every test builds
/// a fixture that is an overlay: the rule fixtures on `tests/fixtures/base/`
/// ([`rule_fixture`]) and the root-cause cases on `tests/fixtures/valid/`.
pub fn materialize(base: &Path, overlay: &Path, into: &Path) -> io::Result<()> {
    copy_tree(base, into, false)?;
    copy_tree(overlay, into, true)?;
    match fs::read_to_string(overlay.join(OVERLAY_REMOVE)) {
        Ok(list) => {
            for rel in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
                fs::remove_file(into.join(rel))?;
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    Ok(())
}

/// Copies the tree `from` into `to`; for an overlay, leaves out its snapshots and list.
fn copy_tree(from: &Path, to: &Path, overlay: bool) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        let kind = entry.file_type()?;
        let name = entry.file_name();
        if overlay && (name == OVERLAY_REMOVE || path.extension().is_some_and(|e| e == "snap")) {
            continue;
        }
        if kind.is_symlink() {
            let link = fs::read_link(&path)?;
            let points_at =
                fs::canonicalize(path.parent().unwrap_or(from).join(&link)).unwrap_or(link);
            if target.symlink_metadata().is_ok() {
                fs::remove_file(&target)?;
            }
            symlink(&points_at, &target)?;
        } else if kind.is_dir() {
            copy_tree(&path, &target, overlay)?;
        } else {
            fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(original: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(original, link)
}

#[cfg(not(unix))]
fn symlink(_: &Path, link: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        format!("{}: symbolic links are made on Unix only", link.display()),
    ))
}

/// Builds in `into` the dataset of the rule fixture `dir` (`tests/fixtures/invalid/<rule>/`):
/// [`materialize`] of that overlay on `tests/fixtures/base/`.
pub fn rule_fixture(dir: &Path, into: &Path) -> io::Result<()> {
    materialize(&fixtures().join("base"), dir, into)
}

/// [`rule_fixture`] into a new folder of the system's temporary folder, named after this
/// process, a count and the fixture (left for the system to clean up), for tests that have
/// no temporary-folder crate.
///
/// # Panics
/// When the folder cannot be written: a broken test setup.
pub fn rule_dataset(dir: &Path) -> PathBuf {
    static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let into =
        std::env::temp_dir().join(format!("cadres-fixture-{}-{n}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&into);
    rule_fixture(dir, &into).expect("build the rule fixture's dataset");
    into
}
