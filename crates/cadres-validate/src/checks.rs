//! The rules that look across records, on the typed model: identity, integrity,
//! provenance, values, bibliography and consistency.
//!
//! Every id is resolved through a hash map built once; no rule compares every record with
//! every other. Each diagnostic points into its file through the file's span index.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use foldhash::fast::FixedState;
use rayon::prelude::*;

use cadres_model::schema::RecordKind;
use cadres_model::{
    Cardinality, Citation, ClaimRecord, DateRelation, Edtf, EdtfDate, EntityFile, EntityKind,
    Metadata, Property, Rank, Source, Value,
};

use crate::Diagnostic;
use crate::load::{Loaded, Record};
use crate::names::{self, NameTable, Naming};
use crate::roots::{Defines, Root};
use crate::rules::{self, Rule};

/// The longest quote, in characters.
pub const MAX_QUOTE_CHARS: usize = 300;

/// A hash map with a fast hasher and a fixed seed. No output depends on its order.
type Map<K, V> = HashMap<K, V, FixedState>;

/// A claim and where it is.
pub(crate) struct ClaimAt<'a> {
    pub(crate) file: usize,
    pub(crate) index: usize,
    pub(crate) claim: &'a ClaimRecord,
    pub(crate) subject: &'a EntityFile,
}

impl ClaimAt<'_> {
    pub(crate) fn pointer(&self) -> String {
        format!("/claims/{}", self.index)
    }
}

/// The namespaces an id is declared in, as bits of [`Declared::kinds`].
const SOURCE: u8 = 1;
const ENTITY: u8 = 2;
const CLAIM: u8 = 4;

/// What an id names, for the lookups of "did you mean" and of root causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Namespace {
    Source = 0,
    Entity = 1,
    Claim = 2,
    Property = 3,
}

impl Namespace {
    /// The word for a record of it: `no source has the id …`.
    fn noun(self) -> &'static str {
        match self {
            Namespace::Source => "source",
            Namespace::Entity => "entity",
            Namespace::Claim => "claim",
            Namespace::Property => "property",
        }
    }

    /// Its bit in [`Declared::kinds`]; properties have their own table.
    fn bit(self) -> u8 {
        match self {
            Namespace::Source => SOURCE,
            Namespace::Entity => ENTITY,
            Namespace::Claim => CLAIM,
            Namespace::Property => 0,
        }
    }
}

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
}

impl<'a> Index<'a> {
    pub(crate) fn new(files: &'a [Loaded], roots: &'a [Root]) -> Index<'a> {
        let mut ix = Index {
            files,
            metadata: None,
            properties: Map::default(),
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

    pub(crate) fn known_source(&self, id: &str) -> bool {
        self.known(id, SOURCE)
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

    /// The known ids of a namespace, sorted: for "did you mean".
    fn sorted(&self, what: Namespace) -> &[&'a str] {
        let (slot, kind) = (what as usize, what.bit());
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
            v.sort_unstable();
            v
        })
    }

