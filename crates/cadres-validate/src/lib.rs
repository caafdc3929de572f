//! Loading and checking the cadres dataset.
//!
//! [`check`] reads a dataset folder, reports every problem in every file as a
//! [`Diagnostic`] pointing at the key or value at fault, and assembles the [`Dataset`]
//! whenever `metadata.toml` could be read. [`render`] prints a report for people, as JSON
//! lines or as GitHub annotations.
//!
//! # Pipeline
//!
//! 1. **Walk** the folder in sorted order (`load`): unexpected files,
//!    symbolic links leading outside, missing files.
//! 2. **Stream** (`stream`), unless quotes are checked against an archive: every file
//!    read the fast way, every rule of [`rules`] run on each record as it arrives against
//!    compact facts, ids kept as hashes. A clean dataset ends here. Otherwise the stream
//!    names the files with something to report (the suspects), or gives up when a problem
//!    reaches past its file.
//! 3. **Load** the suspects (or, when the stream gave up, every file) in parallel: size
//!    and UTF-8, TOML syntax (with spans), then the typed record straight from the tree
//!    when nothing in it is suspect; otherwise the newtype values (ids, EDTF dates, ISBNs,
//!    URLs, language tags), text rules, the JSON Schema of its kind, and as much of the
//!    record as fits.
//! 4. **Cross-record rules** on the loaded records, the same functions the stream ran,
//!    ids resolved through one hash map and, for the files not loaded, through what the
//!    stream knew of them: the diagnostics are those of a check of every file.
//! 5. **Quotes** against `--archive DIR`, when given.
//!
//! Each rule has a stable code and name: see [`rules::ALL`] and `docs/rules.md`.
//!
//! # Paths
//!
//! [`Diagnostic::file`] is relative to the dataset folder, with `/` separators; renderers
//! put [`RenderOptions::prefix`] before it. No absolute path ever appears in a diagnostic.

mod archive;
mod checks;
mod diagnostic;
mod limits;
mod load;
mod render;
mod roots;
pub mod rules;
mod scan;

mod spans;
mod stream;
mod suggest;
#[doc(hidden)]
pub mod testing;
mod verified;
mod walk;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use cadres_model::{Dataset, Metadata};

/// A hash map with a fast hasher and a fixed seed, for maps that are only looked up: no
/// output depends on its order.
pub(crate) type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

pub use archive::{closest_passage, fold};
pub use diagnostic::{Diagnostic, Related, Severity, Span};
pub use limits::{MAX_DEPTH, MAX_FILE_BYTES, MAX_FILES, MAX_STRING_CHARS};
pub use render::{Format, RenderOptions, plural, render, summary};
pub use rules::MAX_QUOTE_CHARS;
pub use rules::structure::schema::compile_schema;
pub use rules::{Category, Rule};
pub use stream::Doubt;
pub use suggest::closest;
pub use verified::{LOCK_FILE, QuoteHash, VERIFY_COMMAND, lock_text, pin_of, quote_hash};

use load::Record;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The dataset folder.
    pub dataset: PathBuf,
    /// A folder of `<source-id>.txt` texts to verify quotes against.
    pub archive: Option<PathBuf>,
}

/// The outcome of a check.
#[derive(Debug, Clone)]
pub struct Report {
    /// Every problem found, sorted by file, then position.
    pub diagnostics: Vec<Diagnostic>,
    /// The dataset, assembled from every record that could be read, whenever
    /// `metadata.toml` could be read. Only a report without errors holds a whole dataset.
    pub dataset: Option<Dataset>,
    /// How many record files were read.
    pub files: usize,
    /// The text of each file that has a diagnostic with a span, keyed like
    /// [`Diagnostic::file`], for renderers to quote.
    pub texts: BTreeMap<String, String>,
}

impl Report {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Why the check could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The dataset or archive folder could not be read.
    #[error("cannot read the folder {path}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The cause, given as the error's source.
        source: std::io::Error,
    },
    /// A schema generated from the model does not compile: a bug in the model.
    #[error("the JSON Schema of {0} files does not compile")]
    Schema(String),
}

