//! The full driver of the cross-record rules: every loaded record indexed by id, the
//! [`Lookup`] the rules of `rules/` ask, and the [`Sink`] that makes each report a
//! diagnostic pointing into its file through the file's span index.
//!
//! Every id is resolved through a hash map built once; no rule compares every record with
//! every other. What is still written here rather than in `rules/`: the duplicate ids
//! (found while indexing) and how quotes name entities (`names.rs` holds its predicates).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use cadres_model::schema::RecordKind;
use cadres_model::{EntityFile, EntityKind, Metadata, Property, Source};

use crate::load::{Loaded, Record};
use crate::roots::{Defines, Root};
use crate::rules::lookup::{ClaimAt, FileNo, Flow, GO_ON, Lookup, Namespace, Report, Sink};
use crate::rules::provenance::names::{self, NameTable};
use crate::rules::{self, Rule};
use crate::stream::Background;
use crate::{Diagnostic, Map};

/// The namespaces an id is declared in, as bits of [`Declared::kinds`].
const SOURCE: u8 = 1;
const ENTITY: u8 = 2;
const CLAIM: u8 = 4;

/// Where an id of the shared namespace of sources, entities and claims is declared first,
/// and what is known of it.
struct Declared {
    /// Every namespace some file declares it in ([`SOURCE`], [`ENTITY`], [`CLAIM`]).
    kinds: u8,
    /// The first file declaring it.
    file: usize,
    /// The position of the claim in that file, or `None` for the record itself.
    at: Option<usize>,
    /// The first claim built with this id, as an index into [`Index::claims`].
    claim: Option<usize>,
    /// Whether a citation names it.
    cited: AtomicBool,
}

