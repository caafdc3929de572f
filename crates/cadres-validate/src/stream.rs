//! The streaming check: proves a dataset clean in one pass, holding one record per thread
//! and a few compact facts, or gives up.
//!
//! A check that only reports (no `--archive`, no dataset to assemble) runs this first. It
//! reads `metadata.toml` and `properties.toml`, then every source, then every entity, each
//! file the fast way, and runs on each record the conditions of every cross-file rule
//! against what is already known: the sources (read before the entities), the entities'
//! ids and kinds (from their paths, which a clean file agrees with), and the file's own
//! claims (a claim may only dispute a claim of its own subject). Ids are kept only as
//! 64-bit hashes, sorted at the end to find duplicates. The record is dropped right
//! after, in its thread.
//!
//! How a quote names its claim's entities needs every entity's names, which are known only
//! at the end: each entity leaves its names, which of them its own quotes name it by, and
//! the quotes (in the form names are matched in) of the citations that name their value
//! entity by a label or alias rather than under `as-named`. Once every entity is read,
//! those are checked against the names of all, with the same code as the full check.
//!
//! It produces no diagnostic. It answers only "nothing to report", and is conservative:
//! at the first sign of anything a full check would report (a file not clean on its own,
//! a rule's condition, two equal id hashes) it stops, and [`crate::check_with`] runs the
//! full check, which finds, points at and explains every problem. A test checks on every
//! fixture dataset that it gives up whenever the full check reports anything.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use foldhash::fast::FixedState;
use rayon::prelude::*;

use cadres_model::schema::RecordKind;
use cadres_model::{
    Cardinality, ClaimRecord, Dataset, DateRelation, EntityFile, EntityKind, Id, Metadata,
    Property, Rank, Source, TextPin, Value,
};

use crate::checks::{MAX_QUOTE_CHARS, is_after_as_of, linked, ranked};
use crate::load::{Record, read_clean};
use crate::names::{self, NameTable, Naming};
use crate::rules::{self, Rule};
use crate::verified::{Lock, summarize};
use crate::walk::Found;

type Map<K, V> = HashMap<K, V, FixedState>;

/// What the entities' claims need of a source.
struct SourceFacts<'a> {
    references: &'a [Id],
    cited: AtomicBool,
    /// Whether a citation names it as its `source`: then it must pin its text.
    read: AtomicBool,
    pin: Option<&'a TextPin>,
}

/// What is known when the entities are read.
struct Context<'a> {
    metadata: &'a Metadata,
    properties: Map<&'a str, &'a Property>,
    sources: Map<&'a str, SourceFacts<'a>>,
    /// Every entity file's id and kind, from its path.
    entities: Map<&'a str, EntityKind>,
    /// The record of verified quotes, if there is one that can be read.
    lock: Option<&'a Lock>,
}

/// What an entity leaves for the naming rules, to be checked once every name is known.
struct NameFacts {
    id: Id,
    /// Its file, for the doubt.
    file: String,
    kind: EntityKind,
    /// Its names ([`names::forms`]).
    names: Vec<String>,
    /// For each citation that names the entity (its subject) by its names, the set of
    /// those that occur in its quote, as bits over `names`: one of them must not be
    /// ambiguous. Each set once.
    named_by: Vec<u64>,
    /// The value entity and the quote ([`names::key`]) of each citation that names its
    /// value entity by the entity's names.
    values: Vec<(Id, String)>,
}

/// What reading an entity file leaves: its ids' hashes, its naming facts, and the record
/// when the dataset is assembled.
type Checked = (Vec<u64>, NameFacts, Option<EntityFile>);

