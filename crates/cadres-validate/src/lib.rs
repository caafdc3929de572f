//! Loading and checking the cadres dataset.
//!
//! [`check`] reads a dataset folder, reports every problem it finds as a [`Diagnostic`], and
//! assembles the [`Dataset`] when the files could be read.
//!
//! This first version only deserializes each file into the model; the full rule catalogue,
//! spans and schema validation come with the validator issue.

use std::fs;
use std::path::{Path, PathBuf};

use cadres_model::{Dataset, EntityFile, Metadata, PropertiesFile, Source};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Blocks a release.
    Error,
    /// Worth fixing; does not block a release.
    Warning,
}

/// One problem found in the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable code.
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// The file, relative to the dataset folder, with `/` separators.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

/// What to check.
#[derive(Debug, Clone)]
pub struct Options {
    /// The dataset folder.
    pub dataset: PathBuf,
    /// A folder of `<source-id>.txt` texts to verify quotes against.
    pub archive: Option<PathBuf>,
}

/// The outcome of a check.
#[derive(Debug, Clone)]
pub struct Report {
    /// Every problem found, sorted by file.
    pub diagnostics: Vec<Diagnostic>,
    /// The dataset, when every file could be read.
    pub dataset: Option<Dataset>,
    /// How many files were read.
    pub files: usize,
}

impl Report {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Why the check could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The dataset folder could not be read.
    #[error("cannot read the dataset folder {path}: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let read = fs::read_dir(dir).map_err(|source| Error::Folder {
        path: dir.to_owned(),
        source,
    })?;
    let mut entries: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            toml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads and checks the dataset in `options.dataset`.
///
/// # Errors
/// Only when the folder itself cannot be read; problems in files are diagnostics.
pub fn check(options: &Options) -> Result<Report, Error> {
    let mut files = Vec::new();
    toml_files(&options.dataset, &mut files)?;
    let mut diagnostics = Vec::new();
    let mut metadata: Option<Metadata> = None;
    let mut properties = Vec::new();
    let mut sources = Vec::new();
    let mut entities = Vec::new();
    let mut claims = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&options.dataset)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let mut fail = |message: String| {
            diagnostics.push(Diagnostic {
                code: "E0001",
                severity: Severity::Error,
                file: rel.clone(),
                message,
            });
        };
        let text = match fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                fail(e.to_string());
                continue;
            }
        };
        let result = match rel.as_str() {
            "metadata.toml" => toml::from_str::<Metadata>(&text).map(|m| metadata = Some(m)),
            "properties.toml" => {
                toml::from_str::<PropertiesFile>(&text).map(|p| properties = p.property)
            }
            r if r.starts_with("sources/") => toml::from_str::<Source>(&text).map(|s| sources.push(s)),
            r if r.starts_with("entities/") => toml::from_str::<EntityFile>(&text).map(|e| {
                let (entity, mut c) = e.into_parts();
                entities.push(entity);
                claims.append(&mut c);
            }),
            _ => {
                fail("unexpected file in the dataset folder".to_owned());
                continue;
            }
        };
        if let Err(e) = result {
            fail(e.to_string());
        }
    }
    let dataset = metadata.map(|m| Dataset::new(m, properties, sources, entities, claims));
    Ok(Report {
        diagnostics,
        dataset,
        files: files.len(),
    })
}
