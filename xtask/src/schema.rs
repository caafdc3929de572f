//! `cargo xtask schema [--check]`: the JSON Schemas in `schema/`, generated from the model.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use cadres_model::schema::RecordKind;

/// The text of each schema file, keyed by file name: pretty-printed, keys in generation
/// order, ending in a newline.
pub(crate) fn expected() -> anyhow::Result<Vec<(String, String)>> {
    RecordKind::ALL
        .iter()
        .map(|kind| {
            let text = serde_json::to_string_pretty(&kind.json_schema())?;
            Ok((kind.schema_file_name(), text + "\n"))
        })
        .collect()
}

/// The schema files that differ from what the model generates (missing ones included).
pub(crate) fn stale(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut stale = Vec::new();
    for (name, text) in expected()? {
        if fs::read_to_string(dir.join(&name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    Ok(stale)
}

/// Writes `schema/`, or with `check` only compares it with the model.
pub(crate) fn run(check: bool) -> anyhow::Result<ExitCode> {
    let dir = crate::project_root().join("schema");
    if check {
        let stale = stale(&dir)?;
        if stale.is_empty() {
            println!("schema/ is up to date");
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "error: schema/ is stale: {} differ from the model; run `cargo xtask schema` and commit the result",
            stale.join(", ")
        );
        return Ok(ExitCode::FAILURE);
    }
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in expected()? {
        let path = dir.join(&name);
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
            println!("wrote schema/{name}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    /// `schema/` is what the model generates.
    #[test]
    fn schema_folder_is_fresh() {
        let stale =
            super::stale(&crate::project_root().join("schema")).expect("model schemas serialize");
        assert!(
            stale.is_empty(),
            "schema/ is stale ({}): run `cargo xtask schema` and commit the result",
            stale.join(", ")
        );
    }
}
