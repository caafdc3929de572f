//! `cargo xtask export`: check the dataset, then write the release into `dist/` atomically.
//!
//! The release is a pure function of the dataset ([`render`]): `dataset.json` (the model's
//! serde form), `dataset.schema.json` (its JSON Schema) and `dataset.md` (the document for
//! readers), and for other tools `bibliography.json` (CSL-JSON), `data/` (a Frictionless
//! data package) and `dataset.jsonld` (JSON-LD); `docs/exports.md` describes those three.
//! It reads no clock, writes no absolute path and iterates no hash map, so the same dataset
//! gives the same bytes on any machine, in any folder, locale or time zone.
//!
//! # Safety
//!
//! The dataset is checked first; on any error nothing is written, not even a temporary
//! folder. Otherwise [`install`] writes the release into a temporary folder beside the
//! output and swaps it into place (in one step on Linux, else with two renames), so that no
//! file of an earlier release survives and a failure leaves either the old release or the
//! new one.

mod csl;
pub(crate) mod escape;
mod frictionless;
mod human;
mod json;
mod jsonld;
mod markdown;

use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use cadres_model::Dataset;

/// The file names of a release, in the order [`render`] gives them (paths relative to the
/// output folder, `/`-separated).
pub const FILES: [&str; 17] = [
    "bibliography.json",
    "data/citation-cites.csv",
    "data/citations.csv",
    "data/claims.csv",
    "data/datapackage.json",
    "data/disputes.csv",
    "data/entities.csv",
    "data/labels.csv",
    "data/properties.csv",
    "data/qualifiers.csv",
    "data/source-names.csv",
    "data/source-references.csv",
    "data/sources.csv",
    "dataset.json",
    "dataset.jsonld",
    "dataset.md",
    "dataset.schema.json",
];

/// A rendered release: each file's name and bytes, in [`FILES`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// `(file name, contents)`, sorted by file name.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Release {
    /// The contents of the file named `name`.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bytes)| bytes.as_slice())
    }
}

/// The dataset with each list sorted by id, as a release holds it, whatever order the
/// records came in.
fn normalized(dataset: &Dataset) -> Dataset {
    let mut d = dataset.clone();
    d.properties.sort_by(|a, b| a.id.cmp(&b.id));
    d.sources.sort_by(|a, b| a.id.cmp(&b.id));
    d.entities.sort_by(|a, b| a.id.cmp(&b.id));
    d.claims.sort_by(|a, b| a.id.cmp(&b.id));
    d
}

/// Renders the release of `dataset`: a pure function, byte-identical for the same records
/// in any order.
pub fn render(dataset: &Dataset) -> anyhow::Result<Release> {
    let dataset = normalized(dataset);
    let markdown = markdown::render(&dataset).context("rendering dataset.md")?;
    let mut files = vec![
        (
            "bibliography.json".to_owned(),
            csl::render(&dataset).context("serializing bibliography.json")?,
        ),
        (
            "dataset.json".to_owned(),
            json::dataset(&dataset).context("serializing dataset.json")?,
        ),
        (
            "dataset.jsonld".to_owned(),
            jsonld::render(&dataset).context("serializing dataset.jsonld")?,
        ),
        ("dataset.md".to_owned(), markdown.into_bytes()),
        (
            "dataset.schema.json".to_owned(),
            json::schema().context("serializing dataset.schema.json")?,
        ),
    ];
    files.extend(frictionless::render(&dataset).context("writing the data package")?);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Release { files })
}

/// Checks `dataset`, then writes its release into `out`, replacing what was there.
///
/// When the check finds any error, prints the report, writes nothing and returns failure.
pub fn run(dataset: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    run_with(dataset, out, cadres_validate::MAX_FILES)
}