    /// Every entity's names (the first file of each id).
    fn names(&self) -> &NameTable {
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
    duplicates(ix, out);
    // Which ids a citation names, from every file (a claim too broken to build counts).
    ix.files.par_iter().for_each(|f| {
        f.for_each_cited(|s| {
            if let Some(d) = ix.declared.get(s) {
                d.cited.store(true, Ordering::Relaxed);
            }
        });
    });
    let properties_loaded = ix.files.iter().any(|f| f.kind == RecordKind::Properties);
    // The rules on each claim alone, in parallel: the diagnostics are sorted afterwards.
    out.par_extend(ix.claims.par_iter().flat_map_iter(|c| {
        let mut found = Vec::new();
        references(ix, c, properties_loaded, &mut found);
        claim_rules(ix, c, &mut found);
        disputes(ix, c, &mut found);
        found
    }));
    for (fi, s) in ix.sources.values() {
        source_references(ix, *fi, s, out);
    }
    sources(ix, out);
    out.par_extend(
        ix.entities
            .par_iter()
            .flat_map_iter(|(id, (fi, _))| undeclared_disputes(ix, id, *fi)),
    );
}

fn duplicates(ix: &Index<'_>, out: &mut Vec<Diagnostic>) {
    for &(fi, at, id) in &ix.duplicates {
        let pointer = |fi: usize, at: Option<usize>| {
            at.map_or_else(|| "/id".to_owned(), |i| ix.files[fi].inner_pointer(i))
        };
        let (first_file, first_at) = if ix.files[fi].kind == RecordKind::Properties {
            let (f, i) = ix.declared_properties[id];
            (f, Some(i))
        } else {
            let d = &ix.declared[id];
            (d.file, d.at)
        };
        let first = ix.related(
            first_file,
            &pointer(first_file, first_at),
            "first used here",
        );
        let mut d = ix
            .at(
                &rules::DUPLICATE_ID,
                fi,
                &pointer(fi, at),
                format!("the id `{id}` is already used"),
            )
            .label("used again here")
            .help("give one of the two records another id");
        d.related.push(first);
        out.push(d);
    }
}

/// An `unknown-…` diagnostic for a reference to `id`, or none when the id is one a file
/// that could not be loaded would define: the reference then waits on that file
/// ([`crate::roots`]).
fn unknown(
    ix: &Index<'_>,
    rule: &Rule,
    fi: usize,
    pointer: &str,
    what: Namespace,
    id: &str,
) -> Option<Diagnostic> {
    if let Some(&r) = ix.root_of.get(&(id, what.bit())) {
        ix.roots[r].wait(fi);
        return None;
    }
    let noun = what.noun();
    let mut d = ix
        .at(rule, fi, pointer, format!("no {noun} has the id `{id}`"))
        .label(format!("unknown {noun}"));
    if let Some(best) = crate::suggest::closest(id, ix.sorted(what)) {
        d = d.help(format!("did you mean `{best}`?"));
    } else {
        d = d.help(match what {
            Namespace::Source => format!("add `sources/{id}.toml`, or correct the id"),
            Namespace::Entity => format!("add `entities/<kind>/{id}.toml`, or correct the id"),
            Namespace::Property => format!("add `{id}` to `properties.toml`, or correct the id"),
            Namespace::Claim => "correct the id".to_owned(),
        });
    }
    Some(d)
}

/// The sources a source lists as its references exist.
fn source_references(ix: &Index<'_>, fi: usize, s: &Source, out: &mut Vec<Diagnostic>) {
    for (i, r) in s.references.iter().enumerate() {
        if !ix.known_source(r.as_str()) {
            out.extend(unknown(
                ix,
                &rules::UNKNOWN_SOURCE,
                fi,
                &format!("/references/{i}"),
                Namespace::Source,
                r.as_str(),
            ));
        }
    }
}

/// Every id a claim names exists.
fn references(ix: &Index<'_>, c: &ClaimAt<'_>, properties_loaded: bool, out: &mut Vec<Diagnostic>) {
    let base = c.pointer();
    let claim = c.claim;
    if properties_loaded && !ix.known_property(claim.property.as_str()) {
        out.extend(unknown(
            ix,
            &rules::UNKNOWN_PROPERTY,
            c.file,
            &format!("{base}/property"),
            Namespace::Property,
            claim.property.as_str(),
        ));
    }
    let entity_value = |v: &Value, pointer: String, out: &mut Vec<Diagnostic>| {
        if let Some(e) = v.as_entity()
            && !ix.known(e.as_str(), ENTITY)
        {
            out.extend(unknown(
                ix,
                &rules::UNKNOWN_ENTITY,
                c.file,
                &format!("{pointer}/entity"),
                Namespace::Entity,
                e.as_str(),
            ));
        }
    };
    entity_value(&claim.value, format!("{base}/value"), out);
    for (k, v) in &claim.qualifiers {
        if properties_loaded && !ix.known_property(k.as_str()) {
            let qp = format!("{base}/qualifiers/{}", k.as_str());
            if let Some(mut d) = unknown(
                ix,
                &rules::UNKNOWN_PROPERTY,
                c.file,
                &qp,
                Namespace::Property,
                k.as_str(),
            ) {
                d.span = ix.at_key(&rules::UNKNOWN_PROPERTY, c.file, &qp, "").span;
                out.push(d);
            }
        }
        if v.as_entity().is_some() {
            entity_value(v, format!("{base}/qualifiers/{}", k.as_str()), out);
        }
    }
    for (j, d) in claim.disputes.iter().enumerate() {
        if !ix.known(d.with.as_str(), CLAIM) {
            out.extend(unknown(
                ix,
                &rules::UNKNOWN_CLAIM,
                c.file,
                &format!("{base}/disputes/{j}/with"),
                Namespace::Claim,
                d.with.as_str(),
            ));
        }
    }
    for (j, cit) in claim.citations.iter().enumerate() {
        if !ix.known_source(cit.source.as_str()) {
            out.extend(unknown(
                ix,
                &rules::UNKNOWN_SOURCE,
                c.file,
                &format!("{base}/citations/{j}/source"),
                Namespace::Source,
                cit.source.as_str(),
            ));
        }
        for (k, w) in cit.cites.iter().enumerate() {
            if !ix.known_source(w.as_str()) {
                out.extend(unknown(
                    ix,
                    &rules::UNKNOWN_SOURCE,
                    c.file,
                    &format!("{base}/citations/{j}/cites/{k}"),
                    Namespace::Source,
                    w.as_str(),
                ));
            }
        }
    }
}

fn claim_rules(ix: &Index<'_>, c: &ClaimAt<'_>, out: &mut Vec<Diagnostic>) {
    let base = c.pointer();
    let claim = c.claim;
    let fi = c.file;
    // Provenance.
    if claim.citations.is_empty() {
        out.push(
            ix.at(
                &rules::UNCITED_CLAIM,
                fi,
                &format!("{base}/citations"),
                format!("the claim `{}` has no citation", claim.id),
            )
            .label("no citation")
            .help("add `{ source = \"...\", locator = \"...\", quote = \"...\" }`"),
        );
    }
    for (j, cit) in claim.citations.iter().enumerate() {
        let cp = format!("{base}/citations/{j}");
        if cit.quote.is_none() && cit.locator.is_none() {
            out.push(
                ix.at(
                    &rules::CITATION_WITHOUT_EVIDENCE,
                    fi,
                    &cp,
                    "this citation has neither a quote nor a locator",
                )
                .label("no `quote`, no `locator`")
                .help("add the source's words as `quote`, or where they are as `locator`"),
            );
        }
        if let Some(q) = &cit.quote {
            let n = q.chars().count();
            if n > MAX_QUOTE_CHARS {
                out.push(
                    ix.at(
                        &rules::QUOTE_TOO_LONG,
                        fi,
                        &format!("{cp}/quote"),
                        format!("this quote has {n} characters, more than {MAX_QUOTE_CHARS}"),
                    )
                    .label("too long")
                    .help("quote only the words that support the claim"),
                );
            }
        }
        naming(ix, c, &cp, cit, out);
        let source = ix.sources.get(cit.source.as_str());
        for (k, w) in cit.cites.iter().enumerate() {
            let wp = format!("{cp}/cites/{k}");
            if *w == cit.source {
                out.push(
                    ix.at(
                        &rules::CITES_OWN_SOURCE,
                        fi,
                        &wp,
                        format!("`{w}` is the citation's own source"),
                    )
                    .label("the source itself")
                    .help("list under `cites` only the works the source cites; remove this one"),
                );
            } else if let Some((sfi, s)) = source
                && ix.known_source(w.as_str())
                && !s.references.contains(w)
            {
                out.push(
                    ix.at(
                        &rules::CITES_UNLISTED_WORK,
                        fi,
                        &wp,
                        format!("`{}` does not list `{w}` among its references", s.id),
                    )
                    .label("not in the source's references")
                    .help(format!(
                        "add `{w}` to `references` in `{}`, or remove it here",
                        ix.files[*sfi].rel
                    )),
                );
            }
        }
    }
    // Values.
    let subject_kind = c.subject.kind;
    let check_value = |prop: &Property,
                       v: &Value,
                       pointer: &str,
                       is_qualifier: bool,
                       out: &mut Vec<Diagnostic>| {
        if v.value_type() != prop.value_type {
            let key = pointer.rsplit('/').next().unwrap_or_default();
            let whose = if is_qualifier {
                format!("the qualifier `{key}`")
            } else {
                format!("the property `{}`", prop.id)
            };
            out.push(
                ix.at(
                    &rules::VALUE_TYPE_MISMATCH,
                    fi,
                    pointer,
                    format!(
                        "{whose} takes {} value, this is {} value",
                        article(&prop.value_type.to_string()),
                        article(&v.value_type().to_string())
                    ),
                )
                .label(format!(
                    "expected {} value",
                    article(&prop.value_type.to_string())
                ))
                .help(format!(
                    "write `{{ {} = ... }}`, or use another property",
                    prop.value_type
                )),
            );
            return;
        }
        if let Some(e) = v.as_entity()
            && let Some((_, target)) = ix.entities.get(e.as_str())
            && !prop.value_kinds.is_empty()
            && !prop.value_kinds.contains(&target.kind)
        {
            out.push(
                ix.at(
                    &rules::VALUE_KIND_MISMATCH,
                    fi,
                    &format!("{pointer}/entity"),
                    format!(
                        "`{}` takes {}, and `{e}` is {}",
                        prop.id,
                        kinds(&prop.value_kinds),
                        article(target.kind.as_str())
                    ),
                )
                .label(article(target.kind.as_str()))
                .help("use an entity of an allowed kind, or another property"),
            );
        }
        if let Value::Share(parts) = v {
            let mut total = 0.0;
            for (k, p) in parts.iter().enumerate() {
                total += p.percent;
                if !(0.0..=100.0).contains(&p.percent) {
                    out.push(
                        ix.at(
                            &rules::SHARE_OUT_OF_RANGE,
                            fi,
                            &format!("{pointer}/share/{k}/percent"),
                            format!("a share of {}% is outside 0 to 100", p.percent),
                        )
                        .label("not a percentage")
                        .help("a part is a percentage of the whole, from 0 to 100"),
                    );
                }
            }
            if total > 100.0 + 1e-9 && parts.iter().all(|p| (0.0..=100.0).contains(&p.percent)) {
                out.push(
                    ix.at(
                        &rules::SHARE_OUT_OF_RANGE,
                        fi,
                        &format!("{pointer}/share"),
                        format!("the parts add up to {total}%, more than 100"),
                    )
                    .label("more than a whole")
                    .help("check each part against the source; together they make at most 100%"),
                );
            }
        }
    };
    if let Some(prop) = ix.properties.get(claim.property.as_str()) {
        check_value(prop, &claim.value, &format!("{base}/value"), false, out);
        if !prop.subject_kinds.is_empty() && !prop.subject_kinds.contains(&subject_kind) {
            out.push(
                ix.at(
                    &rules::SUBJECT_KIND_MISMATCH,
                    fi,
                    &format!("{base}/property"),
                    format!(
                        "`{}` applies to {}, and `{}` is {}",
                        prop.id,
                        kinds(&prop.subject_kinds),
                        c.subject.id,
                        article(subject_kind.as_str())
                    ),
                )
                .label(format!("not for {}", article(subject_kind.as_str())))
                .help("use another property, or add the kind to its `subject-kinds`"),
            );
        }
    }
    for (k, v) in &claim.qualifiers {
        if let Some(prop) = ix.properties.get(k.as_str()) {
            check_value(prop, v, &format!("{base}/qualifiers/{k}"), true, out);
        }
    }
    // Bibliography: dates against as-of.
    let mut dated: Vec<(String, &Edtf)> = Vec::new();
    if let Some(d) = claim.value.as_date() {
        dated.push((format!("{base}/value/date"), d));
    }
    for (k, v) in &claim.qualifiers {
        if let Some(d) = v.as_date() {
            dated.push((format!("{base}/qualifiers/{k}/date"), d));
        }
    }
    for (p, d) in dated {
        for date in d.dates() {
            after_as_of(ix, fi, &p, *date, out);
        }
    }
    // Consistency: a rank needs a reason.
    if claim.rank != Rank::Normal && claim.rank_reason.is_none() {
        out.push(
            ix.at(
                &rules::RANK_WITHOUT_REASON,
                fi,
                &format!("{base}/rank"),
                format!(
                    "the claim `{}` is ranked {} without a reason",
                    claim.id,
                    claim.rank.as_str()
                ),
            )
            .label("no `rank-reason`")
            .help("add `rank-reason = \"...\"` saying why"),
        );
    }
}

/// How a citation's quote names the claim's subject and value entity (`quote-omits-name`,
/// `ambiguous-name`), and whether its `as-named` entries hold (`as-named-mismatch`).
fn naming(ix: &Index<'_>, c: &ClaimAt<'_>, cp: &str, cit: &Citation, out: &mut Vec<Diagnostic>) {
    let fi = c.file;
    let subject = c.subject;
    let value = c.claim.value.as_entity();
    let quote = cit.quote.as_deref().map(names::key);
    for (id, words) in &cit.as_named {
        let ap = format!("{cp}/as-named/{id}");
        if *id != subject.id && Some(id) != value {
            let message = match value {
                Some(v) => format!(
                    "`{id}` is neither the claim's subject `{}` nor its value `{v}`",
                    subject.id
                ),
                None => format!(
                    "`{id}` is not the claim's subject `{}`, and its value is no entity",
                    subject.id
                ),
            };
            out.push(
                ix.at_key(&rules::AS_NAMED_MISMATCH, fi, &ap, message)
                    .label("not an entity of this claim")
                    .help("key `as-named` by the subject's or the value's id, or remove the entry"),
            );
        } else if !quote
            .as_deref()
            .is_some_and(|q| names::occurs(&names::key(words), q))
        {
            let (message, help) = if quote.is_some() {
                (
                    format!("the quote does not contain the words {words:?}"),
                    "copy the words that name it from the quote, as the quote writes them",
                )
            } else {
                (
                    format!("this citation has no quote for the words {words:?} to occur in"),
                    "add the quote that names it, or remove the entry",
                )
            };
            out.push(
                ix.at(&rules::AS_NAMED_MISMATCH, fi, &ap, message)
                    .label("not in the quote")
                    .help(help),
            );
        }
    }
    let Some(quote) = quote else { return };
    let table = ix.names();
    // The subject's names from its own file (the table has those of the first file of each
    // id); the value's from the table.
    let first = ix
        .entities
        .get(subject.id.as_str())
        .is_some_and(|(_, e)| std::ptr::eq(*e, subject));
    let computed;
    let own = match table.entity(subject.id.as_str()) {
        Some((_, forms)) if first => forms,
        _ => {
            computed = names::forms(&subject.labels, &subject.aliases);
            &computed[..]
        }
    };
    let mut entities = vec![("subject", subject.id.as_str(), subject.kind, own, subject)];
    if let Some(v) = value
        && *v != subject.id
        && let Some((_, e)) = ix.entities.get(v.as_str())
        && let Some((kind, forms)) = table.entity(v.as_str())
    {
        entities.push(("value", v.as_str(), kind, forms, e));
    }
    for (role, id, kind, forms, e) in entities {
        if cit.as_named.keys().any(|k| k.as_str() == id) {
            continue;
        }
        let label = e.label();
        let declare = format!("`as-named = {{ {id} = \"…\" }}`");
        match names::naming(table, id, kind, forms, &quote) {
            Naming::Named => {}
            Naming::Omitted => out.push(
                ix.at(
                    &rules::QUOTE_OMITS_NAME,
                    fi,
                    &format!("{cp}/quote"),
                    format!("the quote does not name the claim's {role} `{id}`: none of its labels and aliases occurs in it"),
                )
                .label(format!("does not name {label}"))
                .help(format!(
                    "lengthen the quote to the part of the sentence that names {label}, or declare the name form: {declare}"
                )),
            ),
            Naming::Ambiguous(name, rival) => {
                let written = original(e, name);
                let other = ix
                    .entities
                    .get(rival.id)
                    .map_or(rival.name, |(_, r)| original(r, rival.name));
                let why = if names::key(other) == names::key(written) {
                    format!("`{}` has that name too", rival.id)
                } else {
                    format!("it is part of {other:?}, a name of `{}`", rival.id)
                };
                out.push(
                    ix.at(
                        &rules::AMBIGUOUS_NAME,
                        fi,
                        &format!("{cp}/quote"),
                        format!("the quote names the claim's {role} `{id}` only as {written:?}, which could name another entity: {why}"),
                    )
                    .label(format!("{written:?} could name `{}`", rival.id))
                    .help(format!(
                        "declare the entity it means: `as-named = {{ {id} = {written:?} }}`, with the words as the quote writes them"
                    )),
                );
            }
        }
    }
}

/// The label or alias of `e` whose [`names::key`] is `name`, as written; else `name`.
fn original<'e>(e: &'e EntityFile, name: &'e str) -> &'e str {
    e.labels
        .values()
        .chain(e.aliases.values().flatten())
        .find(|l| names::key(l) == name)
        .map_or(name, String::as_str)
}

/// `word` with its indefinite article: `an event`, `a place`.
fn article(word: &str) -> String {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {word}")
    } else {
        format!("a {word}")
    }
}