/// Checks the bytes of one file of `kind` on their own, in memory, with no folder: UTF-8,
/// TOML syntax, the `#:schema` line, the file's place given by `rel` (its path relative to
/// the dataset folder, `/`-separated, as [`Diagnostic::file`] names it), newtype values,
/// text rules, limits and the JSON Schema of its kind.
///
/// The rules across records, the file size limit and the archive are left out: they need a
/// dataset. This is the entry point of the loader's fuzz target; any bytes give
/// diagnostics, never a panic.
pub fn check_file(
    kind: cadres_model::schema::RecordKind,
    rel: &str,
    bytes: &[u8],
) -> Vec<Diagnostic> {
    let _ = rules::structure::schema::ensure_compiled();
    let mut diagnostics = load::load_bytes(kind, rel, bytes.to_vec()).diagnostics;
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    diagnostics
}

/// How a check runs, beside what it checks: see [`check_with`].
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// The most record files the walk loads; the rest are reported under
    /// `limit-exceeded`. [`MAX_FILES`] by default.
    pub max_files: usize,
    /// Assemble [`Report::dataset`]. A check that only reports (`cargo xtask check`) sets
    /// it to `false` and gets `None`, so that no record outlives the cross-file rules.
    pub assemble: bool,
    /// Called with the pass, the number of files it has read so far and the total, every
    /// thousand files or so and once at the end of a pass, from any thread: for a progress
    /// bar. A check that finds something in the streaming pass starts the full pass from
    /// the first file.
    pub progress: Option<fn(Pass<'_>, usize, usize)>,
}

/// Which pass over the files a progress report is about: see [`check_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass<'a> {
    /// The streaming pass, which proves a dataset clean holding little in memory.
    Streaming,
    /// The full check, which loads every file to point at and explain what it finds, and
    /// why it runs: what made the streaming pass doubt (a rule and a file), or `None` when
    /// the full check runs from the start, because quotes are checked against an archive.
    Full(Option<&'a Doubt>),
    /// The full check of only the files the streaming pass found something in, to point
    /// at and explain it, with what made the first of them doubtful.
    Pointing(&'a Doubt),
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            max_files: MAX_FILES,
            assemble: true,
            progress: None,
        }
    }
}

/// Reads and checks the dataset in `options.dataset`.
///
/// # Errors
/// Only when the tool cannot run: the dataset or archive folder cannot be read, or a
/// schema does not compile. Problems in files are diagnostics.
pub fn check(options: &Options) -> Result<Report, Error> {
    check_with(options, &Tuning::default())
}

/// [`check`], with the limits and the output of `tuning`.
///
/// # Errors
/// As [`check`].
pub fn check_with(options: &Options, tuning: &Tuning) -> Result<Report, Error> {
    rules::structure::schema::ensure_compiled().map_err(|k| Error::Schema(k.to_string()))?;
    let walk = walk::walk(&options.dataset, tuning.max_files)?;
    let files = walk.files.len();
    // First the streaming pass, in little memory (or in the records' memory, when the
    // dataset is assembled): clean, or the files the full driver must read again to point
    // at what it found; when it gives up, the full check below reads every file.
    let lock = verified::read(&options.dataset);
    let doubt = if options.archive.is_some() {
        None
    } else if let Some(d) = walk.diagnostics.first() {
        Some(Doubt {
            rule: rules::by_code(d.code),
            file: Some(d.file.clone()),
        })
    } else {
        match stream::clean(&walk.files, lock.lock(), tuning.progress, tuning.assemble) {
            Ok(stream::Outcome::Clean(dataset)) => {
                return Ok(Report {
                    diagnostics: Vec::new(),
                    dataset,
                    files,
                    texts: BTreeMap::new(),
                });
            }
            Ok(stream::Outcome::Suspects(background)) => {
                return pointed(options, tuning, walk, &lock, &background);
            }
            Err(doubt) => Some(doubt),
        }
    };
    Ok(full(
        options,
        tuning,
        walk,
        &lock,
        archive::Mode::Check,
        doubt.as_ref(),
    )?
    .0)
}

/// The full driver on the files the streaming driver found something in, with the rest of
/// the dataset known through `background`: the same diagnostics as a full check of every
/// file, reading again only the files they point into.
fn pointed(
    options: &Options,
    tuning: &Tuning,
    walk: walk::Walk,
    lock: &verified::Read,
    background: &stream::Background,
) -> Result<Report, Error> {
    let total = walk.files.len();
    let mut keep = background.suspects.iter().copied().peekable();
    let files = walk
        .files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.next_if_eq(i).is_some())
        .map(|(_, f)| f)
        .collect();
    let subset = walk::Walk {
        files,
        diagnostics: walk.diagnostics,
    };
    let (mut report, _) = full_with(
        options,
        tuning,
        subset,
        lock,
        archive::Mode::Check,
        Pass::Pointing(&background.first),
        Some(background),
    )?;
    report.files = total;
    Ok(report)
}

