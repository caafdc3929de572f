//! The release of the cadres dataset, rendered from a [`cadres_model::Dataset`]: the
//! renderers behind `cargo xtask export` and `cargo xtask diff`, as a library that a
//! downstream tool can call without the project's build system.
//!
//! # What it renders
//!
//! A release is the eighteen files of [`FILES`], and a large document's pages:
//!
//! - `dataset.json`, the model's serde form, and `dataset.schema.json`, its JSON Schema
//!   ([`json`]);
//! - `dataset.md`, the document for readers ([`markdown`]); past 1 MB, an index page for
//!   the pages of `dataset/`, which are then files of the release too;
//! - `bibliography.json`, the sources as CSL-JSON ([`csl`]);
//! - `data/`, a Frictionless tabular data package: `datapackage.json` and one CSV table
//!   per record list ([`frictionless`]);
//! - `dataset.jsonld`, the dataset as JSON-LD 1.1 ([`jsonld`]).
//!
//! [`render`] gives them in memory as a [`Release`]; [`write_release`] streams each file
//! into a writer of the caller's; [`install`] and [`install_dataset`] put a release into a
//! folder atomically. [`diff`] compares two datasets field by field.
//!
//! # Input
//!
//! Every renderer takes the dataset as a [`Sorted`] view: each record list sorted by id,
//! by reference into a `&Dataset`. The dataset is not checked here: render one that
//! `cadres_validate` accepted (a release of a dataset with errors is well-formed but says
//! what the errors say).
//!
//! # Determinism
//!
//! Each file is a pure function of the dataset: the same records, in any order, give the
//! same bytes on any machine, in any folder, locale or time zone. Nothing reads a clock,
//! writes an absolute path or iterates a hash map.
//!
//! # Example
//!
//! ```
//! let dataset = cadres_model::Dataset::from_slice(cadres_data::JSON.as_bytes())?;
//! let release = cadres_export::render(&dataset)?;
//! assert_eq!(release.file("dataset.json"), Some(cadres_data::JSON.as_bytes()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod csl;
pub mod diff;
mod error;
pub mod escape;
pub mod frictionless;
mod human;
mod install;
pub mod json;
pub mod jsonld;
pub mod markdown;

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use cadres_model::{Claim, Dataset, Entity, Id, Property, Source};

pub use error::{Error, Result};
pub use install::{Sink, install, install_blank, install_dataset, install_streamed};

/// The file names of a release, in the order [`render`] gives them (paths relative to the
/// output folder, `/`-separated); a document too large for one page adds its pages,
/// `dataset/*.md` (see [`markdown`]).
pub const FILES: [&str; 18] = [
    "bibliography.json",
    "data/citation-cites.csv",
    "data/citation-names.csv",
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

/// A rendered release: each file's name and bytes, sorted by name ([`FILES`] order).
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

/// The dataset as a release holds it, the input of every renderer: each list sorted by
/// id, whatever order the records came in (references into the dataset, not a copy), and
/// what several formats share.
///
/// This is the seam where a streamed export would plug in: the renderers only walk these
/// lists in order, so sorted iterators over records read one file at a time could take
/// their place without changing what is written.
#[derive(Debug)]
pub struct Sorted<'a> {
    /// The dataset, for its metadata and quote verifications.
    pub dataset: &'a Dataset,
    /// The properties, by id.
    pub properties: Vec<&'a Property>,
    /// The sources, by id.
    pub sources: Vec<&'a Source>,
    /// The entities, by id.
    pub entities: Vec<&'a Entity>,
    /// The claims, by id.
    pub claims: Vec<&'a Claim>,
    /// The ids of the works read: every citation's `source`.
    pub(crate) read: FastSet<&'a str>,
}