fn kinds(list: &[EntityKind]) -> String {
    let words: Vec<String> = list.iter().map(|k| format!("`{k}`")).collect();
    words.join(", ")
}

/// Whether `date` is after the dataset's `as-of` date (`date-after-as-of`).
pub(crate) fn is_after_as_of(date: EdtfDate, metadata: &Metadata) -> bool {
    date.earliest() > metadata.as_of.latest()
}

/// Whether a claim is ranked with a reason: a contradiction needs one such side.
pub(crate) fn ranked(c: &ClaimRecord) -> bool {
    c.rank != Rank::Normal && c.rank_reason.is_some()
}

/// Whether either claim declares a dispute with the other.
pub(crate) fn linked(x: &ClaimRecord, y: &ClaimRecord) -> bool {
    x.disputes.iter().any(|d| d.with == y.id) || y.disputes.iter().any(|d| d.with == x.id)
}

fn after_as_of(
    ix: &Index<'_>,
    fi: usize,
    pointer: &str,
    date: EdtfDate,
    out: &mut Vec<Diagnostic>,
) {
    let Some(meta) = ix.metadata else { return };
    if is_after_as_of(date, meta) {
        out.push(
            ix.at(
                &rules::DATE_AFTER_AS_OF,
                fi,
                pointer,
                format!("{date} is after the dataset's as-of date, {}", meta.as_of),
            )
            .label("after as-of")
            .help("correct the date, or move `as-of` in `metadata.toml` forward"),
        );
    }
}

