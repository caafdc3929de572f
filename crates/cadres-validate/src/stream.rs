//! The streaming driver: proves a dataset clean in one pass, holding one record per thread
//! and a few compact facts, or gives up.
//!
//! A check that only reports (no `--archive`, no dataset to assemble) runs this first. It
//! reads `metadata.toml` and `properties.toml`, then every source, then every entity, each
//! file the fast way, and runs on each record the rules of `rules/` (the same functions the
//! full driver runs) against what is already known: the sources (read before the
//! entities), the entities' ids and kinds (from their paths, which a clean file agrees
//! with), and the file's own claims (a claim may only dispute a claim of its own subject).
//! Its sink ([`First`]) stops at the first report without building it. Ids are kept only as
//! 64-bit hashes, each file's sorted, then sorted together an eighth at a time to find
//! duplicates. The record is dropped right after, in its thread.
//!
//! How a quote names its claim's entities needs every entity's names, which are known only
//! at the end: each entity leaves its names, which of them its own quotes name it by, and
//! the quotes (in the form names are matched in) of the citations that name their value
//! entity by a label or alias rather than under `as-named`. Once every entity is read,
//! those are checked against the names of all, with the predicates of `names.rs` the full
//! check uses.
//!
//! It produces no diagnostic. It answers only "nothing to report", and is conservative:
//! at the first sign of anything a full check would report (a file not clean on its own,
//! a rule's report, two equal id hashes) it stops with a [`Doubt`] naming the rule and the
//! file, and [`crate::check_with`] runs the full check, which finds, points at and explains
//! every problem. A test checks on every fixture dataset that it gives up whenever the full
//! check reports anything, and that on each rule's fixture the rule that stopped it is
//! that fixture's rule.

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use foldhash::fast::FixedState;
use rayon::prelude::*;

use cadres_model::schema::RecordKind;
use cadres_model::{ClaimRecord, Dataset, EntityFile, EntityKind, Id, Metadata, Property, Source};

use crate::Map;
use crate::load::{Loaded, Record, read_clean};
use crate::rules::lookup::{ClaimAt, FileNo, First, Lookup, Namespace};
use crate::rules::provenance::names::{self, NameTable};
use crate::rules::provenance::unverified_quote::{self, Standing};
use crate::rules::{self, Rule};
use crate::verified::{Lock, quote_hash, summary};
use crate::walk::Found;

/// What the entities' claims need of a source.
struct SourceFacts<'a> {
    file: FileNo,
    source: &'a Source,
    cited: AtomicBool,
    /// Whether a citation names it as its `source`: then it must pin its text.
    read: AtomicBool,
    /// The citations that quote it, and of those the ones `quotes.lock` verifies: the
    /// release's summary, counted as each quote is judged rather than hashed again.
    quotes: AtomicU64,
    verified: AtomicU64,
}

/// What is known when the entities are read.
struct Context<'a> {
    files: &'a [Found],
    metadata: &'a Metadata,
    properties: Map<&'a str, &'a Property>,
    sources: Map<&'a str, SourceFacts<'a>>,
    /// The ids of source files whose record could not be built: known, but not looked into.
    broken_sources: Vec<&'a str>,
    /// Every entity file's id, kind and file, from its path.
    entities: Map<&'a str, (EntityKind, FileNo)>,
    /// The record of verified quotes, if there is one that can be read.
    lock: Option<&'a Lock>,
    /// Source ids cited that no built source has.
    cited_elsewhere: Mutex<Vec<String>>,
}

impl Context<'_> {
    /// Marks the sources a citation names as cited.
    fn cite(&self, id: &str) {
        match self.sources.get(id) {
            Some(s) => s.cited.store(true, Ordering::Relaxed),
            None => self
                .cited_elsewhere
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(id.to_owned()),
        }
    }
}

/// What the rules see from one file: the context, and the entity the file holds, whose
/// claims are the only ones a claim of it may dispute.
struct Scope<'c, 'a> {
    cx: &'c Context<'a>,
    file: FileNo,
    entity: Option<&'c EntityFile>,
}

impl<'c> Lookup<'c> for Scope<'c, '_> {
    fn metadata(&self) -> Option<&'c Metadata> {
        Some(self.cx.metadata)
    }

    fn property(&self, id: &str) -> Option<&'c Property> {
        self.cx.properties.get(id).copied()
    }

    fn knows(&self, ns: Namespace, id: &str) -> bool {
        match ns {
            Namespace::Source => {
                self.cx.sources.contains_key(id) || self.cx.broken_sources.contains(&id)
            }
            Namespace::Entity => self.cx.entities.contains_key(id),
            Namespace::Property => self.cx.properties.contains_key(id),
            // A claim of another file: no telling yet. The entity leaves the dispute for the
            // end ([`NameFacts::elsewhere`]), when every claim id is known.
            Namespace::Claim => true,
        }
    }

    fn waits(&self, _: Namespace, _: &str, _: FileNo) -> bool {
        // A file that nothing could be read from sends the check to the full driver.
        false
    }

    fn suggest(&self, _: Namespace, _: &str) -> Option<&'c str> {
        // Asked only to build a report, which this driver never does.
        None
    }

    fn source(&self, id: &str) -> Option<(&'c str, &'c Source)> {
        self.cx
            .sources
            .get(id)
            .map(|s| (self.cx.files[s.file].rel.as_str(), s.source))
    }

    fn entity_kind(&self, id: &str) -> Option<EntityKind> {
        self.cx.entities.get(id).map(|(kind, _)| *kind)
    }

    fn claim(&self, id: &str) -> Option<ClaimAt<'c>> {
        let e = self.entity?;
        let index = e.claims.iter().position(|c| c.id.as_str() == id)?;
        Some(ClaimAt {
            file: self.file,
            index,
            claim: &e.claims[index],
            subject: e,
        })
    }

    fn cited(&self, id: &str) -> Option<bool> {
        self.cx
            .sources
            .get(id)
            .map(|s| s.cited.load(Ordering::Relaxed))
    }
}

/// What an entity leaves for the naming rules, to be checked once every name is known.
struct NameFacts {
    /// Its file, for the doubt; the file's name is its id, or the file would not be
    /// checked here ([`read`]).
    file: FileNo,
    kind: EntityKind,
    /// Its names ([`names::forms`]). This and the vectors below are sized exactly once the
    /// entity is read: a hundred thousand of them wait for the last file.
    names: Vec<String>,
    /// For each citation that names the entity (its subject) by its names, the set of
    /// those that occur in its quote, as bits over `names`: one of them must not be
    /// ambiguous. Each set once.
    named_by: Vec<u64>,
    /// The value entity (its file: the id is the file's name) and the quote
    /// ([`names::key`]) of each citation that names its value entity by the entity's
    /// names: a million claims leave hundreds of thousands of these. Each quote ends where
    /// its entry says, in `quotes`, after the one before it.
    values: Vec<(FileNo, usize)>,
    /// The quotes of `values`, one after another: one block an entity, not one a quote.
    quotes: String,
}