/// What `cargo xtask archive verify` writes: the pins of the archived texts and the record
/// of the quotes found in them, if every quote was found.
#[derive(Debug)]
pub struct Verified {
    /// The check's report, with the archive: every quote not found in its text, every
    /// source with no text in the archive, and every other problem.
    pub report: Report,
    /// For each source read whose text is in the archive, in id order: its file (as
    /// [`Diagnostic::file`] names it), its id, its pin before, and its pin now.
    pub pins: Vec<Repin>,
    /// The new text of `quotes.lock`.
    pub lock: String,
    /// How many citations' quotes were found in their texts.
    pub quotes: usize,
    /// How many different quotes the record holds.
    pub distinct: usize,
}

/// A source's pin, before and after verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repin {
    /// The source's file, relative to the dataset folder.
    pub file: String,
    /// The source's id.
    pub source: String,
    /// Its `archived-text` before.
    pub old: Option<cadres_model::TextPin>,
    /// The pin of its archived text now.
    pub new: cadres_model::TextPin,
}

impl Verified {
    /// Whether the pins and the record may be written: every quote was found in its text,
    /// every source read has its text in the archive, and every file could be loaded (a
    /// file that cannot be would hide its quotes).
    pub fn complete(&self) -> bool {
        !self.report.diagnostics.iter().any(|d| {
            d.waiting > 0
                || [
                    rules::QUOTE_NOT_IN_ARCHIVE.code,
                    rules::MISSING_ARCHIVED_TEXT.code,
                    rules::NOT_UTF8.code,
                    rules::TOML_SYNTAX.code,
                    rules::UNREADABLE_FILE.code,
                    rules::FILE_TOO_LARGE.code,
                ]
                .contains(&d.code)
        })
    }
}

/// Finds every quote of the dataset in `dataset` in the archived text of its source in
/// `archive`, and gives the pins and the record that `cargo xtask archive verify` writes.
/// A text that differs from its source's pin is no error here: it is pinned anew, and
/// [`Repin`] says so. Nothing is written.
///
/// # Errors
/// As [`check`].
pub fn verify(dataset: &std::path::Path, archive: &std::path::Path) -> Result<Verified, Error> {
    rules::structure::schema::ensure_compiled().map_err(|k| Error::Schema(k.to_string()))?;
    let options = Options {
        dataset: dataset.to_owned(),
        archive: Some(archive.to_owned()),
    };
    let tuning = Tuning {
        assemble: false,
        ..Tuning::default()
    };
    let walk = walk::walk(dataset, tuning.max_files)?;
    let (report, found) = full(
        &options,
        &tuning,
        walk,
        &verified::Read::Missing,
        archive::Mode::Verify,
        None,
    )?;
    let (pins, quotes, citations) = found.unwrap_or_default();
    let distinct = quotes.values().map(std::collections::BTreeSet::len).sum();
    let pinned = pins
        .iter()
        .map(|p| (p.source.clone(), p.new.clone()))
        .collect();
    let lock = verified::lock_text(&pinned, &quotes);
    Ok(Verified {
        report,
        pins,
        lock,
        quotes: citations,
        distinct,
    })
}

/// A file whose text changed (or vanished) between loading and a rule pointing into it:
/// its diagnostics lose their places, which were computed on a text that is no longer
/// there, and one more says so.
fn unpoint_stale(loaded: &[load::Loaded], diagnostics: &mut Vec<Diagnostic>) {
    for f in loaded {
        let Some(why) = f.stale.get() else { continue };
        for d in diagnostics.iter_mut() {
            if d.file == f.rel {
                d.span = None;
            }
            for r in d.related.iter_mut().filter(|r| r.file == f.rel) {
                r.span = None;
            }
        }
        diagnostics.push(rules::structure::unreadable_file::changed(&f.rel, why));
    }
}

/// The full check: every file loaded, every rule run on the whole dataset in memory,
/// every problem found and pointed at.
///
/// In [`archive::Mode::Verify`] the rules on pins and the record are left out (they are
/// what verification writes), and the archive's findings are returned with each read
/// source's file and pin before. `why` is what sent the check here, for the progress line.
fn full(
    options: &Options,
    tuning: &Tuning,
    walk: walk::Walk,
    lock: &verified::Read,
    mode: archive::Mode,
    why: Option<&Doubt>,
) -> Result<(Report, Option<Found>), Error> {
    full_with(options, tuning, walk, lock, mode, Pass::Full(why), None)
}