/// Every record of the dataset, indexed by id.
pub(crate) struct Index<'a> {
    pub(crate) files: &'a [Loaded],
    pub(crate) metadata: Option<&'a Metadata>,
    pub(crate) properties: Map<&'a str, &'a Property>,
    /// Whether `properties.toml` was found, so that property ids can be known at all.
    properties_loaded: bool,
    pub(crate) sources: Map<&'a str, (usize, &'a Source)>,
    pub(crate) entities: Map<&'a str, (usize, &'a EntityFile)>,
    /// The claims that could be built, in file order, each id once (the first).
    pub(crate) claims: Vec<ClaimAt<'a>>,
    /// For each file, the range of its claims in `claims`.
    claim_ranges: Vec<std::ops::Range<usize>>,
    /// Every id declared, by files whose record could not be built too, so that a broken
    /// file does not make every reference to it fail as well.
    declared: Map<&'a str, Declared>,
    /// Property ids, with the position of the first declaration.
    declared_properties: Map<&'a str, (usize, usize)>,
    /// The ids declared twice: `(file, position, id)` of each later declaration.
    duplicates: Vec<(usize, Option<usize>, &'a str)>,
    /// Each entity id declared by more than one file, with every file declaring it.
    shared_entities: Map<&'a str, Vec<usize>>,
    /// The known ids of each namespace, sorted, for suggestions: built on first use.
    sorted: [OnceLock<Vec<&'a str>>; 4],
    /// The files that could not be loaded, and the id each would define by namespace
    /// ([`SOURCE`] or [`ENTITY`]), so that references to them wait on them.
    pub(crate) roots: &'a [Root],
    root_of: Map<(&'a str, u8), usize>,
    /// Every entity's names, for the rules on how a quote names them: built on first use.
    names: OnceLock<NameTable>,
    /// What the streaming driver knows of the files not loaded here, when only its
    /// suspects are ([`crate::stream::Background`]).
    background: Option<&'a Background>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(
        files: &'a [Loaded],
        roots: &'a [Root],
        background: Option<&'a Background>,
    ) -> Index<'a> {
        let mut ix = Index {
            files,
            metadata: None,
            properties: Map::default(),
            properties_loaded: files.iter().any(|f| f.kind == RecordKind::Properties),
            sources: Map::default(),
            entities: Map::default(),
            claims: Vec::new(),
            claim_ranges: Vec::with_capacity(files.len()),
            declared: Map::default(),
            declared_properties: Map::default(),
            duplicates: Vec::new(),
            shared_entities: Map::default(),
            sorted: Default::default(),
            roots,
            root_of: roots
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let bit = match r.defines {
                        Defines::Source => SOURCE,
                        Defines::Entity => ENTITY,
                    };
                    ((r.id.as_str(), bit), i)
                })
                .collect(),
            names: OnceLock::new(),
            background,
        };
        let mut entity_files: Map<&'a str, Vec<usize>> = Map::default();
        for (fi, f) in files.iter().enumerate() {
            if f.kind == RecordKind::Properties {
                for (i, id) in f.inner_ids() {
                    if ix.declared_properties.contains_key(id) {
                        ix.duplicates.push((fi, Some(i), id));
                    } else {
                        ix.declared_properties.insert(id, (fi, i));
                    }
                }
            }
            let record_bit = match f.kind {
                RecordKind::Source => SOURCE,
                RecordKind::Entity => ENTITY,
                _ => 0,
            };
            let record = f.record_id().filter(|_| record_bit != 0);
            if record_bit == ENTITY
                && let Some(id) = record
            {
                entity_files.entry(id).or_default().push(fi);
            }
            let inner = if f.kind == RecordKind::Entity {
                f.inner_ids()
            } else {
                Vec::new()
            };
            let all = record
                .map(|id| (None, id, record_bit))
                .into_iter()
                .chain(inner.into_iter().map(|(i, id)| (Some(i), id, CLAIM)));
            for (at, id, bit) in all {
                match ix.declared.get_mut(id) {
                    Some(d) => {
                        d.kinds |= bit;
                        ix.duplicates.push((fi, at, id));
                    }
                    None => {
                        ix.declared.insert(
                            id,
                            Declared {
                                kinds: bit,
                                file: fi,
                                at,
                                claim: None,
                                cited: AtomicBool::new(false),
                            },
                        );
                    }
                }
            }
            let start = ix.claims.len();
            match &f.record {
                Some(Record::Metadata(m)) => ix.metadata = Some(m),
                Some(Record::Properties(p)) => {
                    for prop in &p.property {
                        ix.properties.entry(prop.id.as_str()).or_insert(prop);
                    }
                }
                Some(Record::Source(s)) => {
                    ix.sources.entry(s.id.as_str()).or_insert((fi, s));
                }
                Some(Record::Entity(e)) => {
                    ix.entities.entry(e.id.as_str()).or_insert((fi, e));
                    for (i, c) in e.claims.iter().enumerate() {
                        let slot = ix.claims.len();
                        let Some(d) = ix.declared.get_mut(c.id.as_str()) else {
                            continue;
                        };
                        if d.claim.is_some() {
                            continue;
                        }
                        d.claim = Some(slot);
                        ix.claims.push(ClaimAt {
                            file: fi,
                            index: f.claim_positions.get(i).copied().unwrap_or(i),
                            claim: c,
                            subject: e,
                        });
                    }
                }
                None => {}
            }
            ix.claim_ranges.push(start..ix.claims.len());
        }
        entity_files.retain(|_, v| v.len() > 1);
        ix.shared_entities = entity_files;
        ix
    }

    fn known(&self, id: &str, kind: u8) -> bool {
        self.declared.get(id).is_some_and(|d| d.kinds & kind != 0)
    }

    fn known_property(&self, id: &str) -> bool {
        self.declared_properties.contains_key(id)
    }

    /// The claim built with the id `id`.
    pub(crate) fn claim(&self, id: &str) -> Option<&ClaimAt<'a>> {
        self.declared
            .get(id)
            .and_then(|d| d.claim)
            .map(|i| &self.claims[i])
    }

    /// The source with this id and its file, if loaded here; else from the background,
    /// with no file.
    pub(crate) fn source_anywhere(&self, id: &str) -> Option<(Option<usize>, &'a Source)> {
        match self.sources.get(id) {
            Some(&(fi, s)) => Some((Some(fi), s)),
            None => self
                .background
                .and_then(|b| b.sources.get(id))
                .map(|(_, s)| (None, s)),
        }
    }

    /// The known ids of a namespace, sorted: for "did you mean".
    fn sorted(&self, what: Namespace) -> &[&'a str] {
        let (slot, kind) = (what as usize, bit(what));
        self.sorted[slot].get_or_init(|| {
            let mut v: Vec<&str> = if kind == 0 {
                self.declared_properties.keys().copied().collect()
            } else {
                self.declared
                    .iter()
                    .filter(|(_, d)| d.kinds & kind != 0)
                    .map(|(id, _)| *id)
                    .collect()
            };
            if let Some(bg) = self.background {
                match what {
                    Namespace::Source => v.extend(bg.sources.keys().map(String::as_str)),
                    Namespace::Entity => v.extend(bg.entities.keys().map(String::as_str)),
                    Namespace::Claim | Namespace::Property => {}
                }
            }
            v.sort_unstable();
            v
        })
    }

    /// The reports of the rules `run` makes, as diagnostics. The sink never breaks.
    fn collect(&self, run: impl FnOnce(&mut Collect<'_, 'a>) -> Flow) -> Vec<Diagnostic> {
        let mut sink = Collect {
            ix: self,
            out: Vec::new(),
        };
        let flow = run(&mut sink);
        debug_assert!(
            flow.is_continue(),
            "the full driver's sink never stops a rule"
        );
        sink.out
    }

    /// Every entity's names (the first file of each id).
    pub(crate) fn names(&self) -> &NameTable {
        self.names.get_or_init(|| {
            NameTable::new(
                self.entities
                    .iter()
                    .map(|(id, (_, e))| (*id, e.kind, names::forms(&e.labels, &e.aliases))),
            )
        })
    }

    /// A diagnostic of `rule` pointing at the value at `pointer` in file `fi`.
    pub(crate) fn at(
        &self,
        rule: &Rule,
        fi: usize,
        pointer: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let f = &self.files[fi];
        Diagnostic::new(rule, f.rel.clone(), message).at(f.text(), f.index().value(pointer))
    }

    /// Another place a diagnostic involves: the value at `pointer` in file `fi`.
    pub(crate) fn related(&self, fi: usize, pointer: &str, label: &str) -> crate::Related {
        let f = &self.files[fi];
        crate::Related {
            file: f.rel.clone(),
            span: Some(crate::Span::new(f.text(), f.index().value(pointer))),
            label: label.to_owned(),
        }
    }

    /// A diagnostic of `rule` pointing at the key of the value at `pointer` in file `fi`.
    pub(crate) fn at_key(
        &self,
        rule: &Rule,
        fi: usize,
        pointer: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let f = &self.files[fi];
        Diagnostic::new(rule, f.rel.clone(), message).at(f.text(), f.index().key(pointer))
    }
}

