//! `cargo xtask archive verify --archive DIR`: find every quote in the archived text of its
//! source, then pin each text in its source file (`archived-text`) and write the record of
//! verified quotes, `dataset/quotes.lock`.
//!
//! It writes nothing unless every quote was found and every source read has its text in
//! the archive: a quote that is missing is reported at its file and line with the closest
//! passage, as `check --archive` reports it. Every file it changes is named, with the pin
//! before and after; nothing else in a source file changes: its `archived-text` value is
//! replaced where it stands, or one line is added.

use std::fs;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use cadres_model::TextPin;
use toml_edit::Item;

/// The environment variable that names the archive folder when `--archive` is not given.
pub(crate) const ENV: &str = "CADRES_ARCHIVE";

/// Verifies every quote of `dataset` against `archive`, then writes the pins and the record.
pub(crate) fn verify(dataset: &Path, archive: &Path) -> anyhow::Result<ExitCode> {
    let verified = cadres_validate::verify(dataset, archive)
        .with_context(|| format!("verifying the quotes of {}", dataset.display()))?;
    if !verified.report.diagnostics.is_empty() {
        let options = cadres_validate::RenderOptions {
            format: cadres_validate::Format::Human,
            color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            prefix: crate::check::display_prefix(dataset),
        };
        eprint!("{}", cadres_validate::render(&verified.report, &options));
    }
    if !verified.complete() {
        eprintln!(
            "error: not every quote could be verified against {}; nothing was written",
            archive.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let changed = write(dataset, &verified)?;
    println!(
        "verified {} ({} different) in {} against {}; {}",
        cadres_validate::plural(verified.quotes, "quote"),
        verified.distinct,
        cadres_validate::plural(verified.pins.len(), "source"),
        archive.display(),
        if changed.is_empty() {
            "the pins and the record were already up to date".to_owned()
        } else {
            format!(
                "wrote {} (commit them with the dataset)",
                changed.join(", ")
            )
        }
    );
    Ok(if verified.report.has_errors() {
        eprintln!("note: the dataset has other errors: `cargo xtask check` lists them");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes the pins and the record of `verified` into `dataset`, saying what changed, and
/// returns the files written.
fn write(dataset: &Path, verified: &cadres_validate::Verified) -> anyhow::Result<Vec<String>> {
    let mut changed = Vec::new();
    for pin in &verified.pins {
        if pin.old.as_ref() == Some(&pin.new) {
            continue;
        }
        let path = dataset.join(&pin.file);
        write_pin(&path, &pin.new)?;
        match &pin.old {
            None => println!("pinned {}: {}", pin.file, pin.new),
            Some(old) => println!(
                "re-pinned {}: the archived text changed from {old} to {}",
                pin.file, pin.new
            ),
        }
        changed.push(pin.file.clone());
    }
    let lock = dataset.join(cadres_validate::LOCK_FILE);
    let before = fs::read_to_string(&lock).ok();
    if before.as_deref() != Some(verified.lock.as_str()) {
        write_atomically(&lock, verified.lock.as_bytes())?;
        changed.push(cadres_validate::LOCK_FILE.to_owned());
    }
    Ok(changed)
}

/// A test fixture's stand-in for an archive: for each source its claims are read from, a
/// text made of the fixture's own quotes, one per paragraph. A fixture with an archive of
/// its own (`<fixture>/.archive/`, used by `check --archive` in the tests) keeps it.
///
/// Fixtures are made-up datasets with no text behind them; this lets each one pin a text
/// and record its quotes as verified, so that a fixture shows only the rule it is about.
/// Only for fixtures: a real dataset's quotes are verified against the texts that were read.
/// A rule fixture (`tests/fixtures/invalid/<rule>/`, an overlay on `tests/fixtures/base/`)
/// is pinned as the dataset it makes, and each file written is kept in the overlay where it
/// differs from the base.
pub(crate) fn pin_fixtures(dirs: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let rules = fs::canonicalize(cadres_validate::testing::fixtures().join("invalid"))?;
    for dir in dirs {
        let is_rule = fs::canonicalize(dir)?.parent() == Some(rules.as_path());
        let changed = if is_rule {
            // An overlay on tests/fixtures/base: pin its dataset, then keep in the overlay
            // each written file that differs from the base.
            let built = tempfile::tempdir()?;
            cadres_validate::testing::rule_fixture(dir, built.path())?;
            let changed = pin(built.path())?;
            let base = cadres_validate::testing::fixtures().join("base");
            for rel in &changed {
                let text = fs::read(built.path().join(rel))?;
                let own = dir.join(rel);
                if fs::read(base.join(rel)).is_ok_and(|b| b == text) {
                    if own.exists() {
                        fs::remove_file(&own)?;
                    }
                } else {
                    if let Some(parent) = own.parent() {
                        fs::create_dir_all(parent)?;
                    }
                    write_atomically(&own, &text)?;
                }
            }
            changed
        } else {
            pin(dir)?
        };
        println!(
            "{}: {}",
            dir.display(),
            if changed.is_empty() {
                "up to date".to_owned()
            } else {
                changed.join(", ")
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Pins the dataset folder `dir` as [`pin_fixtures`] says; the files it wrote.
fn pin(dir: &Path) -> anyhow::Result<Vec<String>> {
    let own = dir.join(".archive");
    let made = tempfile::tempdir()?;
    let archive = if own.is_dir() {
        own
    } else {
        let report = cadres_validate::check(&cadres_validate::Options {
            dataset: dir.to_owned(),
            archive: None,
        })?;
        let mut texts = std::collections::BTreeMap::<String, String>::new();
        for cit in report
            .dataset
            .iter()
            .flat_map(|d| &d.claims)
            .flat_map(|c| &c.citations)
        {
            let text = texts.entry(cit.source.to_string()).or_default();
            text.push_str(cit.quote.as_deref().unwrap_or(""));
            text.push_str("\n\n");
        }
        for (id, text) in texts {
            fs::write(made.path().join(format!("{id}.txt")), text)?;
        }
        made.path().to_owned()
    };
    let verified = cadres_validate::verify(dir, &archive)?;
    write(dir, &verified)
}

/// Sets `archived-text` in the source file at `path` to `pin`, changing nothing else: the
/// value is replaced where it stands, or one line is added at the end of the file's top
/// table, with the file's own line ending.
fn write_pin(path: &Path, pin: &TextPin) -> anyhow::Result<()> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let edited = set_pin(&text, pin).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    write_atomically(path, edited.as_bytes())
}

/// A pin as the value of `archived-text`, in canonical form.
pub(crate) fn pin_value(pin: &TextPin) -> String {
    format!("{{ sha256 = \"{}\", length = {} }}", pin.sha256, pin.length)
}

/// [`write_pin`] on a file's text.
pub(crate) fn set_pin(text: &str, pin: &TextPin) -> Result<String, String> {
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let body = &text[bom.len()..];
    let doc = toml_edit::Document::parse(body).map_err(|e| e.message().to_owned())?;
    let value = pin_value(pin);
    let (at, insert) = if let Some(span) = doc.get("archived-text").and_then(Item::span) {
        (span, value)
    } else {
        let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
        // Before the first table header, if the file has one; else at the end.
        let header = doc
            .iter()
            .filter_map(|(_, item)| match item {
                Item::Table(t) if !t.is_implicit() => t.span(),
                Item::ArrayOfTables(a) => a.iter().find_map(toml_edit::Table::span),
                _ => None,
            })
            .map(|s| s.start)
            .min();
        let line = format!("archived-text = {value}{eol}");
        match header {
            Some(start) => {
                let start = body[..start].rfind('\n').map_or(0, |i| i + 1);
                (start..start, line)
            }
            None if body.is_empty() || body.ends_with('\n') => (body.len()..body.len(), line),
            None => (body.len()..body.len(), format!("{eol}{line}")),
        }
    };
    Ok(format!(
        "{bom}{}{insert}{}",
        &body[..at.start],
        &body[at.end..]
    ))
}

/// Writes `bytes` to `path` through a temporary file beside it, so that an interrupted
/// write leaves the old file whole.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_owned);
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("writing into {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    // The file keeps its permissions; a new one gets a file's usual `rw-r--r--`, not the
    // temporary file's owner-only mode.
    match fs::metadata(path) {
        Ok(m) => tmp.as_file().set_permissions(m.permissions())?,
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                tmp.as_file()
                    .set_permissions(fs::Permissions::from_mode(0o644))?;
            }
        }
    }
    tmp.persist(path)
        .with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests;