fn sources(ix: &Index<'_>, out: &mut Vec<Diagnostic>) {
    let mut list: Vec<&(usize, &Source)> = ix.sources.values().collect();
    list.sort_by_key(|(fi, _)| *fi);
    for (fi, s) in list {
        let fi = *fi;
        for (key, d) in [
            ("issued", &s.issued),
            ("accessed", &s.accessed),
            ("archive-date", &s.archive_date),
        ] {
            if let Some(d) = d {
                after_as_of(ix, fi, &format!("/{key}"), *d, out);
            }
        }
        if let (Some(issued), Some(accessed)) = (&s.issued, &s.accessed)
            && accessed.latest() < issued.earliest()
        {
            out.push(
                ix.at(
                    &rules::ACCESSED_BEFORE_ISSUED,
                    fi,
                    "/accessed",
                    format!("accessed {accessed}, before the work was issued ({issued})"),
                )
                .label("before `issued`")
                .help("correct one of the two dates"),
            );
        }
        for (key, names) in [("author", &s.author), ("editor", &s.editor)] {
            for (i, n) in names.iter().enumerate() {
                if n.family.is_none() && n.literal.is_none() {
                    out.push(
                        ix.at(
                            &rules::INCOMPLETE_NAME,
                            fi,
                            &format!("/{key}/{i}"),
                            "this name has neither `family` nor `literal`",
                        )
                        .label("no `family`, no `literal`")
                        .help(
                            "give a person's `family` name, or an organization's name as `literal`",
                        ),
                    );
                }
            }
        }
        for (i, r) in s.references.iter().enumerate() {
            if *r == s.id {
                out.push(
                    ix.at(
                        &rules::CITES_OWN_SOURCE,
                        fi,
                        &format!("/references/{i}"),
                        format!("`{r}` lists itself among its references"),
                    )
                    .label("the source itself")
                    .help("remove it from `references`"),
                );
            }
        }
        if !crate::roots::entity_unread(ix.roots)
            && !ix
                .declared
                .get(s.id.as_str())
                .is_some_and(|d| d.cited.load(Ordering::Relaxed))
        {
            out.push(
                ix.at(
                    &rules::UNUSED_SOURCE,
                    fi,
                    "/id",
                    format!("no citation uses the source `{}`", s.id),
                )
                .label("never cited")
                .help("cite it from a claim (as `source` or under `cites`), or remove the file"),
            );
        }
    }
}

