//! `cargo xtask export`: check the dataset, then describe the release it would write.
//!
//! Until the export issue lands this writes nothing: it loads and checks the dataset and
//! reports what the release would hold.

use std::path::Path;
use std::process::ExitCode;

/// Checks `dataset` and reports what a release in `out` would hold.
pub fn run(dataset: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    if crate::check::run(dataset, None, cadres_validate::Format::Human)? != ExitCode::SUCCESS {
        eprintln!("error: the dataset has errors; nothing was written");
        return Ok(ExitCode::FAILURE);
    }
    let report = cadres_validate::check(&cadres_validate::Options {
        dataset: dataset.to_owned(),
        archive: None,
    })?;
    let Some(data) = report.dataset else {
        anyhow::bail!("the dataset has no metadata.toml");
    };
    println!(
        "would write {}/dataset.json: {} properties, {} sources, {} entities, {} claims (writing is not implemented yet)",
        out.file_name().map_or_else(|| out.display().to_string(), |n| n.to_string_lossy().into_owned()),
        data.properties.len(),
        data.sources.len(),
        data.entities.len(),
        data.claims.len()
    );
    Ok(ExitCode::SUCCESS)
}