impl NameFacts {
    /// The value entities of `values`, each with its quote.
    fn values(&self) -> impl Iterator<Item = (FileNo, &str)> {
        let starts = std::iter::once(0).chain(self.values.iter().map(|(_, end)| *end));
        self.values
            .iter()
            .zip(starts)
            .map(|(&(file, end), start)| (file, self.quotes.get(start..end).unwrap_or("")))
    }
}

/// What reading an entity file leaves.
struct Checked {
    file: FileNo,
    /// The hashes of the ids it declares: its own first, then its claims'.
    hashes: Box<[u64]>,
    /// Its naming facts, when its record could be built (boxed, as the record: a hundred
    /// thousand of these wait for the last file to be read).
    names: Option<Box<NameFacts>>,
    /// The hashes of the claims its claims dispute that are not in the file: none is a
    /// rival (`dispute-mismatch`) if it exists, and `unknown-claim` if not.
    elsewhere: Box<[u64]>,
    /// The record, when the dataset is assembled.
    record: Option<Box<EntityFile>>,
    /// Why the file must be looked at in full, if it must (boxed: rare, and this struct is
    /// kept for every entity file until the last is read).
    suspect: Option<Box<Doubt>>,
}

/// What the streaming driver found.
pub(crate) enum Outcome {
    /// Nothing to report: the dataset, assembled if asked for.
    Clean(Option<Dataset>),
    /// Something to report, in these files alone: the full driver points at it, reading
    /// only them, with the rest of the dataset known through the background.
    Suspects(Background),
}

/// What the streaming driver knows of the files it found nothing in: enough for the full
/// driver to check the suspect files as if every file were loaded.
pub(crate) struct Background {
    /// The files to read in full, in walk order: the suspects, `metadata.toml` and
    /// `properties.toml`.
    pub(crate) suspects: Vec<FileNo>,
    /// What made the first suspect one.
    pub(crate) first: Doubt,
    /// The sources of the other files, by id: file and record.
    pub(crate) sources: Map<String, (String, Source)>,
    /// The entities of the other files: id and kind.
    pub(crate) entities: Map<String, EntityKind>,
    /// Every source id some citation of any file names.
    pub(crate) cited: HashSet<String, FixedState>,
}

/// Whether a condition of a rule holds, and if not which rule's it is.
type Condition = Result<(), &'static Rule>;

/// Why the streaming check gave way to the full check: the rule whose condition failed,
/// and the file where it did, when they can be named (a duplicate found among id hashes has
/// no one file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doubt {
    /// The rule, if one can be named.
    pub rule: Option<&'static Rule>,
    /// The file, relative to the dataset folder, `/`-separated.
    pub file: Option<String>,
}

impl Doubt {
    fn at(rule: &'static Rule, file: &str) -> Doubt {
        Doubt {
            rule: Some(rule),
            file: Some(file.to_owned()),
        }
    }

    /// A file not clean on its own, loaded the slow way: the rule is the first its own
    /// check reports.
    fn of(loaded: &Loaded) -> Doubt {
        Doubt {
            rule: loaded
                .diagnostics
                .first()
                .and_then(|d| rules::by_code(d.code)),
            file: Some(loaded.rel.clone()),
        }
    }
}

impl std::fmt::Display for Doubt {
    /// `uncited-claim in entities/person/liu-shaoqi.toml`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.rule, &self.file) {
            (Some(r), Some(file)) => write!(f, "{} in {file}", r.name),
            (Some(r), None) => f.write_str(r.name),
            (None, Some(file)) => write!(f, "{file}"),
            (None, None) => f.write_str("the dataset"),
        }
    }
}

/// Runs `rules` with a sink that stops at the first report: `Ok` when none is made, else
/// the doubt of the rule and the file it was made on.
fn judged(
    files: &[Found],
    rules: impl FnOnce(&mut First) -> rules::lookup::Flow,
) -> Result<(), Doubt> {
    let mut first = First::default();
    if rules(&mut first).is_continue() {
        return Ok(());
    }
    let (rule, file) = first.0.expect("a sink that stopped has a report");
    Err(Doubt::at(rule, &files[file].rel))
}

/// A file read: its record, if it is clean on its own (read the fast way, or the slow way
/// with nothing found), else the file loaded the slow way.
enum Read {
    Clean(Record),
    Broken(Box<Loaded>),
}

/// Reads `f`; a file that is not clean is loaded the slow way, and an error only when
/// `reporting` is off (the first doubt then ends the pass) or nothing at all could be read
/// from it (references to it wait on it, which the full driver alone reckons).
fn read(f: &Found, reporting: bool) -> Result<Read, Doubt> {
    if let Some(r) = read_clean(f) {
        return Ok(Read::Clean(r));
    }
    let mut loaded = crate::load::load_found(f);
    if loaded.diagnostics.is_empty()
        && let Some(r) = loaded.record.take()
    {
        return Ok(Read::Clean(r));
    }
    let doubt = Doubt::of(&loaded);
    if !reporting || (loaded.record.is_none() && loaded.declared.is_none()) {
        return Err(doubt);
    }
    // The stream knows a file's id and kind by its path: a broken file that says otherwise
    // changes what is known, which the full driver alone reckons.
    let stem = f
        .rel
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".toml"));
    let kind_holds = match &loaded.record {
        Some(Record::Entity(e)) => f.rel.rsplit('/').nth(1) == Some(e.kind.as_str()),
        _ => true,
    };
    if loaded.record_id() != stem || !kind_holds {
        return Err(doubt);
    }
    Ok(Read::Broken(Box::new(loaded)))
}

