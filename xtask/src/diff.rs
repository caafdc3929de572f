//! `cargo xtask diff OLD NEW`: what changed between two datasets, each a dataset folder or
//! a release file (`dataset.json`), for a person (`--format human`), a pull-request comment
//! or release notes (`--format markdown`) or a program (`--format json`). `docs/diff.md`
//! describes the three forms.
//!
//! A folder is checked and assembled as `cargo xtask export` does it, so both sides of a
//! pull request compare as they would be released; a folder with errors is refused. The
//! output is a function of the two datasets and the paths as given: records sort by id,
//! fields by path, and no clock or absolute path is read.
//!
//! The delta and its three reports are the `cadres-export` library's
//! ([`cadres_export::diff`]); this module loads the inputs and prints.

use std::fmt;
use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use cadres_export::diff::{Delta, Format, Input, Origin};
use cadres_model::Dataset;

/// How `cargo xtask diff` prints the changes: the command line's name for a
/// [`cadres_export::diff::Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum FormatArg {
    /// Old → new for each changed field, changed words marked `[-removed-]{+added+}`.
    #[default]
    Human,
    /// A machine-readable delta (see docs/diff.md).
    Json,
    /// Counts, changed claims with their quotes, then the rest, for a pull-request comment.
    Markdown,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}

/// Why an input could not be used.
#[derive(Debug)]
pub(crate) enum LoadError {
    /// A dataset folder whose check found errors (already printed on stderr).
    HasErrors,
    /// The path is missing, unreadable, or neither a dataset folder nor a release file.
    Unreadable(anyhow::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::HasErrors => f.write_str("the dataset has errors"),
            LoadError::Unreadable(e) => write!(f, "{e:#}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// What each input must be, for error messages.
const EXPECTED: &str =
    "expected a dataset folder (with a metadata.toml) or a release file (dataset.json)";

/// What `path` is: a folder or a file, with a clear error when it is neither.
fn origin(path: &Path) -> anyhow::Result<Origin> {
    let shown = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{shown} does not exist; {EXPECTED}")
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {shown}; {EXPECTED}")),
    };
    if meta.is_dir() {
        if !path.join("metadata.toml").is_file() {
            if path.join("dataset.json").is_file() {
                bail!(
                    "{shown} is a folder with no metadata.toml, so not a dataset folder; it holds a release: did you mean {}?",
                    path.join("dataset.json").display()
                );
            }
            bail!("{shown} is a folder with no metadata.toml, so not a dataset folder; {EXPECTED}");
        }
        Ok(Origin::Folder)
    } else if meta.is_file() {
        Ok(Origin::Release)
    } else {
        bail!("{shown} is neither a folder nor a file; {EXPECTED}")
    }
}

/// Reads the dataset at `path`: a dataset folder through the validator, as
/// `cargo xtask export` reads it (its diagnostics printed on stderr, as `check` prints
/// them), or a release file. `side` (`old` or `new`) names the input in messages.
pub(crate) fn load(path: &Path, side: &str) -> Result<Input, LoadError> {
    let origin = origin(path).map_err(LoadError::Unreadable)?;
    let dataset = match origin {
        Origin::Folder => read_folder(path, side)?,
        Origin::Release => read(path).map_err(LoadError::Unreadable)?,
    };
    Ok(Input {
        shown: path.display().to_string(),
        origin,
        dataset,
    })
}

/// A dataset folder, checked and assembled as `cargo xtask export` does it.
fn read_folder(path: &Path, side: &str) -> Result<Dataset, LoadError> {
    let report = cadres_validate::check_with(
        &cadres_validate::Options {
            dataset: path.to_owned(),
            archive: None,
        },
        &cadres_validate::Tuning {
            max_files: cadres_validate::MAX_FILES,
            assemble: true,
            progress: crate::check::progress_bar(),
        },
    )
    .with_context(|| format!("checking the {side} dataset, {}", path.display()))
    .map_err(LoadError::Unreadable)?;
    if !report.diagnostics.is_empty() {
        let options = cadres_validate::RenderOptions {
            format: cadres_validate::Format::Human,
            color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            prefix: crate::check::display_prefix(path),
        };
        eprint!("{}", cadres_validate::render(&report, &options));
    }
    match report.dataset {
        Some(dataset) if !report.has_errors() => Ok(dataset),
        Some(_) => {
            eprintln!(
                "error: the {side} dataset ({}) has errors; fix them first",
                path.display()
            );
            Err(LoadError::HasErrors)
        }
        None => {
            eprintln!(
                "error: the {side} dataset ({}) could not be assembled (is metadata.toml readable?); fix it first",
                path.display()
            );
            Err(LoadError::HasErrors)
        }
    }
}

/// Reads a release file (`dataset.json`).
pub(crate) fn read(path: &Path) -> anyhow::Result<Dataset> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    // The model's error is shown by its message alone: its source repeats the message.
    Dataset::from_slice(&bytes).map_err(|e| {
        let hint = if path.extension().is_some_and(|e| e == "toml") {
            "; a dataset folder is given as the folder, not one of its files"
        } else {
            ""
        };
        anyhow::anyhow!(
            "{} is not a release file (dataset.json): {e}{hint}",
            path.display()
        )
    })
}

/// `cargo xtask diff`: prints the changes from `old` to `new` in `format` on stdout, and a
/// version warning also on stderr. Exit 0 whether or not anything changed; 1 when a dataset
/// folder has errors; an `Err` (exit 2) when an input cannot be read.
pub(crate) fn run(old: &Path, new: &Path, format: Format) -> anyhow::Result<ExitCode> {
    // Both paths are looked at before either dataset is checked, so that a typo in the
    // second is not reported after the first one's diagnostics.
    origin(old).context("the old dataset")?;
    origin(new).context("the new dataset")?;
    let (a, b) = (load(old, "old"), load(new, "new"));
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(LoadError::Unreadable(e)), _) => return Err(e.context("the old dataset")),
        (_, Err(LoadError::Unreadable(e))) => return Err(e.context("the new dataset")),
        _ => return Ok(ExitCode::FAILURE),
    };
    let delta = Delta::new(&a.dataset, &b.dataset);
    // The human report has the warning too: printed on the same terminal, once is enough.
    let shown_on_terminal = format == Format::Human && std::io::stdout().is_terminal();
    if let Some(w) = &delta.version_warning
        && !shown_on_terminal
    {
        eprintln!("warning: {}", w.message);
    }
    let text = cadres_export::diff::render_delta(&delta, &a, &b, format);
    std::io::stdout().write_all(text.as_bytes())?;
    crate::free_at_exit((a, b));
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests;