/// A claim's disputes: their target, relation and ranking.
fn disputes(ix: &Index<'_>, a: &ClaimAt<'_>, out: &mut Vec<Diagnostic>) {
    for (j, d) in a.claim.disputes.iter().enumerate() {
        let dp = format!("{}/disputes/{j}", a.pointer());
        let Some(b) = ix.claim(d.with.as_str()) else {
            continue;
        };
        if b.claim.id == a.claim.id
            || b.subject.id != a.subject.id
            || b.claim.property != a.claim.property
        {
            let why = if b.claim.id == a.claim.id {
                "a claim cannot dispute itself".to_owned()
            } else {
                format!(
                    "`{}` is about `{}` {}, not `{}` {}",
                    b.claim.id, b.subject.id, b.claim.property, a.subject.id, a.claim.property
                )
            };
            out.push(
                ix.at(&rules::DISPUTE_MISMATCH, a.file, &format!("{dp}/with"), why)
                    .label("not a rival claim")
                    .help("dispute only a claim with the same subject and property"),
            );
            continue;
        }
        let computed = match (a.claim.value.as_date(), b.claim.value.as_date()) {
            (Some(x), Some(y)) => Some(x.relation(y)),
            _ => None,
        };
        if let Some(rel) = computed
            && rel != d.relation
        {
            out.push(
                ix.at(
                    &rules::WRONG_DISPUTE_RELATION,
                    a.file,
                    &format!("{dp}/relation"),
                    format!(
                        "`{}` and `{}` are {}, not {}",
                        a.claim.value,
                        b.claim.value,
                        article(&rel.to_string()),
                        article(&d.relation.to_string())
                    ),
                )
                .label(format!("their bounds give `{rel}`"))
                .help(format!("write `relation = \"{rel}\"`")),
            );
        }
        if computed.unwrap_or(d.relation) == DateRelation::Contradiction
            && !ranked(a.claim)
            && !ranked(b.claim)
        {
            out.push(
                ix.at(
                    &rules::UNRANKED_CONTRADICTION,
                    a.file,
                    &dp,
                    format!(
                        "`{}` contradicts `{}`, and neither is ranked",
                        a.claim.id, b.claim.id
                    ),
                )
                .label("a contradiction")
                .help("rank one side `preferred` or `deprecated`, with a `rank-reason`"),
            );
        }
    }
}

