//! `cargo xtask export`: check the dataset, then write the release into `dist/` atomically.
//!
//! The release itself, a pure function of the dataset, is rendered and installed by the
//! `cadres-export` library ([`cadres_export::install_dataset`]): `dataset.json`,
//! `dataset.schema.json`, `dataset.md`, `bibliography.json` (CSL-JSON), `data/` (a
//! Frictionless data package) and `dataset.jsonld` (JSON-LD); `docs/exports.md` describes
//! the last three. This task wires it to the project: it checks the dataset with the
//! validator and prints the report, installs the release, and refreshes the copies of it
//! committed in the project ([`copies`]).
//!
//! # Safety
//!
//! The dataset is checked first; on any error nothing is written, not even a temporary
//! folder. Otherwise the release is written into a temporary folder beside the output and
//! swapped into place ([`cadres_export::install`]), so that no file of an earlier release
//! survives and a failure leaves either the old release or the new one.

pub(crate) mod copies;

use std::fs;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

/// Checks `dataset`, then writes its release into `out`, replacing what was there.
///
/// When the check finds any error, prints the report, writes nothing and returns failure.
#[cfg(test)]
pub(crate) fn run(dataset: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    run_with(dataset, out, None, cadres_validate::MAX_FILES, None)
}

/// [`run`], verifying every quote against `archive` again when given, loading at most
/// `max_files` record files; with `copies`, a project root whose committed copies of the
/// release ([`copies`]) are then refreshed from the installed one.
///
/// The release is a function of the dataset alone: the archive can only refuse it.
pub(crate) fn run_with(
    dataset: &Path,
    out: &Path,
    archive: Option<&Path>,
    max_files: usize,
    copies: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let report = cadres_validate::check_with(
        &cadres_validate::Options {
            dataset: dataset.to_owned(),
            archive: archive.map(Path::to_owned),
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
    cadres_export::install_dataset(out, &data)?;
    let pages = fs::read_dir(out.join(cadres_export::markdown::PAGES)).map_or(0, Iterator::count);
    let of_pages = if pages > 0 {
        format!(
            ", {pages} pages of dataset.md in {}/",
            cadres_export::markdown::PAGES
        )
    } else {
        String::new()
    };
    println!(
        "wrote {}: {}{of_pages} ({} properties, {} sources, {} entities, {} claims)",
        display_name(out),
        cadres_export::FILES.join(", "),
        data.properties.len(),
        data.sources.len(),
        data.entities.len(),
        data.claims.len()
    );
    crate::free_at_exit(data);
    if let Some(root) = copies {
        refresh_copies(root, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Refreshes the committed copies under `root` from the release just installed in `out`,
/// and says which changed.
fn refresh_copies(root: &Path, out: &Path) -> anyhow::Result<()> {
    let files: Vec<(&str, Vec<u8>)> = copies::COPIES
        .iter()
        .map(|(name, _)| Ok((*name, fs::read(out.join(name))?)))
        .collect::<std::io::Result<_>>()
        .context("reading the release back for its committed copies")?;
    let expected = copies::expected(|name| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.as_slice())
    })?;
    let changed = copies::refresh(root, &expected)?;
    if changed.is_empty() {
        println!("committed copies are up to date: {}", copy_paths());
    } else {
        println!(
            "refreshed the committed copies: {} (commit them with the dataset)",
            changed.join(", ")
        );
    }
    Ok(())
}

fn copy_paths() -> String {
    copies::COPIES
        .iter()
        .map(|(_, path)| *path)
        .chain([copies::CONSTANTS])
        .collect::<Vec<_>>()
        .join(", ")
}

/// The output folder's name, for messages that should not print absolute paths.
fn display_name(out: &Path) -> String {
    out.file_name().map_or_else(
        || out.display().to_string(),
        |n| format!("{}/", n.to_string_lossy()),
    )
}

#[cfg(test)]
mod tests;