impl<'a> Sorted<'a> {
    /// The lists of `dataset`, sorted by id.
    pub fn new(dataset: &'a Dataset) -> Sorted<'a> {
        // Stable sorts, as the release always had: records with one id keep their order.
        fn by_id<T>(items: &[T], id: impl Fn(&T) -> &Id) -> Vec<&T> {
            let mut sorted: Vec<&T> = items.iter().collect();
            sorted.sort_by(|a, b| id(a).cmp(id(b)));
            sorted
        }
        Sorted {
            dataset,
            properties: by_id(&dataset.properties, |p| &p.id),
            sources: by_id(&dataset.sources, |s| &s.id),
            entities: by_id(&dataset.entities, |e| &e.id),
            claims: by_id(&dataset.claims, |c| &c.id),
            read: dataset
                .claims
                .iter()
                .flat_map(|c| &c.citations)
                .map(|c| c.source.as_str())
                .collect(),
        }
    }
}

/// A `HashMap` for maps that are only looked up, never iterated, so that no output depends
/// on the hasher: foldhash with a fixed seed, much faster than `SipHash` on the short ids
/// and texts hashed here.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A `HashSet` with the hasher of [`FastMap`].
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

/// One file of a release and what writes it.
#[derive(Debug, Clone, Copy)]
enum Part {
    Bibliography,
    Json,
    JsonLd,
    Markdown,
    Schema,
    Package,
    /// A CSV table of the data package, by its place in [`frictionless::TABLES`].
    Table(usize),
}

impl Part {
    /// Every file of a release with its name, in [`FILES`] order.
    fn all() -> Vec<(String, Part)> {
        let mut parts = vec![
            ("bibliography.json".to_owned(), Part::Bibliography),
            ("dataset.json".to_owned(), Part::Json),
            ("dataset.jsonld".to_owned(), Part::JsonLd),
            ("dataset.md".to_owned(), Part::Markdown),
            ("dataset.schema.json".to_owned(), Part::Schema),
            (
                format!("{}/datapackage.json", frictionless::FOLDER),
                Part::Package,
            ),
        ];
        parts.extend(frictionless::TABLES.iter().enumerate().map(|(i, name)| {
            (
                format!("{}/{name}.csv", frictionless::FOLDER),
                Part::Table(i),
            )
        }));
        parts.sort_by(|a, b| a.0.cmp(&b.0));
        parts
    }

    /// A guess at the part's share of the work, larger first: the order in which the
    /// threads pick the parts up, so that the longest does not start last.
    fn weight(self) -> usize {
        match self {
            Part::Markdown => 0,
            Part::JsonLd => 1,
            Part::Json => 2,
            Part::Table(i) => 3 + frictionless::weight(i),
            Part::Bibliography => 20,
            Part::Package => 21,
            Part::Schema => 22,
        }
    }

    /// Writes the part named `name` into `out`.
    fn write(self, name: &str, sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<()> {
        match self {
            Part::Bibliography => csl::write(sorted, out),
            Part::Json => json::dataset(sorted, out),
            Part::JsonLd => jsonld::write(sorted, out),
            Part::Markdown => markdown::write(sorted, out),
            Part::Schema => json::schema(out),
            Part::Package => frictionless::package(sorted, out),
            Part::Table(i) => frictionless::table(i, sorted, out),
        }
        .map_err(|e| Error::Render {
            file: name.to_owned(),
            source: Box::new(e),
        })
    }
}

/// Writes each file of the release of `dataset` through `sink`, which is given the file's
/// name (relative to the release folder, `/`-separated) and a function that writes its
/// bytes into a writer; it returns when every file is written. The files are written on
/// as many threads as there are cores; each file's bytes are a pure function of the
/// dataset, byte-identical for the same records in any order.
///
/// # Errors
///
/// The first error in [`FILES`] order, of `sink` or of a file's rendering.
pub fn write_release<S>(dataset: &Dataset, sink: S) -> Result<()>
where
    S: Fn(&str, &dyn Fn(&mut dyn Write) -> Result<()>) -> Result<()> + Sync,
{
    let sorted = Sorted::new(dataset);
    let parts = Part::all();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].1.weight());
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<()>>>> = parts.iter().map(|_| Mutex::new(None)).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(parts.len());
    let work = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let (name, part) = &parts[i];
            let result = match part {
                // One page, or an index page and pages: as many files as it takes.
                Part::Markdown => {
                    markdown::write_pages(&sorted, markdown::PAGE_BYTES, &mut |file, bytes| {
                        sink(file, &|out| Ok(out.write_all(bytes)?))
                    })
                    .map_err(|e| Error::Render {
                        file: name.clone(),
                        source: Box::new(e),
                    })
                }
                _ => sink(name, &|out| part.write(name, &sorted, out)),
            };
            *results[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    for (result, (name, _)) in results.into_iter().zip(&parts) {
        match result.into_inner().unwrap_or_else(PoisonError::into_inner) {
            Some(result) => result?,
            None => return Err(Error::NotWritten(name.clone())),
        }
    }
    Ok(())
}

/// Renders the release of `dataset` in memory: a pure function, byte-identical for the same
/// records in any order.
pub fn render(dataset: &Dataset) -> Result<Release> {
    let files = Mutex::new(Vec::new());
    write_release(dataset, |name, contents| {
        let mut bytes = Vec::new();
        contents(&mut bytes)?;
        files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((name.to_owned(), bytes));
        Ok(())
    })?;
    let mut files = files.into_inner().unwrap_or_else(PoisonError::into_inner);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Release { files })
}

#[cfg(test)]
mod tests {
    use cadres_model::Rank;

    #[test]
    fn rank_names_are_the_serde_names() {
        for rank in Rank::ALL {
            assert_eq!(
                serde_json::to_value(rank).expect("serializes"),
                serde_json::Value::String(rank.as_str().to_owned())
            );
        }
    }
}