/// [`run`], loading at most `max_files` record files.
pub fn run_with(dataset: &Path, out: &Path, max_files: usize) -> anyhow::Result<ExitCode> {
    let report = cadres_validate::check_with(
        &cadres_validate::Options {
            dataset: dataset.to_owned(),
            archive: None,
        },
        &cadres_validate::Tuning {
            max_files,
            assemble: true,
            progress: crate::check::progress_bar(),
        },
    )?;
    if !report.diagnostics.is_empty() {
        // The report as `cargo xtask check` prints it, from this check rather than a second.
        let options = cadres_validate::RenderOptions {
            format: cadres_validate::Format::Human,
            color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            prefix: crate::check::display_prefix(dataset),
        };
        eprint!("{}", cadres_validate::render(&report, &options));
    }
    let data = match report.dataset {
        Some(data) if !report.has_errors() => data,
        Some(_) => {
            eprintln!("error: the dataset has errors; nothing was written");
            return Ok(ExitCode::FAILURE);
        }
        None => {
            eprintln!(
                "error: the dataset could not be assembled (is metadata.toml missing?); nothing was written"
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let release = render(&data)?;
    install(out, &release)?;
    println!(
        "wrote {}: {} ({} properties, {} sources, {} entities, {} claims)",
        display_name(out),
        FILES.join(", "),
        data.properties.len(),
        data.sources.len(),
        data.entities.len(),
        data.claims.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// The output folder's name, for messages that should not print absolute paths.
fn display_name(out: &Path) -> String {
    out.file_name().map_or_else(
        || out.display().to_string(),
        |n| format!("{}/", n.to_string_lossy()),
    )
}

/// Writes `release` into the folder `out`, replacing it whole.
///
/// 1. A temporary folder `.<name>.export-XXXXXX` is made beside `out` (same file system, so
///    renames are atomic) and the release is written into `<tmp>/<name>`, each file synced.
/// 2. When `out` exists, on Linux, `<tmp>/<name>` and `out` are exchanged in one step
///    (`renameat2` with `RENAME_EXCHANGE`): `out` is at every instant either the old
///    release or the new one. The old one, now in `<tmp>/<name>`, is then removed.
/// 3. Elsewhere, or where the file system cannot exchange (the call fails without changing
///    anything), `out` is renamed to `<tmp>/previous` and `<tmp>/<name>` to `out`; if the
///    second rename fails the first is undone. Between the two renames there is a window
///    of two system calls in which `out` does not exist: a reader then sees no release,
///    never a mixed one. A crash in that window leaves both releases in the temporary
///    folder, which is not cleaned up automatically; an error message names it.
/// 4. The temporary folder, holding the previous release, is removed.
pub fn install(out: &Path, release: &Release) -> anyhow::Result<()> {
    let swap = if cfg!(target_os = "linux") {
        Swap::Exchange
    } else {
        Swap::Renames
    };
    install_with(out, release, swap)
}

/// How [`install`] puts the new release in place of an old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Swap {
    /// One atomic exchange (Linux), falling back to two renames when the file system
    /// cannot exchange.
    Exchange,
    /// Two renames: other platforms, and tests of the fallback.
    Renames,
}

fn install_with(out: &Path, release: &Release, swap: Swap) -> anyhow::Result<()> {
    let name = out
        .file_name()
        .with_context(|| format!("the output {} has no folder name", out.display()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() && !out.is_dir() {
        bail!(
            "{} exists and is not a folder; not replacing it",
            out.display()
        );
    }
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.export-", name.to_string_lossy()))
        .tempdir_in(&parent)
        .with_context(|| format!("creating a temporary folder in {}", parent.display()))?;
    // A folder made by `create_dir` gets the usual permissions; the temporary folder's own
    // are private.
    let staged = tmp.path().join(name);
    fs::create_dir(&staged).with_context(|| format!("creating {}", staged.display()))?;
    for (file, bytes) in &release.files {
        let path = staged.join(file);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
        }
        let mut f =
            fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        f.write_all(bytes)
            .and_then(|()| f.sync_all())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let had_previous = out.exists();
    if had_previous && swap == Swap::Exchange && exchange(&staged, out).is_ok() {
        sync_dir(&parent);
        return tmp
            .close()
            .with_context(|| format!("removing the previous release from {}", parent.display()));
    }
    let previous = tmp.path().join("previous");
    if had_previous {
        fs::rename(out, &previous)
            .with_context(|| format!("moving the old {} aside", out.display()))?;
    }
    if let Err(e) = fs::rename(&staged, out) {
        if had_previous && let Err(back) = fs::rename(&previous, out) {
            let kept = tmp.keep();
            bail!(
                "installing the new release failed ({e}) and restoring the old one failed too ({back}); \
                 both are kept in {}",
                kept.display()
            );
        }
        return Err(e).with_context(|| format!("moving the new release to {}", out.display()));
    }
    sync_dir(&parent);
    tmp.close()
        .with_context(|| format!("removing the previous release from {}", parent.display()))
}

/// Makes the renames in `dir` durable before the old release is deleted (best effort: not
/// every platform can sync a folder).
fn sync_dir(dir: &Path) {
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

/// Exchanges two paths atomically: each takes the other's place in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// Exchanges two paths atomically: not available here, so the caller falls back to two
/// renames.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::{Release, Swap, install_with};

    fn release(text: &str) -> Release {
        Release {
            files: vec![("dataset.md".to_owned(), text.as_bytes().to_vec())],
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("readable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn both_swaps_replace_the_old_release_whole() {
        for swap in [Swap::Exchange, Swap::Renames] {
            let tmp = tempfile::tempdir().expect("tempdir");
            let out = tmp.path().join("dist");
            install_with(&out, &release("first"), swap).expect("first install");
            fs::write(out.join("stale.txt"), "left by hand").expect("write");
            install_with(&out, &release("second"), swap).expect("second install");
            assert_eq!(names(&out), ["dataset.md"], "{swap:?}");
            assert_eq!(
                fs::read_to_string(out.join("dataset.md")).expect("read"),
                "second"
            );
            assert_eq!(
                names(tmp.path()),
                ["dist"],
                "{swap:?} leaves no temporary folder"
            );
        }
    }
}