/// A dataset proved clean, assembled if asked for.
pub(crate) struct Clean(pub(crate) Option<Dataset>);

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

    /// A file that is not clean on its own: the rule is the first its own check reports,
    /// found by loading that one file the slow way.
    fn unclean(found: &Found) -> Doubt {
        let loaded = crate::load::load_found(found);
        Doubt {
            rule: loaded
                .diagnostics
                .first()
                .and_then(|d| rules::by_code(d.code)),
            file: Some(found.rel.clone()),
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

/// Whether the dataset of the walked `files` has nothing at all to report, proved in one
/// streaming pass: `Some` when it is clean, holding the assembled dataset if `assemble`
/// asks for it (the records are then kept instead of dropped); `None` when anything would
/// be reported, or might be.
pub(crate) fn clean(
    files: &[Found],
    lock: Option<&Lock>,
    progress: Option<fn(crate::Pass<'_>, usize, usize)>,
    assemble: bool,
) -> Result<Clean, Doubt> {
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
    let of_kind = |kind: RecordKind| files.iter().filter(move |f| f.kind == kind);
    let read = |kind: RecordKind, name: &str| {
        let f = of_kind(kind).next().ok_or_else(|| Doubt {
            rule: Some(&rules::MISSING_FILE),
            file: Some(name.to_owned()),
        })?;
        read_clean(f).ok_or_else(|| Doubt::unclean(f))
    };
    let (Record::Metadata(metadata), Record::Properties(properties)) = (
        read(RecordKind::Metadata, "metadata.toml")?,
        read(RecordKind::Properties, "properties.toml")?,
    ) else {
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
    let entities: Map<&str, EntityKind> = of_kind(RecordKind::Entity)
        .filter_map(|f| {
            let mut parts = f.rel.rsplit('/');
            let stem = parts.next()?.strip_suffix(".toml")?;
            Some((stem, EntityKind::from_name(parts.next()?)?))
        })
        .collect();

    // The sources, each checked on its own, and kept.
    let sources: Vec<Source> = each(of_kind(RecordKind::Source), &tick, |f| {
        match read_clean(f) {
            Some(Record::Source(s)) => match source_clean(&s, &metadata) {
                Ok(()) => Ok(*s),
                Err(rule) => Err(Doubt::at(rule, &f.rel)),
            },
            _ => Err(Doubt::unclean(f)),
        }
    })?;
    let mut hashes: Vec<u64> = sources.iter().map(|s| hash(s.id.as_str())).collect();
    let mut cx = Context {
        metadata: &metadata,
        properties: property_ids,
        sources: Map::default(),
        entities,
        lock,
    };
    for s in &sources {
        cx.sources.insert(
            s.id.as_str(),
            SourceFacts {
                references: &s.references,
                cited: AtomicBool::new(false),
                read: AtomicBool::new(false),
                pin: s.archived_text.as_ref(),
            },
        );
    }
    if cx.sources.len() != sources.len() {
        return Err(Doubt {
            rule: Some(&rules::DUPLICATE_ID),
            file: None,
        });
    }
    if let Some(s) = sources.iter().find(|s| {
        s.references
            .iter()
            .any(|r| !cx.sources.contains_key(r.as_str()))
    }) {
        return Err(Doubt::at(&rules::UNKNOWN_SOURCE, &source_file(s)));
    }

    // The entities, each checked against what is known; their ids' hashes are kept, and
    // the records themselves only to assemble the dataset.
    let checked: Vec<Checked> = each(of_kind(RecordKind::Entity), &tick, |f| {
        match read_clean(f) {
            Some(Record::Entity(e)) => {
                let facts = entity_clean(&f.rel, &e, &cx).map_err(|r| Doubt::at(r, &f.rel))?;
                Ok((
                    std::iter::once(e.id.as_str())
                        .chain(e.claims.iter().map(|c| c.id.as_str()))
                        .map(hash)
                        .collect(),
                    facts,
                    assemble.then_some(e),
                ))
            }
            _ => Err(Doubt::unclean(f)),
        }
    })?;
    if let Some(report) = progress {
        report(crate::Pass::Streaming, total, total);
    }
    let mut ids: Vec<&&str> = cx.sources.keys().collect();
    ids.sort_unstable();
    for id in ids {
        let s = &cx.sources[*id];
        if !s.cited.load(Ordering::Relaxed) {
            return Err(Doubt::at(
                &rules::UNUSED_SOURCE,
                &format!("sources/{id}.toml"),
            ));
        }
        if s.read.load(Ordering::Relaxed) && s.pin.is_none() {
            return Err(Doubt::at(
                &rules::UNPINNED_SOURCE,
                &format!("sources/{id}.toml"),
            ));
        }
    }
    drop(cx);
    let mut entities = Vec::new();
    let mut facts = Vec::with_capacity(checked.len());
    for (h, n, e) in checked {
        hashes.extend(h);
        facts.push(n);
        entities.extend(e);
    }
    names_clean(facts)?;
    hashes.par_sort_unstable();
    if hashes.windows(2).any(|w| w[0] == w[1]) {
        return Err(Doubt {
            rule: Some(&rules::DUPLICATE_ID),
            file: None,
        });
    }
    if !assemble {
        return Ok(Clean(None));
    }
    let mut claims = Vec::new();
    let entities = entities
        .into_iter()
        .map(|e| {
            let (entity, mut c) = e.into_parts();
            claims.append(&mut c);
            entity
        })
        .collect();
    let mut dataset = Dataset::new(metadata, properties.property, sources, entities, claims);
    dataset.quote_verification = summarize(&dataset, lock);
    Ok(Clean(Some(dataset)))
}

/// A source's file, as the walk names it: the id is the file's name in a clean dataset.
fn source_file(s: &Source) -> String {
    format!("sources/{}.toml", s.id)
}

/// `check` on every file in parallel, with progress; the doubt of the first file (in walk
/// order) that doubts. Once one doubts, the files after it are skipped, never those before
/// it, so that the doubt reported does not depend on which thread got there first.
fn each<'a, T: Send>(
    files: impl Iterator<Item = &'a Found>,
    tick: &(dyn Fn() + Sync),
    check: impl Fn(&'a Found) -> Result<T, Doubt> + Sync,
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
    results.into_iter().flatten().collect()
}

/// The hash an id is kept as: equal ids have equal hashes, so no duplicate goes unseen;
/// two different ids with the same hash only send the dataset to the full check.
fn hash(id: &str) -> u64 {
    FixedState::default().hash_one(id)
}

/// The conditions of the rules on a source alone: dates, names, its own references.
fn source_clean(s: &Source, metadata: &Metadata) -> Condition {
    let dates = [&s.issued, &s.accessed, &s.archive_date];
    if dates
        .into_iter()
        .flatten()
        .any(|d| is_after_as_of(*d, metadata))
    {
        return Err(&rules::DATE_AFTER_AS_OF);
    }
    if let (Some(issued), Some(accessed)) = (&s.issued, &s.accessed)
        && accessed.latest() < issued.earliest()
    {
        return Err(&rules::ACCESSED_BEFORE_ISSUED);
    }
    let names = s.author.iter().chain(&s.editor);
    if names
        .into_iter()
        .any(|n| n.family.is_none() && n.literal.is_none())
    {
        return Err(&rules::INCOMPLETE_NAME);
    }
    if s.references.contains(&s.id) {
        return Err(&rules::CITES_OWN_SOURCE);
    }
    Ok(())
}

/// The conditions of every cross-file rule on an entity and its claims; what it leaves for
/// the naming rules when they hold.
fn entity_clean(file: &str, e: &EntityFile, cx: &Context<'_>) -> Result<NameFacts, &'static Rule> {
    let mut facts = NameFacts {
        id: e.id.clone(),
        file: file.to_owned(),
        kind: e.kind,
        names: names::forms(&e.labels, &e.aliases),
        named_by: Vec::new(),
        values: Vec::new(),
    };
    if facts.names.len() > 64 {
        // More names than the bit sets hold: the full check judges them.
        return Err(&rules::QUOTE_OMITS_NAME);
    }
    for c in &e.claims {
        claim_clean(e, c, cx, &mut facts)?;
    }
    facts.named_by.sort_unstable();
    facts.named_by.dedup();
    entity_rules_clean(e, cx)?;
    Ok(facts)
}

/// The conditions of the disputes rules on an entity's claims.
fn entity_rules_clean(e: &EntityFile, cx: &Context<'_>) -> Condition {
    let claims = &e.claims;
    for a in claims {
        for d in &a.disputes {
            // A rival claim has the same subject, so it is in this file.
            let Some(b) = claims.iter().find(|b| b.id == d.with) else {
                return Err(&rules::UNKNOWN_CLAIM);
            };
            if b.id == a.id || b.property != a.property {
                return Err(&rules::DISPUTE_MISMATCH);
            }
            let computed = match (a.value.as_date(), b.value.as_date()) {
                (Some(x), Some(y)) => Some(x.relation(y)),
                _ => None,
            };
            if computed.is_some_and(|r| r != d.relation) {
                return Err(&rules::WRONG_DISPUTE_RELATION);
            }
            if computed.unwrap_or(d.relation) == DateRelation::Contradiction
                && !ranked(a)
                && !ranked(b)
            {
                return Err(&rules::UNRANKED_CONTRADICTION);
            }
        }
    }
    let single = |c: &ClaimRecord| {
        cx.properties
            .get(c.property.as_str())
            .is_some_and(|p| p.cardinality == Cardinality::Single)
    };
    let declared = claims.iter().enumerate().all(|(i, b)| {
        !single(b)
            || claims[..i]
                .iter()
                .all(|a| a.property != b.property || a.value == b.value || linked(a, b))
    });
    if declared {
        Ok(())
    } else {
        Err(&rules::UNDECLARED_DISPUTE)
    }
}

/// The conditions of the rules on one claim: references, provenance, values, dates, rank;
/// and the part of the naming rules that needs no other entity, leaving the rest in `facts`.
fn claim_clean(
    e: &EntityFile,
    c: &ClaimRecord,
    cx: &Context<'_>,
    facts: &mut NameFacts,
) -> Condition {
    let Some(prop) = cx.properties.get(c.property.as_str()) else {
        return Err(&rules::UNKNOWN_PROPERTY);
    };
    value_fits(prop, &c.value, cx)?;
    if !prop.subject_kinds.is_empty() && !prop.subject_kinds.contains(&e.kind) {
        return Err(&rules::SUBJECT_KIND_MISMATCH);
    }
    for (k, v) in &c.qualifiers {
        let Some(q) = cx.properties.get(k.as_str()) else {
            return Err(&rules::UNKNOWN_PROPERTY);
        };
        value_fits(q, v, cx)?;
    }
    let dates = c
        .value
        .as_date()
        .into_iter()
        .chain(c.qualifiers.values().filter_map(Value::as_date));
    if dates
        .flat_map(cadres_model::Edtf::dates)
        .any(|d| is_after_as_of(*d, cx.metadata))
    {
        return Err(&rules::DATE_AFTER_AS_OF);
    }
    if c.rank != Rank::Normal && c.rank_reason.is_none() {
        return Err(&rules::RANK_WITHOUT_REASON);
    }
    if c.citations.is_empty() {
        return Err(&rules::UNCITED_CLAIM);
    }
    for cit in &c.citations {
        let Some(source) = cx.sources.get(cit.source.as_str()) else {
            return Err(&rules::UNKNOWN_SOURCE);
        };
        if cit.quote.is_none() && cit.locator.is_none() {
            return Err(&rules::CITATION_WITHOUT_EVIDENCE);
        }
        if cit
            .quote
            .as_ref()
            .is_some_and(|q| q.chars().nth(MAX_QUOTE_CHARS).is_some())
        {
            return Err(&rules::QUOTE_TOO_LONG);
        }
        if let Some(q) = &cit.quote
            && !cx
                .lock
                .is_some_and(|l| l.verifies(cit.source.as_str(), source.pin, q))
        {
            return Err(if source.pin.is_none() {
                &rules::UNPINNED_SOURCE
            } else {
                &rules::UNVERIFIED_QUOTE
            });
        }
        source.cited.store(true, Ordering::Relaxed);
        source.read.store(true, Ordering::Relaxed);
        for w in &cit.cites {
            let Some(work) = cx.sources.get(w.as_str()) else {
                return Err(&rules::UNKNOWN_SOURCE);
            };
            if *w == cit.source {
                return Err(&rules::CITES_OWN_SOURCE);
            }
            if !source.references.contains(w) {
                return Err(&rules::CITES_UNLISTED_WORK);
            }
            work.cited.store(true, Ordering::Relaxed);
        }
        citation_names(e, c, cit, facts)?;
    }
    Ok(())
}

/// The naming rules on one citation, as far as the subject's own names go: every
/// `as-named` entry is the subject's or the value's and occurs in the quote; the subject is
/// declared or one of its names occurs (which of them is left in `facts`, to be proved
/// unambiguous at the end); the value entity is declared, or the quote is left in `facts`.
fn citation_names(
    e: &EntityFile,
    c: &ClaimRecord,
    cit: &cadres_model::Citation,
    facts: &mut NameFacts,
) -> Condition {
    let value = c.value.as_entity();
    let quote = cit.quote.as_deref().map(names::key);
    for (id, words) in &cit.as_named {
        if (*id != e.id && Some(id) != value)
            || !quote
                .as_deref()
                .is_some_and(|q| names::occurs(&names::key(words), q))
        {
            return Err(&rules::AS_NAMED_MISMATCH);
        }
    }
    let Some(quote) = quote else {
        return Ok(());
    };
    if !cit.as_named.contains_key(&e.id) {
        let mut bits = 0u64;
        for (i, name) in facts.names.iter().enumerate() {
            if names::occurs(name, &quote) {
                bits |= 1 << i;
            }
        }
        if bits == 0 {
            return Err(&rules::QUOTE_OMITS_NAME);
        }
        facts.named_by.push(bits);
    }
    if let Some(v) = value
        && *v != e.id
        && !cit.as_named.contains_key(v)
    {
        facts.values.push((v.clone(), quote));
    }
    Ok(())
}

/// The naming rules that need every entity's names: each entity is named by one of its
/// names that is not ambiguous, wherever its own quotes name it, and so is each value
/// entity left for the end.
fn names_clean(facts: Vec<NameFacts>) -> Result<(), Doubt> {
    let mut rest = Vec::with_capacity(facts.len());
    let table = NameTable::new(facts.into_iter().map(|f| {
        rest.push((f.id.clone(), f.file, f.named_by, f.values));
        (f.id.as_str().to_owned(), f.kind, f.names)
    }));
    let judged: Vec<Result<(), Doubt>> = rest
        .into_par_iter()
        .map(|(id, file, named_by, values)| {
            let doubt = |rule: &'static Rule| Doubt::at(rule, &file);
            let Some((kind, own)) = table.entity(id.as_str()) else {
                return Err(doubt(&rules::DUPLICATE_ID));
            };
            let clear: u64 = own
                .iter()
                .enumerate()
                .filter(|(_, n)| table.rival(id.as_str(), kind, n).is_none())
                .fold(0, |bits, (i, _)| bits | 1 << i);
            if !named_by.iter().all(|bits| bits & clear != 0) {
                return Err(doubt(&rules::AMBIGUOUS_NAME));
            }
            for (v, quote) in &values {
                let Some((kind, forms)) = table.entity(v.as_str()) else {
                    return Err(doubt(&rules::UNKNOWN_ENTITY));
                };
                match names::naming(&table, v.as_str(), kind, forms, quote) {
                    Naming::Named => {}
                    Naming::Ambiguous(..) => return Err(doubt(&rules::AMBIGUOUS_NAME)),
                    Naming::Omitted => return Err(doubt(&rules::QUOTE_OMITS_NAME)),
                }
            }
            Ok(())
        })
        .collect();
    // The first entity in file order that doubts, whatever the threads did first.
    judged.into_iter().collect()
}

/// A value fits its property: type, the kind of the entity it names (which must exist),
/// and a share's parts.
fn value_fits(prop: &Property, v: &Value, cx: &Context<'_>) -> Condition {
    if v.value_type() != prop.value_type {
        return Err(&rules::VALUE_TYPE_MISMATCH);
    }
    if let Some(target) = v.as_entity() {
        let Some(kind) = cx.entities.get(target.as_str()) else {
            return Err(&rules::UNKNOWN_ENTITY);
        };
        if !prop.value_kinds.is_empty() && !prop.value_kinds.contains(kind) {
            return Err(&rules::VALUE_KIND_MISMATCH);
        }
    }
    if let Value::Share(parts) = v {
        let total: f64 = parts.iter().map(|p| p.percent).sum();
        if parts.iter().any(|p| !(0.0..=100.0).contains(&p.percent)) || total > 100.0 + 1e-9 {
            return Err(&rules::SHARE_OUT_OF_RANGE);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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

    /// [`agree`], with the doubt that sent the dataset to the full check: the walk's first
    /// problem, or what the streaming pass doubted.
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
            clean(&walk.files, lock.lock(), None, false).map(|_| ())
        };
        if streamed.is_ok() {
            let assembled = clean(&walk.files, lock.lock(), None, true)
                .ok()
                .and_then(|c| c.0);
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
    fn agrees_with_the_full_check_on_every_dataset() {
        let (mut dirty, mut proved) = (0, 0);
        for dir in datasets() {
            if agree(&dir).is_empty() {
                proved += 1;
            } else {
                dirty += 1;
            }
        }
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
