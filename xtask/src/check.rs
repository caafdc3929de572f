//! `cargo xtask check`: run the validator over a dataset folder and print its report.

use std::path::Path;
use std::process::ExitCode;

use cadres_validate::{Options, Severity};

/// Checks `dataset` and prints every diagnostic; exit 0 when clean, 1 on errors.
pub fn run(dataset: &Path, archive: Option<&Path>) -> anyhow::Result<ExitCode> {
    let report = cadres_validate::check(&Options {
        dataset: dataset.to_owned(),
        archive: archive.map(Path::to_owned),
    })?;
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        eprintln!("{level}[{}]: {}: {}", d.code, d.file, d.message);
    }
    eprintln!(
        "checked {} files: {} problems",
        report.files,
        report.diagnostics.len()
    );
    Ok(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