/// What the streaming driver finds in the walked `files`: nothing to report (with the
/// assembled dataset if `assemble` asks for it: the records are then kept instead of
/// dropped), or the files that have something to report, when it can tell them. It gives
/// up (`Err`) when it cannot: when the dataset is assembled, at the first doubt; else when
/// a doubt touches more than the files it was found in (a file nothing could be read from,
/// the names of every entity, a source the record has no entry for (or one for another
/// text; a quote it lacks is its file's alone), a dispute of a claim in another file,
/// duplicate sources or properties).
pub(crate) fn clean(
    files: &[Found],
    lock: Option<&Lock>,
    progress: Option<fn(crate::Pass<'_>, usize, usize)>,
    assemble: bool,
) -> Result<Outcome, Doubt> {
    let reporting = !assemble;
    let total = files.len();
    let done = AtomicUsize::new(0);
    let tick = || {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(report) = progress
            && n.is_multiple_of(1024)
        {
            report(crate::Pass::Streaming, n, total);
        }
    };
    let of_kind = |kind: RecordKind| {
        files
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.kind == kind)
    };
    let single = |kind: RecordKind, name: &str| {
        let (fi, f) = of_kind(kind).next().ok_or_else(|| Doubt {
            rule: Some(&rules::MISSING_FILE),
            file: Some(name.to_owned()),
        })?;
        match read(f, false)? {
            Read::Clean(r) => Ok((fi, r)),
            Read::Broken(l) => Err(Doubt::of(&l)),
        }
    };
    let (
        (metadata_file, Record::Metadata(metadata)),
        (properties_file, Record::Properties(properties)),
    ) = (
        single(RecordKind::Metadata, "metadata.toml")?,
        single(RecordKind::Properties, "properties.toml")?,
    )
    else {
        return Err(Doubt {
            rule: None,
            file: None,
        });
    };
    let mut property_ids = Map::default();
    for p in &properties.property {
        if property_ids.insert(p.id.as_str(), p).is_some() {
            return Err(Doubt::at(&rules::DUPLICATE_ID, "properties.toml"));
        }
    }
    let entities: Map<&str, (EntityKind, FileNo)> = of_kind(RecordKind::Entity)
        .filter_map(|(fi, f)| {
            let (stem, kind) = entity_at(&f.rel)?;
            Some((stem, (kind, fi)))
        })
        .collect();

    // The sources, each read and kept; a broken one is a suspect.
    let read_sources = each(of_kind(RecordKind::Source), &tick, |(fi, f)| {
        Ok((fi, read(f, reporting)?))
    })?;
    let mut suspects: Vec<(FileNo, Doubt)> = Vec::new();
    // Each kept in the box it was read into: moved into the vector, the records were a
    // second 22 MB at a million claims, and the boxes' freed blocks stayed resident.
    let mut sources: Vec<(FileNo, Box<Source>)> = Vec::with_capacity(read_sources.len());
    let mut broken_sources: Vec<&str> = Vec::new();
    let mut hashes: Vec<(u64, FileNo)> = Vec::with_capacity(read_sources.len());
    let mut broken_cited: Vec<String> = Vec::new();
    for (fi, r) in read_sources {
        match r {
            Read::Clean(Record::Source(s)) => sources.push((fi, s)),
            Read::Broken(mut l) => {
                suspects.push((fi, Doubt::of(&l)));
                l.for_each_cited(|s| broken_cited.push(s.to_owned()));
                if let Some(Record::Source(s)) = l.record.take() {
                    sources.push((fi, s));
                } else {
                    // The id is the file's name ([`read`]).
                    let stem = files[fi].rel.rsplit('/').next().unwrap_or_default();
                    let id = stem.strip_suffix(".toml").unwrap_or(stem);
                    hashes.push((hash(id), fi));
                    broken_sources.push(id);
                }
            }
            Read::Clean(_) => return Err(Doubt::at(&rules::SCHEMA_MISMATCH, &files[fi].rel)),
        }
    }
    hashes.extend(sources.iter().map(|(fi, s)| (hash(s.id.as_str()), *fi)));
    let mut cx = Context {
        files,
        metadata: &metadata,
        properties: property_ids,
        sources: Map::default(),
        broken_sources,
        entities,
        lock,
        cited_elsewhere: Mutex::new(broken_cited),
    };
    for (fi, s) in &sources {
        cx.sources.insert(
            s.id.as_str(),
            SourceFacts {
                file: *fi,
                source: s,
                cited: AtomicBool::new(false),
                read: AtomicBool::new(false),
                quotes: AtomicU64::new(0),
                verified: AtomicU64::new(0),
            },
        );
    }
    if cx.sources.len() != sources.len() {
        return Err(Doubt {
            rule: Some(&rules::DUPLICATE_ID),
            file: None,
        });
    }
    // The rules on each source, now that every source is known.
    for (fi, s) in &sources {
        let scope = Scope {
            cx: &cx,
            file: *fi,
            entity: None,
        };
        if let Err(d) = judged(files, |sink| rules::source(&scope, *fi, s, sink)) {
            if !reporting {
                return Err(d);
            }
            suspects.push((*fi, d));
        }
    }
    if !reporting && let Some((_, d)) = suspects.first() {
        return Err(d.clone());
    }

    // The entities, each checked against what is known; their ids' hashes are kept, and
    // the records themselves only to assemble the dataset.
    let mut checked: Vec<Checked> = each(of_kind(RecordKind::Entity), &tick, |(fi, f)| {
        let checked = match read(f, reporting)? {
            Read::Clean(Record::Entity(e)) => entity(fi, e, None, &cx, assemble)?,
            Read::Broken(l) => broken_entity(fi, *l, &cx)?,
            Read::Clean(_) => return Err(Doubt::at(&rules::SCHEMA_MISMATCH, &f.rel)),
        };
        match &checked.suspect {
            Some(d) if !reporting => Err((**d).clone()),
            _ => Ok(checked),
        }
    })?;
    if let Some(report) = progress {
        report(crate::Pass::Streaming, total, total);
    }
    // The rules on sources that need every citation read, in file order.
    for (fi, s) in &sources {
        let scope = Scope {
            cx: &cx,
            file: *fi,
            entity: None,
        };
        if let Err(d) = judged(files, |sink| rules::source_used(&scope, *fi, s, sink)) {
            if !reporting {
                return Err(d);
            }
            suspects.push((*fi, d));
        }
        // A source read: `unpinned-source` whether or not a quote of it was.
        let pin = s.archived_text.as_ref();
        if cx.sources[s.id.as_str()].read.load(Ordering::Relaxed)
            && matches!(
                unverified_quote::standing(cx.lock, s.id.as_str(), pin),
                Standing::Unpinned
            )
        {
            return Err(Doubt::at(&rules::UNPINNED_SOURCE, &files[*fi].rel));
        }
    }
    let mut records = Vec::new();
    let mut facts: Vec<Box<NameFacts>> = Vec::with_capacity(checked.len());
    // The first file, in walk order, disputing a claim of another file.
    let elsewhere = checked
        .iter()
        .find_map(|c| c.elsewhere.first().map(|h| (*h, c.file)));
    // The claims' hashes alone, only to judge such a dispute.
    let mut claim_hashes: Vec<u64> = Vec::new();
    let mut entity_files: Vec<FileNo> = Vec::with_capacity(checked.len());
    // What each file leaves is taken out; its id hashes stay, sorted, and are gathered from
    // there: copied into one vector, they were held twice at the pass's peak (18 MB at a
    // million claims).
    for c in &mut checked {
        entity_files.push(c.file);
        if let Some(d) = c.suspect.take() {
            suspects.push((c.file, *d));
        }
        if elsewhere.is_some() {
            claim_hashes.extend(&c.hashes[1..]);
        }
        c.hashes.sort_unstable();
        facts.extend(c.names.take());
        records.extend(c.record.take().map(|e| *e));
    }
    if let Some((target, fi)) = elsewhere {
        claim_hashes.par_sort_unstable();
        // A claim of another file has another subject: never a rival.
        let rule = if claim_hashes.binary_search(&target).is_ok() {
            &rules::DISPUTE_MISMATCH
        } else {
            &rules::UNKNOWN_CLAIM
        };
        return Err(Doubt::at(rule, &files[fi].rel));
    }
    // The ids' hashes are judged and dropped before the name table is built: the two
    // would otherwise be the peak of the pass together.
    let shared = shared_hashes(&hashes, &checked);
    if !shared.is_empty() && !reporting {
        return Err(Doubt {
            rule: Some(&rules::DUPLICATE_ID),
            file: None,
        });
    }
    suspects.extend(
        shared
            .into_iter()
            .map(|fi| (fi, Doubt::at(&rules::DUPLICATE_ID, &files[fi].rel))),
    );
    drop((hashes, checked));
    if suspects.is_empty() && !assemble {
        // A clean check has nothing left to judge but the names: the sources' records and
        // what the pass knew of them go before the name table is built, the pass's peak.
        drop(cx);
        drop(sources);
        names_clean(files, facts)?;
        return Ok(Outcome::Clean(None));
    }
    names_clean(files, facts)?;
    if suspects.is_empty() {
        let verification = summary(
            cx.sources
                .values()
                .filter(|s| s.read.load(Ordering::Relaxed))
                .map(|s| {
                    let count = |n: &AtomicU64| n.load(Ordering::Relaxed);
                    (s.source, count(&s.quotes), count(&s.verified))
                }),
        );
        drop(cx.sources);
        // Each claim moved once, into a vector of its final size; then sorted in place,
        // since the pass proved the ids unique, so that `Dataset::new` finds them in order.
        let mut claims = Vec::with_capacity(records.iter().map(|e| e.claims.len()).sum());
        let entities = records
            .into_iter()
            .map(|e| e.split_into(&mut claims))
            .collect();
        claims.par_sort_unstable_by(|a, b| a.id.cmp(&b.id));
        let sources = sources.into_iter().map(|(_, s)| *s).collect();
        let mut dataset = Dataset::new(metadata, properties.property, sources, entities, claims);
        dataset.quote_verification = verification;
        return Ok(Outcome::Clean(Some(dataset)));
    }
    // The first suspect in file order names why; each suspect is read once.
    suspects.sort_by_key(|(fi, _)| *fi);
    suspects.dedup_by_key(|(fi, _)| *fi);
    let first = suspects[0].1.clone();
    let mut suspect_files: Vec<FileNo> = suspects.iter().map(|(fi, _)| *fi).collect();
    suspect_files.extend([metadata_file, properties_file]);
    suspect_files.sort_unstable();
    suspect_files.dedup();
    let is_suspect = |fi: &FileNo| suspect_files.binary_search(fi).is_ok();
    // Which sources were cited: only the background needs their ids.
    let mut cited: HashSet<String, FixedState> = cx
        .sources
        .iter()
        .filter(|(_, s)| s.cited.load(Ordering::Relaxed))
        .map(|(id, _)| (*id).to_owned())
        .collect();
    cited.extend(
        cx.cited_elsewhere
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    drop(cx.sources);
    let background = Background {
        sources: sources
            .into_iter()
            .filter(|(fi, _)| !is_suspect(fi))
            .map(|(fi, s)| (s.id.as_str().to_owned(), (files[fi].rel.clone(), *s)))
            .collect(),
        entities: entity_files
            .iter()
            .filter(|fi| !is_suspect(fi))
            .filter_map(|fi| {
                let (stem, kind) = entity_at(&files[*fi].rel)?;
                Some((stem.to_owned(), kind))
            })
            .collect(),
        cited,
        first,
        suspects: suspect_files,
    };
    Ok(Outcome::Suspects(background))
}

/// The id of the entity of file `fi`, as its path gives it.
fn id_of(files: &[Found], fi: FileNo) -> &str {
    entity_at(&files[fi].rel).map_or("", |(id, _)| id)
}

/// The id and kind of the entity at `rel` (`entities/<kind>/<id>.toml`), as its path
/// gives them.
fn entity_at(rel: &str) -> Option<(&str, EntityKind)> {
    let mut parts = rel.rsplit('/');
    let stem = parts.next()?.strip_suffix(".toml")?;
    Some((stem, EntityKind::from_name(parts.next()?)?))
}

/// `check` on every file in parallel, with progress; the doubt of the first file (in walk
/// order) that doubts. Once one doubts, the files after it are skipped, never those before
/// it, so that the doubt reported does not depend on which thread got there first.
fn each<'a, T: Send>(
    files: impl Iterator<Item = (FileNo, &'a Found)>,
    tick: &(dyn Fn() + Sync),
    check: impl Fn((FileNo, &'a Found)) -> Result<T, Doubt> + Sync,
) -> Result<Vec<T>, Doubt> {
    let first = AtomicUsize::new(usize::MAX);
    let results: Vec<Option<Result<T, Doubt>>> = files
        .collect::<Vec<_>>()
        .into_par_iter()
        .enumerate()
        .map(|(i, f)| {
            tick();
            if i > first.load(Ordering::Relaxed) {
                return None;
            }
            let found = check(f);
            if found.is_err() {
                first.fetch_min(i, Ordering::Relaxed);
            }
            Some(found)
        })
        .collect();
    if let Some(d) = results.iter().find_map(|r| r.as_ref()?.as_ref().err()) {
        return Err(d.clone());
    }
    // In place: the results' vector becomes the values' (a hundred thousand entity files
    // held both at once, the peak of the pass).
    Ok(results
        .into_iter()
        .filter_map(|r| r.and_then(Result::ok))
        .collect())
}

/// A file's id hashes, sorted, as [`shared_hashes`] gathers them.
trait IdHashes {
    fn file(&self) -> FileNo;
    fn hashes(&self) -> &[u64];
}

impl IdHashes for Checked {
    fn file(&self) -> FileNo {
        self.file
    }
    fn hashes(&self) -> &[u64] {
        &self.hashes
    }
}

/// A source's: its one id.
impl IdHashes for (u64, FileNo) {
    fn file(&self) -> FileNo {
        self.1
    }
    fn hashes(&self) -> &[u64] {
        std::slice::from_ref(&self.0)
    }
}

/// The files of the hashes that occur more than once in the lists of `a` and `b`, each
/// time one does, in hash order. The hashes are sorted in eight parts by their first three
/// bits, each part gathered from every list (a run of each, since the lists are sorted):
/// one part at a time is an eighth of what one vector of them all held (18 MB at a million
/// claims), and each part is sorted on every core.
fn shared_hashes(a: &[impl IdHashes], b: &[impl IdHashes]) -> Vec<FileNo> {
    const BITS: u32 = 3;
    let part_of = |h: u64| h >> (u64::BITS - BITS);
    let lists = || {
        let a = a.iter().map(|l| (l.file(), l.hashes()));
        a.chain(b.iter().map(|l| (l.file(), l.hashes())))
    };
    let total: usize = lists().map(|(_, h)| h.len()).sum();
    let mut part: Vec<(u64, FileNo)> = Vec::with_capacity(total >> BITS);
    let mut shared = Vec::new();
    for p in 0..1u64 << BITS {
        part.clear();
        for (file, hashes) in lists() {
            let start = hashes.partition_point(|&h| part_of(h) < p);
            let run = &hashes[start..];
            let run = &run[..run.partition_point(|&h| part_of(h) == p)];
            part.extend(run.iter().map(|&h| (h, file)));
        }
        part.par_sort_unstable();
        for group in part.chunk_by(|x, y| x.0 == y.0).filter(|g| g.len() > 1) {
            shared.extend(group.iter().map(|&(_, file)| file));
        }
    }
    shared
}

/// The hash an id is kept as: equal ids have equal hashes, so no duplicate goes unseen;
/// two different ids with the same hash only send the dataset to the full check.
fn hash(id: &str) -> u64 {
    FixedState::default().hash_one(id)
}

/// The rules on an entity and its claims, and the conditions of this driver's own on its
/// citations: what it leaves, with `suspect` set if a rule reported. `declared` are the
/// claim ids of a broken file, whose record holds only the claims that could be built.
fn entity(
    file: FileNo,
    e: EntityFile,
    declared: Option<&[&str]>,
    cx: &Context<'_>,
    assemble: bool,
) -> Result<Checked, Doubt> {
    let rel = &cx.files[file].rel;
    let mut facts = NameFacts {
        file,
        kind: e.kind,
        names: names::forms(&e.labels, &e.aliases),
        named_by: Vec::new(),
        values: Vec::new(),
        quotes: String::new(),
    };
    if facts.names.len() > names::MAX_BITS {
        // More names than the bit sets hold: the full check judges them.
        return Err(Doubt::at(&rules::QUOTE_OMITS_NAME, rel));
    }
    let in_file = |id: &Id| match declared {
        Some(ids) => ids.contains(&id.as_str()),
        None => e.claims.iter().any(|b| b.id == *id),
    };
    let elsewhere: Box<[u64]> = e
        .claims
        .iter()
        .flat_map(|c| &c.disputes)
        .filter(|d| !in_file(&d.with))
        .map(|d| hash(d.with.as_str()))
        .collect();
    for cit in e.claims.iter().flat_map(|c| &c.citations) {
        cx.cite(cit.source.as_str());
        cit.cites.iter().for_each(|w| cx.cite(w.as_str()));
    }
    let scope = Scope {
        cx,
        file,
        entity: Some(&e),
    };
    let claims: Vec<ClaimAt<'_>> = e
        .claims
        .iter()
        .enumerate()
        .map(|(index, claim)| ClaimAt {
            file,
            index,
            claim,
            subject: &e,
        })
        .collect();
    let mut suspect = None;
    for c in &claims {
        if suspect.is_none()
            && let Err(d) = judged(cx.files, |sink| rules::claim(&scope, c, sink))
        {
            suspect = Some(d);
        }
        let unverified =
            citations_clean(&e, c.claim, cx, &mut facts).map_err(|r| Doubt::at(r, rel))?;
        if unverified && suspect.is_none() {
            suspect = Some(Doubt::at(&rules::UNVERIFIED_QUOTE, rel));
        }
    }
    if suspect.is_none()
        && let Err(d) = judged(cx.files, |sink| {
            rules::subject(&scope, e.id.as_str(), &claims, sink)
        })
    {
        suspect = Some(d);
    }
    drop(claims);
    facts.named_by.sort_unstable();
    facts.named_by.dedup();
    facts.names.shrink_to_fit();
    facts.named_by.shrink_to_fit();
    facts.values.shrink_to_fit();
    // Copied into a block of its length: `shrink_to_fit` here left the 1M check 5 MB
    // higher (best of three, mimalloc).
    let quotes = std::mem::take(&mut facts.quotes);
    facts.quotes = String::with_capacity(quotes.len());
    facts.quotes.push_str(&quotes);
    let hashes = std::iter::once(e.id.as_str())
        .chain(e.claims.iter().map(|c| c.id.as_str()))
        .map(hash)
        .collect();
    Ok(Checked {
        file,
        hashes,
        names: Some(Box::new(facts)),
        elsewhere,
        record: assemble.then(|| Box::new(e)),
        suspect: suspect.map(Box::new),
    })
}

/// A broken entity file, loaded the slow way: a suspect. What it declares is known; its
/// built claims' quotes and names are judged as a clean file's, since they count for
/// every file.
fn broken_entity(file: FileNo, mut l: Loaded, cx: &Context<'_>) -> Result<Checked, Doubt> {
    let doubt = Doubt::of(&l);
    let Some(declared) = l.declared.take() else {
        return Err(doubt);
    };
    declared.cited.iter().for_each(|s| cx.cite(s));
    let ids: Vec<&str> = declared.inner.iter().map(|(_, id)| id.as_str()).collect();
    let mut checked = match l.record.take() {
        Some(Record::Entity(e)) => entity(file, e, Some(&ids), cx, false)?,
        _ => Checked {
            file,
            hashes: Box::default(),
            names: None,
            elsewhere: Box::default(),
            record: None,
            suspect: None,
        },
    };
    // No id of its own: the hash list starts with the record's.
    let own = declared.record.as_deref().unwrap_or("");
    checked.hashes = std::iter::once(own).chain(ids).map(hash).collect();
    checked.suspect = Some(Box::new(doubt));
    Ok(checked)
}

/// The conditions of the rules on a claim's citations that this driver judges its own way:
/// each quote is in the record of verified quotes (`unpinned-source`, `unverified-quote`),
/// which sources are read, and the naming rules as far as the subject's names go. `Ok(true)`
/// when a quote is not in a record that holds its source's pinned text: the quote's own
/// problem, pointed at in this file; any other problem with the record is the source's, and
/// counts quotes of every file.
fn citations_clean(
    e: &EntityFile,
    c: &ClaimRecord,
    cx: &Context<'_>,
    facts: &mut NameFacts,
) -> Result<bool, &'static Rule> {
    let mut unverified = false;
    for cit in &c.citations {
        // An unknown source is `unknown-source`'s; a broken one is looked at in full.
        if let Some(source) = cx.sources.get(cit.source.as_str()) {
            if let Some(q) = &cit.quote {
                let pin = source.source.archived_text.as_ref();
                source.quotes.fetch_add(1, Ordering::Relaxed);
                match unverified_quote::standing(cx.lock, cit.source.as_str(), pin) {
                    Standing::Entry(l) => {
                        if l.holds(&quote_hash(q)) {
                            source.verified.fetch_add(1, Ordering::Relaxed);
                        } else {
                            unverified = true;
                        }
                    }
                    Standing::Unpinned => return Err(&rules::UNPINNED_SOURCE),
                    Standing::NoRecord | Standing::NoEntry | Standing::OtherText(_) => {
                        return Err(&rules::UNVERIFIED_QUOTE);
                    }
                }
            }
            source.read.store(true, Ordering::Relaxed);
        }
        citation_names(e, c, cit, cx, facts)?;
    }
    Ok(unverified)
}

/// The naming rules on one citation, as far as the subject's own names go: the subject is
/// declared or one of its names occurs (which of them is left in `facts`, to be proved
/// unambiguous at the end); the value entity is declared, or the quote is left in `facts`.
fn citation_names(
    e: &EntityFile,
    c: &ClaimRecord,
    cit: &cadres_model::Citation,
    cx: &Context<'_>,
    facts: &mut NameFacts,
) -> Condition {
    let value = c.value.as_entity();
    let quote = cit.quote.as_deref().map(names::key);
    let Some(quote) = quote else {
        return Ok(());
    };
    if !cit.as_named.contains_key(&e.id) {
        let bits = names::occurring(&facts.names, &quote);
        if bits == 0 {
            return Err(&rules::QUOTE_OMITS_NAME);
        }
        facts.named_by.push(bits);
    }
    // An unknown value entity is `unknown-entity`'s.
    if let Some(v) = value
        && *v != e.id
        && !cit.as_named.contains_key(v)
        && let Some((_, file)) = cx.entities.get(v.as_str())
    {
        facts.quotes.push_str(&quote);
        facts.values.push((*file, facts.quotes.len()));
    }
    Ok(())
}

/// The naming rules that need every entity's names: each entity is named by one of its
/// names that is not ambiguous, wherever its own quotes name it, and so is each value
/// entity left for the end.
#[allow(clippy::vec_box)] // reason: each entity's facts were boxed in its thread; moved, not copied
fn names_clean(files: &[Found], mut facts: Vec<Box<NameFacts>>) -> Result<(), Doubt> {
    let table = NameTable::new(
        facts
            .iter_mut()
            .map(|f| (id_of(files, f.file), f.kind, std::mem::take(&mut f.names))),
    );
    // The first entity in file order that doubts, whatever the threads did first.
    let first = facts.into_par_iter().find_map_first(|f| {
        let judged = || {
            let (id, file) = (id_of(files, f.file), f.file);
            let doubt = |rule: &'static Rule| Doubt::at(rule, &files[file].rel);
            let Some((kind, own)) = table.entity(id) else {
                return Err(doubt(&rules::DUPLICATE_ID));
            };
            for bits in &f.named_by {
                let naming = names::naming_by(&table, id, kind, own, |i| bits >> i & 1 == 1);
                if let Some(rule) = naming.rule() {
                    return Err(doubt(rule));
                }
            }
            for (file, quote) in f.values() {
                // An entity whose record could not be built has no names to judge.
                let v = id_of(files, file);
                let Some((kind, forms)) = table.entity(v) else {
                    continue;
                };
                if let Some(rule) = names::naming(&table, v, kind, forms, quote).rule() {
                    return Err(doubt(rule));
                }
            }
            Ok(())
        };
        judged().err()
    });
    first.map_or(Ok(()), Err)
}

#[cfg(test)]
mod mutations;

#[cfg(test)]
pub(crate) mod tests {
    use std::path::{Path, PathBuf};

    use super::clean;
    use crate::{MAX_FILES, Options};

    /// Every dataset folder in the repository: the real one and the fixtures.
    fn datasets() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut dirs = vec![root.join("dataset"), root.join("tests/fixtures/valid")];
        for group in ["tests/fixtures/invalid", "tests/fixtures/hostile"] {
            let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(group))
                .expect("fixture folder")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            found.sort();
            // A rule fixture is an overlay on tests/fixtures/base: build its dataset.
            let invalid = group.ends_with("invalid");
            dirs.extend(found.into_iter().map(|d| {
                if invalid {
                    crate::testing::rule_dataset(&d)
                } else {
                    d
                }
            }));
        }
        dirs
    }

    /// The codes the full check reports on `dir`, after asserting that the streaming check
    /// agrees: it calls `dir` clean exactly when the full check reports nothing, and then
    /// assembles the same dataset.
    fn agree(dir: &Path) -> Vec<&'static str> {
        agree_why(dir).0
    }

    /// The streaming driver's verdict on the walked `files`: `Ok` when clean, else what
    /// made it doubt (the first suspect, or why it gave up).
    pub(super) fn verdict(
        files: &[crate::walk::Found],
        lock: Option<&crate::verified::Lock>,
    ) -> Result<(), super::Doubt> {
        match clean(files, lock, None, false)? {
            super::Outcome::Clean(_) => Ok(()),
            super::Outcome::Suspects(b) => Err(b.first),
        }
    }

    /// The diagnostics of a check that reports only, as `cargo xtask check` runs it: the
    /// streaming driver, and the full driver on its suspects or, when it gives up, on all.
    pub(crate) fn reported(dir: &Path) -> Vec<crate::Diagnostic> {
        let options = Options {
            dataset: dir.to_owned(),
            archive: None,
        };
        let tuning = crate::Tuning {
            assemble: false,
            ..crate::Tuning::default()
        };
        crate::check_with(&options, &tuning)
            .expect("the check runs")
            .diagnostics
    }

    /// [`agree`], with the doubt that sent the dataset to the full check: the walk's first
    /// problem, or what the streaming pass doubted. A check that reports only gives the
    /// full check's diagnostics, all of them, whichever way it went.
    fn agree_why(dir: &Path) -> (Vec<&'static str>, Option<super::Doubt>) {
        let options = Options {
            dataset: dir.to_owned(),
            archive: None,
        };
        let lock = crate::verified::read(dir);
        let (full, _) = crate::full(
            &options,
            &crate::Tuning::default(),
            crate::walk::walk(dir, MAX_FILES).expect("the walk runs"),
            &lock,
            crate::archive::Mode::Check,
            None,
        )
        .expect("the check runs");
        let walk = crate::walk::walk(dir, MAX_FILES).expect("the walk runs");
        let streamed = if let Some(d) = walk.diagnostics.first() {
            Err(super::Doubt {
                rule: crate::rules::by_code(d.code),
                file: Some(d.file.clone()),
            })
        } else {
            verdict(&walk.files, lock.lock())
        };
        assert_eq!(
            reported(dir),
            full.diagnostics,
            "{}: the streaming check's diagnostics differ from the full check's",
            dir.display()
        );
        if streamed.is_ok() {
            let assembled = match clean(&walk.files, lock.lock(), None, true) {
                Ok(super::Outcome::Clean(d)) => d,
                _ => None,
            };
            assert_eq!(
                assembled.as_ref(),
                full.dataset.as_ref(),
                "{}: the streamed dataset differs from the full check's",
                dir.display()
            );
        }
        let codes: Vec<&str> = full.diagnostics.iter().map(|d| d.code).collect();
        if codes.is_empty() {
            assert!(
                streamed.is_ok(),
                "{}: nothing to report, yet not proved clean ({:?})",
                dir.display(),
                streamed.err()
            );
        } else {
            assert!(
                streamed.is_err(),
                "{}: called clean, but the full check reports {codes:?}",
                dir.display()
            );
        }
        (codes, streamed.err())
    }

    /// On each rule's fixture, the rule that stopped the streaming pass is that fixture's
    /// rule: every rule has a condition of its own in the stream, not one that holds only
    /// because another rule's fixture happens to fail it too.
    #[test]
    fn the_rule_that_stops_the_stream_on_each_fixture_is_the_fixture_s_rule() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/invalid");
        let mut checked = 0;
        for entry in std::fs::read_dir(&root).expect("the fixtures").flatten() {
            let dir = crate::testing::rule_dataset(&entry.path());
            let rule = entry.file_name().to_string_lossy().into_owned();
            // Quotes against the archive are checked by the full driver alone.
            if dir.join(".archive").is_dir() {
                continue;
            }
            let (codes, doubt) = agree_why(&dir);
            assert!(!codes.is_empty(), "{rule}: nothing reported");
            let doubt = doubt.expect("a doubt, since the full check reports something");
            assert_eq!(
                doubt.rule.map(|r| r.name),
                Some(rule.as_str()),
                "{rule}: the stream stopped on {doubt}"
            );
            checked += 1;
        }
        assert!(checked >= 45, "only {checked} fixtures");
    }

    /// The streaming check is sound: it never calls clean a dataset in which the full
    /// check finds anything. And it is complete on these datasets: every one the full
    /// check finds nothing in, it proves clean.
    #[test]
    fn shared_hashes_names_each_file_of_a_hash_given_twice() {
        let none: &[(u64, usize)] = &[];
        let shared = |lists: &[(usize, &[u64])]| super::shared_hashes(lists, none);
        assert_eq!(shared(&[]), Vec::<usize>::new());
        assert_eq!(
            shared(&[(0, &[1, 5]), (1, &[]), (2, &[2, 9])]),
            Vec::<usize>::new()
        );
        // Across files, in hash order; a third owner of a hash is named too.
        assert_eq!(
            shared(&[(0, &[1, 7]), (1, &[3, 7]), (2, &[3]), (3, &[7])]),
            vec![1, 2, 0, 1, 3]
        );
        // Within one file.
        assert_eq!(shared(&[(4, &[2, 2, 8]), (5, &[9])]), vec![4, 4]);
        // A source's id and an entity file's.
        let entities: &[(usize, &[u64])] = &[(1, &[4, 6]), (2, &[8])];
        assert_eq!(
            super::shared_hashes(entities, &[(6, 0), (7, 3)]),
            vec![0, 1]
        );
        // Hashes of every part.
        let (top, mid) = (u64::MAX, 1 << 62);
        assert_eq!(
            shared(&[(0, &[5, mid, top]), (1, &[mid + 1, top]), (2, &[mid])]),
            vec![0, 2, 0, 1]
        );
    }

    impl super::IdHashes for (usize, &[u64]) {
        fn file(&self) -> usize {
            self.0
        }
        fn hashes(&self) -> &[u64] {
            self.1
        }
    }

    #[test]
    fn agrees_with_the_full_check_on_every_dataset() {
        let (mut dirty, mut proved, mut pointed) = (0, 0, Vec::new());
        for dir in datasets() {
            if agree(&dir).is_empty() {
                proved += 1;
            } else {
                dirty += 1;
                let walk = crate::walk::walk(&dir, MAX_FILES).expect("the walk runs");
                let lock = crate::verified::read(&dir);
                if walk.diagnostics.is_empty()
                    && let Ok(super::Outcome::Suspects(_)) =
                        clean(&walk.files, lock.lock(), None, false)
                {
                    pointed.push(dir.file_name().map(|n| n.to_string_lossy().into_owned()));
                }
            }
        }
        eprintln!(
            "pointed at by the streaming driver: {} {pointed:?}",
            pointed.len()
        );
        // Most rules' fixtures are reported without loading the whole dataset.
        assert!(
            pointed.len() >= 30,
            "only {} datasets reported by pointing",
            pointed.len()
        );
        assert!(dirty >= 40, "only {dirty} datasets with problems");
        assert!(proved >= 2, "only {proved} clean datasets");
    }

    /// A file's text replaced, `(file, from, to)`.
    type Edit = (&'static str, &'static str, &'static str);
    /// A file added, `(file, text)`.
    type Extra = (&'static str, &'static str);
    /// A variant of the valid fixture: its name, edits, added files and the codes the full
    /// check reports on it.
    type Case = (&'static str, Vec<Edit>, Vec<Extra>, &'static [&'static str]);

    /// A copy of the valid fixture in a fresh folder, with `edit` applied to the text of
    /// each file it names (relative to the dataset) and each extra file written.
    fn variant(name: &str, edits: &[(&str, &str, &str)], extra: &[(&str, &str)]) -> PathBuf {
        fn copy(from: &Path, to: &Path) {
            std::fs::create_dir_all(to).expect("mkdir");
            for entry in std::fs::read_dir(from).expect("read the fixture").flatten() {
                let path = entry.path();
                let target = to.join(entry.file_name());
                if path.is_dir() {
                    copy(&path, &target);
                } else {
                    std::fs::copy(&path, &target).expect("copy");
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = std::env::temp_dir().join(format!("cadres-stream-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy(&root.join("tests/fixtures/valid"), &dir);
        for (file, from, to) in edits {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).expect("read");
            assert!(text.contains(from), "{file} has no {from:?}");
            std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        }
        for (file, text) in extra {
            std::fs::write(dir.join(file), text).expect("write");
        }
        crate::testing::relock(&dir);
        dir
    }

    /// A quote changed since verification is the quote's problem alone: the streaming
    /// driver points the full driver at its file, which reports it as a check of every file
    /// does. A record with no entry for the source is the source's, and every file counts.
    #[test]
    fn a_quote_changed_since_verification_is_pointed_at_in_its_file() {
        const CONFERENCE: &str = "entities/meeting/example-conference.toml";
        let dir = variant("changed-quote", &[], &[]);
        let path = dir.join(CONFERENCE);
        let text = std::fs::read_to_string(&path).expect("read");
        let changed = text.replacen("took place in Beijing\"", "tok place in Beijing\"", 1);
        assert_ne!(changed, text, "the fixture has the quote");
        std::fs::write(&path, changed).expect("write");
        assert_eq!(agree(&dir), ["E0410"]);
        let walk = crate::walk::walk(&dir, MAX_FILES).expect("the walk runs");
        let lock = crate::verified::read(&dir);
        match clean(&walk.files, lock.lock(), None, false) {
            Ok(super::Outcome::Suspects(b)) => {
                assert_eq!(b.first.rule.map(|r| r.name), Some("unverified-quote"));
            }
            _ => panic!("the stream gave up on a quote changed since verification"),
        }
        // Without the source's entry, the record's problem is the source's: the full check.
        let lock_path = dir.join(crate::LOCK_FILE);
        let record = std::fs::read_to_string(&lock_path).expect("the record");
        let without = record.replacen("[sources.example-article]", "[sources.another-article]", 1);
        assert_ne!(without, record, "the record has the source");
        std::fs::write(&lock_path, without).expect("write");
        assert!(agree(&dir).contains(&"E0410"));
        let lock = crate::verified::read(&dir);
        assert!(clean(&walk.files, lock.lock(), None, false).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The naming rules need every entity's names, which the streaming check knows only at
    /// the end: a name made ambiguous by a file read later, a value named by a label, and
    /// `as-named` entries, right and wrong, are judged as the full check judges them.
    #[test]
    fn agrees_with_the_full_check_on_names_known_only_at_the_end() {
        const ZHANG: &str = "entities/person/zhang-san.toml";
        const CONFERENCE: &str = "entities/meeting/example-conference.toml";
        let namesake = (
            "entities/person/zhang-san-2.toml",
            "#:schema ../../../../../schema/entity.schema.json\n\
             id = \"zhang-san-2\"\nkind = \"person\"\n\
             description = \"Another person of the same name.\"\n\
             labels = { en = \"Zhang San\" }\n",
        );
        let said = (
            ZHANG,
            "quote = \"Afterwards Zhang San repeated the phrase every day (日日讲)\"",
            "quote = \"Afterwards Zhang San repeated the phrase every day (日日讲)\", \
             as-named = { zhang-san = \"Zhang San\" }",
        );
        let spoke = (
            CONFERENCE,
            "as-named = { example-conference = \"The meeting\" } }]\n\n[[claims]]\nid = \"example-conference-causes\"",
            "as-named = { example-conference = \"The meeting\", zhang-san = \"Zhang San\" } }]\n\n[[claims]]\nid = \"example-conference-causes\"",
        );
        let cases: [Case; 6] = [
            // A namesake read after the entity makes its label ambiguous, as subject
            // and as value.
            ("namesake", vec![], vec![namesake], &["E0413", "E0413"]),
            // Declared, both are clean.
            ("namesake-declared", vec![said, spoke], vec![namesake], &[]),
            // The value named by its label: Beijing.
            (
                "value-omitted",
                vec![(
                    CONFERENCE,
                    "The Example Conference took place in Beijing",
                    "The Example Conference took place",
                )],
                vec![],
                &["E0412"],
            ),
            // An entry for an entity the claim does not involve.
            (
                "stranger",
                vec![(
                    CONFERENCE,
                    "as-named = { example-conference = \"It\" }",
                    "as-named = { beijing = \"It\", example-conference = \"It\" }",
                )],
                vec![],
                &["E0414"],
            ),
            // Words that are not in the quote.
            (
                "absent-words",
                vec![(
                    ZHANG,
                    "quote = \"Afterwards Zhang San repeated the phrase every day (日日讲)\"",
                    "quote = \"Afterwards Zhang San repeated the phrase every day (日日讲)\", as-named = { zhang-san = \"Zhang Si\" }",
                )],
                vec![],
                &["E0414"],
            ),
            // A subject's own name that another entity of its kind holds in a longer name.
            (
                "longer-name",
                vec![(
                    ZHANG,
                    "labels = { en = \"Zhang San\", zh-Hans = \"张三\" }",
                    "labels = { en = \"Zhang San\", zh-Hans = \"张三\" }\naliases = { en = [\"Zhang\"] }",
                )],
                vec![(
                    "entities/person/zhang-wu.toml",
                    "#:schema ../../../../../schema/entity.schema.json\nid = \"zhang-wu\"\nkind = \"person\"\n\
                     description = \"Another Zhang.\"\nlabels = { en = \"Zhang Wu\" }\n",
                )],
                &[],
            ),
        ];
        for (name, edits, extra, expected) in cases {
            let dir = variant(name, &edits, &extra);
            let codes = agree(&dir);
            assert_eq!(codes, expected, "{name}");
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}