/// Differing values of a single-valued property of the entity `subject`, declared in
/// the file `fi` (and any other file declaring the same id), must be linked.
fn undeclared_disputes(ix: &Index<'_>, subject: &str, fi: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let files = ix
        .shared_entities
        .get(subject)
        .map_or(std::slice::from_ref(&fi), Vec::as_slice);
    let mut claims: Vec<&ClaimAt<'_>> = files
        .iter()
        .flat_map(|f| &ix.claims[ix.claim_ranges[*f].clone()])
        .filter(|c| {
            ix.properties
                .get(c.claim.property.as_str())
                .is_some_and(|p| p.cardinality == Cardinality::Single)
        })
        .collect();
    if claims.len() < 2 {
        return out;
    }
    // Grouped by property, each group in file order.
    claims.sort_by_key(|c| c.claim.property.as_str());
    for group in claims.chunk_by(|x, y| x.claim.property == y.claim.property) {
        for (i, b) in group.iter().enumerate() {
            for a in &group[..i] {
                if a.claim.value != b.claim.value && !linked(a.claim, b.claim) {
                    let other =
                        ix.related(a.file, &format!("{}/value", a.pointer()), "the other value");
                    let mut d = ix
                        .at(
                            &rules::UNDECLARED_DISPUTE,
                            b.file,
                            &format!("{}/value", b.pointer()),
                            format!(
                                "`{}` gives {} a {} of {}, but `{}` gives {}",
                                b.claim.id,
                                subject,
                                b.claim.property,
                                b.claim.value,
                                a.claim.id,
                                a.claim.value
                            ),
                        )
                        .label("differs from another claim");
                    d.related.push(other);
                    let relation = match (a.claim.value.as_date(), b.claim.value.as_date()) {
                        (Some(x), Some(y)) => Some(x.relation(y)),
                        _ => None,
                    };
                    let rank = if relation == Some(DateRelation::Contradiction) {
                        ", and rank one of them with a `rank-reason`"
                    } else {
                        ""
                    };
                    let relation = relation.map_or("...", DateRelation::as_str);
                    d = d.help(format!(
                        "add `disputes = [{{ with = \"{}\", relation = \"{relation}\" }}]` to `{}`{rank}",
                        a.claim.id, b.claim.id
                    ));
                    out.push(d);
                }
            }
        }
    }
    out
}