/// Runs every cross-record rule.
pub(crate) fn run(ix: &Index<'_>, out: &mut Vec<Diagnostic>) {
    rules::identity::duplicate_id::check(ix, out);
    // Which ids a citation names, from every file (a claim too broken to build counts).
    ix.files.par_iter().for_each(|f| {
        f.for_each_cited(|s| {
            if let Some(d) = ix.declared.get(s) {
                d.cited.store(true, Ordering::Relaxed);
            }
        });
    });
    // The rules on each claim alone, in parallel: the diagnostics are sorted afterwards.
    out.par_extend(ix.claims.par_iter().flat_map_iter(|c| {
        let mut found = ix.collect(|sink| rules::claim(ix, c, sink));
        for (j, cit) in c.claim.citations.iter().enumerate() {
            rules::provenance::quote_omits_name::check(
                ix,
                c,
                &format!("{}/citations/{j}", c.pointer()),
                cit,
                &mut found,
            );
        }
        found
    }));
    let mut sources: Vec<&(usize, &Source)> = ix.sources.values().collect();
    sources.sort_by_key(|(fi, _)| *fi);
    for &&(fi, s) in &sources {
        out.extend(ix.collect(|sink| {
            rules::source(ix, fi, s, sink)?;
            rules::source_used(ix, fi, s, sink)
        }));
    }
    out.par_extend(ix.entities.par_iter().flat_map_iter(|(id, (fi, _))| {
        // Every claim of the subject, from each file declaring it.
        let files = ix
            .shared_entities
            .get(id)
            .map_or(std::slice::from_ref(fi), Vec::as_slice);
        let claims: Vec<ClaimAt<'_>> = files
            .iter()
            .flat_map(|f| ix.claims[ix.claim_ranges[*f].clone()].iter().copied())
            .collect();
        ix.collect(|sink| rules::subject(ix, id, &claims, sink))
    }));
}

