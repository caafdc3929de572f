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

/// A dataset proved clean, assembled if asked for.
pub(crate) struct Clean(pub(crate) Option<Dataset>);

/// Whether the dataset of the walked `files` has nothing at all to report, proved in one
/// streaming pass: `Some` when it is clean, holding the assembled dataset if `assemble`
/// asks for it (the records are then kept instead of dropped); `None` when anything would
/// be reported, or might be.
pub(crate) fn clean(
    files: &[Found],
    lock: Option<&Lock>,
    progress: Option<fn(crate::Pass, usize, usize)>,
    assemble: bool,
) -> Option<Clean> {
    let total = files.len();
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let tick = || {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(report) = progress
            && n.is_multiple_of(1024)
        {
            report(crate::Pass::Streaming, n, total);
        }
    };
    let of_kind = |kind: RecordKind| files.iter().filter(move |f| f.kind == kind);
    let (Some(Record::Metadata(metadata)), Some(Record::Properties(properties))) = (
        of_kind(RecordKind::Metadata).next().and_then(read_clean),
        of_kind(RecordKind::Properties).next().and_then(read_clean),
    ) else {
        return None;
    };
    let mut property_ids = Map::default();
    for p in &properties.property {
        if property_ids.insert(p.id.as_str(), p).is_some() {
            return None;
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
    let sources: Option<Vec<Source>> =
        each(
            of_kind(RecordKind::Source),
            &stop,
            &tick,
            |f| match read_clean(f) {
                Some(Record::Source(s)) if source_clean(&s, &metadata) => Some(*s),
                _ => None,
            },
        );
    let sources = sources?;
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
    if cx.sources.len() != sources.len()
        || sources
            .iter()
            .flat_map(|s| &s.references)
            .any(|r| !cx.sources.contains_key(r.as_str()))
    {
        return None;
    }

    // The entities, each checked against what is known; their ids' hashes are kept, and
    // the records themselves only to assemble the dataset.
    let checked: Option<Vec<(Vec<u64>, Option<EntityFile>)>> = each(
        of_kind(RecordKind::Entity),
        &stop,
        &tick,
        |f| match read_clean(f) {
            Some(Record::Entity(e)) if entity_clean(&e, &cx) => Some((
                std::iter::once(e.id.as_str())
                    .chain(e.claims.iter().map(|c| c.id.as_str()))
                    .map(hash)
                    .collect(),
                assemble.then_some(e),
            )),
            _ => None,
        },
    );
    let checked = checked?;
    if let Some(report) = progress {
        report(crate::Pass::Streaming, total, total);
    }
    if cx.sources.values().any(|s| {
        !s.cited.load(Ordering::Relaxed) || (s.read.load(Ordering::Relaxed) && s.pin.is_none())
    }) {
        return None;
    }
    drop(cx);
    let mut entities = Vec::new();
    for (h, e) in checked {
        hashes.extend(h);
        entities.extend(e);
    }
    hashes.par_sort_unstable();
    if hashes.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
    if !assemble {
        return Some(Clean(None));
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
    Some(Clean(Some(dataset)))
}

/// `check` on every file in parallel, with progress; `None` as soon as one gives `None`
/// (the others then stop early through `stop`).
fn each<'a, T: Send>(
    files: impl Iterator<Item = &'a Found>,
    stop: &AtomicBool,
    tick: &(dyn Fn() + Sync),
    check: impl Fn(&'a Found) -> Option<T> + Sync,
) -> Option<Vec<T>> {
    files
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|f| {
            tick();
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            let found = check(f);
            if found.is_none() {
                stop.store(true, Ordering::Relaxed);
            }
            found
        })
        .collect()
}

/// The hash an id is kept as: equal ids have equal hashes, so no duplicate goes unseen;
/// two different ids with the same hash only send the dataset to the full check.
fn hash(id: &str) -> u64 {
    FixedState::default().hash_one(id)
}

/// The conditions of the rules on a source alone: dates, names, its own references.
fn source_clean(s: &Source, metadata: &Metadata) -> bool {
    let dates = [&s.issued, &s.accessed, &s.archive_date];
    if dates
        .into_iter()
        .flatten()
        .any(|d| is_after_as_of(*d, metadata))
    {
        return false;
    }
    if let (Some(issued), Some(accessed)) = (&s.issued, &s.accessed)
        && accessed.latest() < issued.earliest()
    {
        return false;
    }
    let names = s.author.iter().chain(&s.editor);
    !names
        .into_iter()
        .any(|n| n.family.is_none() && n.literal.is_none())
        && !s.references.contains(&s.id)
}

/// The conditions of every cross-file rule on an entity and its claims.
fn entity_clean(e: &EntityFile, cx: &Context<'_>) -> bool {
    let claims = &e.claims;
    if !claims.iter().all(|c| claim_clean(e, c, cx)) {
        return false;
    }
    for a in claims {
        for d in &a.disputes {
            // A rival claim has the same subject, so it is in this file.
            let Some(b) = claims.iter().find(|b| b.id == d.with) else {
                return false;
            };
            if b.id == a.id || b.property != a.property {
                return false;
            }
            let computed = match (a.value.as_date(), b.value.as_date()) {
                (Some(x), Some(y)) => Some(x.relation(y)),
                _ => None,
            };
            if computed.is_some_and(|r| r != d.relation)
                || (computed.unwrap_or(d.relation) == DateRelation::Contradiction
                    && !ranked(a)
                    && !ranked(b))
            {
                return false;
            }
        }
    }
    let single = |c: &ClaimRecord| {
        cx.properties
            .get(c.property.as_str())
            .is_some_and(|p| p.cardinality == Cardinality::Single)
    };
    claims.iter().enumerate().all(|(i, b)| {
        !single(b)
            || claims[..i]
                .iter()
                .all(|a| a.property != b.property || a.value == b.value || linked(a, b))
    })
}

/// The conditions of the rules on one claim: references, provenance, values, dates, rank.
fn claim_clean(e: &EntityFile, c: &ClaimRecord, cx: &Context<'_>) -> bool {
    let Some(prop) = cx.properties.get(c.property.as_str()) else {
        return false;
    };
    if !value_fits(prop, &c.value, cx)
        || (!prop.subject_kinds.is_empty() && !prop.subject_kinds.contains(&e.kind))
    {
        return false;
    }
    for (k, v) in &c.qualifiers {
        match cx.properties.get(k.as_str()) {
            Some(q) if value_fits(q, v, cx) => {}
            _ => return false,
        }
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
        return false;
    }
    if c.rank != Rank::Normal && c.rank_reason.is_none() {
        return false;
    }
    if c.citations.is_empty() {
        return false;
    }
    for cit in &c.citations {
        let Some(source) = cx.sources.get(cit.source.as_str()) else {
            return false;
        };
        if cit.quote.is_none() && cit.locator.is_none() {
            return false;
        }
        if cit
            .quote
            .as_ref()
            .is_some_and(|q| q.chars().nth(MAX_QUOTE_CHARS).is_some())
        {
            return false;
        }
        if let Some(q) = &cit.quote
            && !cx
                .lock
                .is_some_and(|l| l.verifies(cit.source.as_str(), source.pin, q))
        {
            return false;
        }
        source.cited.store(true, Ordering::Relaxed);
        source.read.store(true, Ordering::Relaxed);
        for w in &cit.cites {
            let Some(work) = cx.sources.get(w.as_str()) else {
                return false;
            };
            if *w == cit.source || !source.references.contains(w) {
                return false;
            }
            work.cited.store(true, Ordering::Relaxed);
        }
    }
    true
}

/// A value fits its property: type, the kind of the entity it names (which must exist),
/// and a share's parts.
fn value_fits(prop: &Property, v: &Value, cx: &Context<'_>) -> bool {
    if v.value_type() != prop.value_type {
        return false;
    }
    if let Some(target) = v.as_entity() {
        let Some(kind) = cx.entities.get(target.as_str()) else {
            return false;
        };
        if !prop.value_kinds.is_empty() && !prop.value_kinds.contains(kind) {
            return false;
        }
    }
    if let Value::Share(parts) = v {
        let total: f64 = parts.iter().map(|p| p.percent).sum();
        if parts.iter().any(|p| !(0.0..=100.0).contains(&p.percent)) || total > 100.0 + 1e-9 {
            return false;
        }
    }
    true
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
            dirs.extend(found);
        }
        dirs
    }

    /// The streaming check is sound: it never calls clean a dataset in which the full
    /// check finds anything. And it is complete on these datasets: every one the full
    /// check finds nothing in, it proves clean.
    #[test]
    fn agrees_with_the_full_check_on_every_dataset() {
        let (mut dirty, mut proved) = (0, 0);
        for dir in datasets() {
            let options = Options {
                dataset: dir.clone(),
                archive: None,
            };
            let lock = crate::verified::read(&dir);
            let (full, _) = crate::full(
                &options,
                &crate::Tuning::default(),
                crate::walk::walk(&dir, MAX_FILES).expect("the walk runs"),
                &lock,
                crate::archive::Mode::Check,
            )
            .expect("the check runs");
            let walk = crate::walk::walk(&dir, MAX_FILES).expect("the walk runs");
            let streamed = walk.diagnostics.is_empty()
                && clean(&walk.files, lock.lock(), None, false).is_some();
            if streamed {
                let assembled = clean(&walk.files, lock.lock(), None, true).and_then(|c| c.0);
                assert_eq!(
                    assembled.as_ref(),
                    full.dataset.as_ref(),
                    "{}: the streamed dataset differs from the full check's",
                    dir.display()
                );
            }
            if full.diagnostics.is_empty() {
                assert!(
                    streamed,
                    "{}: nothing to report, yet not proved clean",
                    dir.display()
                );
                proved += 1;
            } else {
                let codes: Vec<&str> = full.diagnostics.iter().map(|d| d.code).collect();
                assert!(
                    !streamed,
                    "{}: called clean, but the full check reports {codes:?}",
                    dir.display()
                );
                dirty += 1;
            }
        }
        assert!(dirty >= 40, "only {dirty} datasets with problems");
        assert!(proved >= 2, "only {proved} clean datasets");
    }
}
