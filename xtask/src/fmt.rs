//! `cargo xtask fmt`: rewrite dataset files into one canonical form, losing nothing.
//!
//! The canonical form, and the check that it keeps the data and every comment, are the
//! `cadres-fmt` library's ([`cadres_fmt::format`]); this module walks the dataset folder,
//! rewrites each file that differs through a temporary file beside it, and prints what it
//! did. A file that does not parse, is not UTF-8 or fails the check is reported and left as
//! it was. A symbolic link is skipped.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use cadres_fmt::ParseError;

/// What `run` did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Already canonical.
    Unchanged,
    /// Differs from its canonical form (and was rewritten unless checking).
    Changed,
    /// Cannot be formatted (it does not parse); left as it was.
    Invalid(ParseError),
    /// A symbolic link, left alone (the validator reports links).
    Link,
}

/// Formats one file in place (or only compares, when `check`).
#[cfg(test)]
pub(crate) fn format_file(path: &Path, check: bool) -> anyhow::Result<Outcome> {
    format_file_with_notes(path, check).map(|(outcome, _)| outcome)
}

/// [`format_file`], with the notes of [`cadres_fmt::Formatted::notes`].
pub(crate) fn format_file_with_notes(
    path: &Path,
    check: bool,
) -> anyhow::Result<(Outcome, Vec<String>)> {
    let meta = fs::symlink_metadata(path).with_context(|| format!("reading {}", path.display()))?;
    if meta.file_type().is_symlink() {
        return Ok((Outcome::Link, Vec::new()));
    }
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let formatted = match cadres_fmt::format_bytes(&bytes, cadres_fmt::kind_from_path(path)) {
        Ok(f) => f,
        Err(e) => return Ok((Outcome::Invalid(e), Vec::new())),
    };
    if formatted.text.as_bytes() == bytes {
        return Ok((Outcome::Unchanged, formatted.notes));
    }
    if !check {
        write_atomically(path, &formatted.text)?;
    }
    Ok((Outcome::Changed, formatted.notes))
}

/// Every `.toml` file under `dir`, sorted.
pub(crate) fn toml_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
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

/// `cargo xtask fmt`: formats `files`, or every `.toml` file under `dataset` when none is
/// given. With `check`, only lists the files that differ. Exit 1 when a file differs (with
/// `check`) or cannot be formatted.
pub(crate) fn run(dataset: &Path, files: &[PathBuf], check: bool) -> anyhow::Result<ExitCode> {
    let files = if files.is_empty() {
        toml_files(dataset)?
    } else {
        files.to_vec()
    };
    let (mut changed, mut invalid) = (0, 0);
    for path in &files {
        let (outcome, notes) = format_file_with_notes(path, check)?;
        match outcome {
            Outcome::Unchanged => {}
            Outcome::Changed => {
                changed += 1;
                if check {
                    println!("{}", path.display());
                } else {
                    eprintln!("formatted {}", path.display());
                }
            }
            Outcome::Invalid(e) => {
                invalid += 1;
                eprintln!("error: {}:{e}", path.display());
            }
            Outcome::Link => eprintln!("skipped {}: a symbolic link", path.display()),
        }
        for note in notes {
            eprintln!("note: {}: {note}", path.display());
        }
    }
    if check && changed > 0 {
        eprintln!(
            "{changed} of {} files are not formatted: run `cargo xtask fmt`",
            files.len()
        );
    }
    if invalid > 0 {
        eprintln!("{invalid} files could not be formatted and were left as they are");
    }
    Ok(if invalid > 0 || (check && changed > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Replaces `path` with `text` through a temporary file in the same folder, so that the file
/// is never half written; keeps the file's permissions.
pub(crate) fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, text.as_bytes())?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(tmp.path(), meta.permissions())
            .with_context(|| format!("copying the permissions of {}", path.display()))?;
    }
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests;