/// The full driver's sink: every report, made a diagnostic with its span.
struct Collect<'i, 'a> {
    ix: &'i Index<'a>,
    out: Vec<Diagnostic>,
}

impl Sink for Collect<'_, '_> {
    fn report(
        &mut self,
        rule: &'static Rule,
        file: FileNo,
        report: impl FnOnce() -> Report,
    ) -> Flow {
        let r = report();
        let f = &self.ix.files[file];
        let range = if r.on_key {
            f.index().key(&r.pointer)
        } else {
            f.index().value(&r.pointer)
        };
        let mut d = Diagnostic::new(rule, f.rel.clone(), r.message).at(f.text(), range);
        d.label = r.label;
        d.help = r.help;
        for (other, pointer, label) in r.related {
            d.related.push(self.ix.related(other, &pointer, label));
        }
        self.out.push(d);
        GO_ON
    }
}

impl<'a> Lookup<'a> for Index<'a> {
    fn metadata(&self) -> Option<&'a Metadata> {
        self.metadata
    }

    fn property(&self, id: &str) -> Option<&'a Property> {
        self.properties.get(id).copied()
    }

    fn knows(&self, ns: Namespace, id: &str) -> bool {
        match ns {
            // Without `properties.toml` no property can be known, nor reported as unknown.
            Namespace::Property => !self.properties_loaded || self.known_property(id),
            Namespace::Source => {
                self.known(id, SOURCE)
                    || self.background.is_some_and(|b| b.sources.contains_key(id))
            }
            Namespace::Entity => {
                self.known(id, ENTITY)
                    || self.background.is_some_and(|b| b.entities.contains_key(id))
            }
            Namespace::Claim => self.known(id, CLAIM),
        }
    }

    fn waits(&self, ns: Namespace, id: &str, from: FileNo) -> bool {
        let Some(&r) = self.root_of.get(&(id, bit(ns))) else {
            return false;
        };
        self.roots[r].wait(from);
        true
    }

    fn suggest(&self, ns: Namespace, id: &str) -> Option<&'a str> {
        crate::suggest::closest(id, self.sorted(ns))
    }

    fn source(&self, id: &str) -> Option<(&'a str, &'a Source)> {
        match self.sources.get(id) {
            Some(&(fi, s)) => Some((self.files[fi].rel.as_str(), s)),
            None => self
                .background
                .and_then(|b| b.sources.get(id))
                .map(|(file, s)| (file.as_str(), s)),
        }
    }

    fn entity_kind(&self, id: &str) -> Option<EntityKind> {
        match self.entities.get(id) {
            Some((_, e)) => Some(e.kind),
            None => self.background.and_then(|b| b.entities.get(id).copied()),
        }
    }

    fn claim(&self, id: &str) -> Option<ClaimAt<'a>> {
        Index::claim(self, id).copied()
    }

    fn cited(&self, id: &str) -> Option<bool> {
        // An entity file that could not be loaded may cite any source.
        if crate::roots::entity_unread(self.roots) {
            return None;
        }
        Some(
            self.declared
                .get(id)
                .is_some_and(|d| d.cited.load(Ordering::Relaxed))
                || self.background.is_some_and(|b| b.cited.contains(id)),
        )
    }
}

/// The bit of a namespace in [`Declared::kinds`]; properties have their own table.
fn bit(ns: Namespace) -> u8 {
    match ns {
        Namespace::Source => SOURCE,
        Namespace::Entity => ENTITY,
        Namespace::Claim => CLAIM,
        Namespace::Property => 0,
    }
}

/// A declaration's place: its file, and its position among the file's inner records
/// (`None`: the record's own `id`).
pub(crate) type Place = (usize, Option<usize>);

impl<'a> Index<'a> {
    /// Each id declared again, in the order found: the file and position of the later
    /// declaration (`None`: the record's own `id`), the id, and the file and position of
    /// its first declaration.
    pub(crate) fn repeats(&self) -> impl Iterator<Item = (Place, &'a str, Place)> + '_ {
        self.duplicates.iter().map(|&(fi, at, id)| {
            let first = if self.files[fi].kind == RecordKind::Properties {
                let (f, i) = self.declared_properties[id];
                (f, Some(i))
            } else {
                let d = &self.declared[id];
                (d.file, d.at)
            };
            ((fi, at), id, first)
        })
    }
}