/// [`full`], reporting progress as `pass`, on the walked files alone or, with a
/// `background`, on those with the rest of the dataset known through it.
fn full_with(
    options: &Options,
    tuning: &Tuning,
    walk: walk::Walk,
    lock: &verified::Read,
    mode: archive::Mode,
    pass: Pass<'_>,
    background: Option<&stream::Background>,
) -> Result<(Report, Option<Found>), Error> {
    let files = walk.files.len();
    let loaded = load::load_all(walk.files, tuning.progress, pass);
    let mut diagnostics = walk.diagnostics;
    for f in &loaded {
        diagnostics.extend(f.diagnostics.iter().cloned());
    }
    let roots = roots::find(&diagnostics, &loaded);
    let ix = checks::Index::new(&loaded, &roots, background);
    checks::run(&ix, &mut diagnostics);
    let mut found = None;
    match mode {
        archive::Mode::Check => {
            // With the archive, a quote not found in its text is reported as that alone.
            let texts = match &options.archive {
                Some(dir) => Some(archive::verify(dir, &ix, mode, &mut diagnostics)?),
                None => None,
            };
            rules::provenance::unverified_quote::check(&ix, lock, texts.as_ref(), &mut diagnostics);
            if texts.is_some() {
                rules::provenance::stale_verification::check(
                    &ix,
                    lock,
                    &options.dataset,
                    &mut diagnostics,
                );
            }
        }
        archive::Mode::Verify => {
            if let Some(dir) = &options.archive {
                let f = archive::verify(dir, &ix, mode, &mut diagnostics)?;
                let pins = f
                    .pins
                    .into_iter()
                    .map(|(id, (fi, new))| Repin {
                        file: loaded[fi].rel.clone(),
                        old: ix
                            .sources
                            .get(id.as_str())
                            .and_then(|(_, s)| s.archived_text.clone()),
                        source: id,
                        new,
                    })
                    .collect();
                found = Some((pins, f.quotes, f.citations));
            }
        }
    }
    drop(ix);
    roots::annotate(&roots, &mut diagnostics);
    unpoint_stale(&loaded, &mut diagnostics);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    let mut texts = BTreeMap::new();
    let mut metadata: Option<Metadata> = None;
    let (mut properties, mut sources, mut entities, mut claims) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let pointed: HashSet<String> = diagnostics
        .iter()
        .filter(|d| d.span.is_some())
        .map(|d| d.file.clone())
        .chain(
            diagnostics
                .iter()
                .flat_map(|d| &d.related)
                .filter(|r| r.span.is_some())
                .map(|r| r.file.clone()),
        )
        .collect();
    if pointed.contains(LOCK_FILE) {
        let text = match lock {
            verified::Read::Broken(_, text) => Some(text.clone()),
            verified::Read::Found(_) => verified::text_of(&options.dataset),
            verified::Read::Missing => None,
        };
        if let Some(text) = text {
            texts.insert(LOCK_FILE.to_owned(), text);
        }
    }
    for f in loaded {
        let record = if pointed.contains(&f.rel) {
            let mut f = f;
            let record = f.record.take();
            texts.insert(f.rel.clone(), f.into_text());
            record
        } else {
            f.record
        };
        if !tuning.assemble {
            continue;
        }
        match record {
            Some(Record::Metadata(m)) => metadata = Some(m),
            Some(Record::Properties(p)) => properties.extend(p.property),
            Some(Record::Source(s)) => sources.push(*s),
            Some(Record::Entity(e)) => entities.push(e.split_into(&mut claims)),
            None => {}
        }
    }
    let dataset = metadata.map(|m| {
        let mut d = Dataset::new(m, properties, sources, entities, claims);
        d.quote_verification = verified::summarize(&d, lock.lock());
        d
    });
    Ok((
        Report {
            diagnostics,
            dataset,
            files,
            texts,
        },
        found,
    ))
}

/// What verification found: the new pins, and the quotes found in each text.
type Found = (
    Vec<Repin>,
    BTreeMap<String, std::collections::BTreeSet<verified::QuoteHash>>,
    usize,
);
