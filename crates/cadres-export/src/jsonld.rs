//! `dataset.jsonld`: the dataset as linked data, JSON-LD 1.1 with an inline `@context`
//! (nothing for a processor to fetch), for RDF stores and SPARQL.
//!
//! Vocabularies: schema.org for the things and works, PROV-O for the two levels of
//! provenance (a citation `prov:wasQuotedFrom` the work read and `prov:hadPrimarySource`
//! the works that work cites), the W3C Web Annotation vocabulary for quotes (an
//! `oa:TextQuoteSelector` on the work read, refined by a selector for each name form the
//! citation declares), and RDF reification for claims (each claim is
//! an `rdf:Statement` and a `cadres:Claim`, with qualifiers, rank, disputes and evidence).
//! Terms of our own live under `cadres:`, documented in `docs/exports.md`, which also gives
//! the whole mapping and how many triples each record makes.
//!
//! Records are named by URNs (`urn:cadres:entity:<id>`, `urn:cadres:source:<id>`, ...),
//! which promise no web address. Nodes are in id order; sets of values are sorted.
//!
//! The document is lean, for a release of a million claims: the context defines a term for
//! each frequent key, named after the vocabulary's own local name (`wasQuotedFrom`,
//! `exact`), which coerces references (`"subject": "entity:mao-zedong"`) and typed counts;
//! rarer keys stay compact IRIs. No indentation: the context, then one node a line.

use std::collections::BTreeSet;
use std::fmt::Display;
use std::io::{BufWriter, Write};

use cadres_model::{
    Certainty, Claim, Dataset, Edtf, EdtfDate, Entity, EntityKind, Id, LangTag, Name, Precision,
    Property, QuoteVerification, Source, SourceType, TextPin, Value as ClaimValue,
};
use serde_json::{Value, json};

use crate::{Error, FastMap, Sorted};

/// The namespace of the terms this export defines (`cadres:Claim`, `cadres:rank`, ...).
/// A URN, like the records' own names: the project has no published address to put in an
/// http IRI, and `docs/exports.md` defines each term.
pub(crate) const VOCAB: &str = "urn:cadres:vocab:";

/// How a term's values are read.
#[derive(Clone, Copy)]
enum Coerce {
    /// As written: a string is a plain literal, an object a node or a literal.
    None,
    /// A string is an IRI (a compact one: `"entity:mao-zedong"`).
    Id,
    /// A string is a literal of this datatype.
    Type(&'static str),
    /// An array is an RDF list, in order.
    List,
}

/// The terms of the context: each key of the document that is not a compact IRI, with the
/// IRI it stands for and how its values are read. The only place a term is defined; the
/// nodes below use these names, and a test checks that every key of the document is a
/// keyword, one of these terms, or a compact IRI of a prefix of the context.
const TERMS: &[(&str, &str, Coerce)] = &[
    // Claims.
    ("subject", "rdf:subject", Coerce::Id),
    ("predicate", "rdf:predicate", Coerce::Id),
    ("object", "rdf:object", Coerce::None),
    ("rank", "cadres:rank", Coerce::None),
    ("rankReason", "cadres:rankReason", Coerce::None),
    ("qualifier", "cadres:qualifier", Coerce::None),
    ("dispute", "cadres:dispute", Coerce::None),
    ("description", "schema:description", Coerce::None),
    ("wasDerivedFrom", "prov:wasDerivedFrom", Coerce::None),
    // Citations.
    ("position", "cadres:position", Coerce::Type("xsd:integer")),
    ("locator", "cadres:locator", Coerce::None),
    ("wasQuotedFrom", "prov:wasQuotedFrom", Coerce::Id),
    ("hadPrimarySource", "prov:hadPrimarySource", Coerce::Id),
    ("hasBody", "oa:hasBody", Coerce::Id),
    ("hasTarget", "oa:hasTarget", Coerce::None),
    ("hasSource", "oa:hasSource", Coerce::Id),
    ("hasSelector", "oa:hasSelector", Coerce::None),
    ("exact", "oa:exact", Coerce::None),
    ("refinedBy", "oa:refinedBy", Coerce::None),
    ("names", "cadres:names", Coerce::Id),
    // Entities and sources.
    ("identifier", "schema:identifier", Coerce::None),
    ("kind", "cadres:kind", Coerce::None),
    ("name", "schema:name", Coerce::None),
    ("alternateName", "schema:alternateName", Coerce::None),
    ("cslType", "cadres:cslType", Coerce::None),
    ("author", "schema:author", Coerce::List),
    ("editor", "schema:editor", Coerce::List),
    ("familyName", "schema:familyName", Coerce::None),
    ("givenName", "schema:givenName", Coerce::None),
    ("datePublished", "schema:datePublished", Coerce::None),
    ("inLanguage", "schema:inLanguage", Coerce::None),
    ("references", "schema:citation", Coerce::Id),
    ("read", "cadres:read", Coerce::None),
    ("archivedText", "cadres:archivedText", Coerce::None),
    ("byteSize", "dcat:byteSize", COUNT),
    ("quoteCount", "cadres:quoteCount", COUNT),
    ("verifiedQuoteCount", "cadres:verifiedQuoteCount", COUNT),
];

/// A count: a literal of type `xsd:nonNegativeInteger`.
const COUNT: Coerce = Coerce::Type("xsd:nonNegativeInteger");

/// The inline context: the prefixes, then the [`TERMS`].
fn context() -> Value {
    let mut context = prefixes();
    if let Value::Object(map) = &mut context {
        for (term, iri, coerce) in TERMS {
            let definition = match coerce {
                Coerce::None => json!(iri),
                Coerce::Id => json!({"@id": iri, "@type": "@id"}),
                Coerce::Type(datatype) => json!({"@id": iri, "@type": datatype}),
                Coerce::List => json!({"@id": iri, "@container": "@list"}),
            };
            map.insert((*term).to_owned(), definition);
        }
    }
    context
}

/// The prefixes of the context: every compact IRI of the document (`schema:Book`,
/// `entity:mao-zedong`) is one of these.
fn prefixes() -> Value {
    json!({
        "schema": "https://schema.org/",
        "prov": "http://www.w3.org/ns/prov#",
        "oa": "http://www.w3.org/ns/oa#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "spdx": "http://spdx.org/rdf/terms#",
        "dcat": "http://www.w3.org/ns/dcat#",
        "cadres": VOCAB,
        "dataset": "urn:cadres:dataset:",
        "property": "urn:cadres:property:",
        "source": "urn:cadres:source:",
        "entity": "urn:cadres:entity:",
        "claim": "urn:cadres:claim:",
        "citation": "urn:cadres:citation:",
        "text": "urn:cadres:text:",
    })
}

/// The JSON-LD document, `{"@context": ..., "@graph": [...]}`: the context on the first
/// line, then the dataset's node, the properties, sources, entities and claims in id order,
/// one node a line, each built and written in turn; ending in a newline.
pub fn write(sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<(), Error> {
    // The first source of each id, as a search of the sorted list would find it.
    let mut sources: FastMap<&str, &Source> = FastMap::default();
    for s in &sorted.sources {
        sources.entry(s.id.as_str()).or_insert(s);
    }
    let language = |id: &str| sources.get(id).and_then(|s| s.language.as_ref());
    let mut w = BufWriter::with_capacity(1 << 16, out);
    w.write_all(b"{\"@context\":")?;
    serde_json::to_writer(&mut w, &context())?;
    w.write_all(b",\"@graph\":[\n")?;
    let mut text = String::new();
    dataset_node(sorted.dataset).write(&mut w, &mut text)?;
    let mut node = |j: J<'_>| -> Result<(), Error> {
        w.write_all(b",\n")?;
        j.write(&mut w, &mut text)
    };
    for p in &sorted.properties {
        node(property(p))?;
    }
    for s in &sorted.sources {
        node(source(
            s,
            sorted.read.contains(s.id.as_str()),
            sorted.dataset.verification_of(&s.id),
        ))?;
    }
    for e in &sorted.entities {
        node(entity(e))?;
    }
    for c in &sorted.claims {
        node(claim(c, &language))?;
    }
    w.write_all(b"\n]}\n")?;
    w.flush()?;
    Ok(())
}

/// A JSON value of the document, borrowing the dataset's text where it can: what a
/// `serde_json::Value` would hold, without its allocations. Objects keep their keys in
/// sorted order, as a `serde_json::Map` does.
enum J<'a> {
    Str(&'a str),
    Owned(String),
    Bool(bool),
    /// A value's `Display` text, as a string.
    Show(&'a dyn Display),
    /// `"<prefix>:<id>"`.
    Name(&'static str, &'a dyn Display),
    /// `{"@id": "<prefix>:<id>"}`.
    Ref(&'static str, &'a dyn Display),
    /// `"citation:<claim id>:<position>"`.
    Citation(&'a Id, usize),
    /// A number's decimal text, as a string.
    Count(usize),
    /// Keys in sorted order (see [`obj`]).
    Obj(Vec<(&'static str, J<'a>)>),
    Arr(Vec<J<'a>>),
}

impl J<'_> {
    /// Writes the value as compact JSON, byte for byte what `serde_json::to_writer` writes
    /// of the same `serde_json::Value`. Strings are escaped by `serde_json`; the keys are the
    /// document's own terms, which need no escaping.
    fn write(&self, out: &mut impl Write, text: &mut String) -> Result<(), Error> {
        match self {
            J::Str(s) => serde_json::to_writer(&mut *out, s)?,
            J::Owned(s) => serde_json::to_writer(&mut *out, s)?,
            J::Bool(b) => out.write_all(if *b { b"true" } else { b"false" })?,
            J::Show(d) => shown(out, text, format_args!("{d}"))?,
            J::Name(prefix, id) => shown(out, text, format_args!("{prefix}:{id}"))?,
            J::Citation(claim, n) => shown(out, text, format_args!("citation:{claim}:{n}"))?,
            J::Count(n) => shown(out, text, format_args!("{n}"))?,
            J::Ref(prefix, id) => {
                out.write_all(b"{\"@id\":")?;
                shown(out, text, format_args!("{prefix}:{id}"))?;
                out.write_all(b"}")?;
            }
            J::Obj(entries) => {
                out.write_all(b"{")?;
                for (i, (key, value)) in entries.iter().enumerate() {
                    debug_assert!(!key.contains(['"', '\\']) && !key.contains(char::is_control));
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    out.write_all(b"\"")?;
                    out.write_all(key.as_bytes())?;
                    out.write_all(b"\":")?;
                    value.write(out, text)?;
                }
                out.write_all(b"}")?;
            }
            J::Arr(items) => {
                out.write_all(b"[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    item.write(out, text)?;
                }
                out.write_all(b"]")?;
            }
        }
        Ok(())
    }
}

/// `args` as a JSON string: formatted into `text` (a buffer kept from one value to the
/// next), then escaped.
fn shown(
    out: &mut impl Write,
    text: &mut String,
    args: std::fmt::Arguments<'_>,
) -> Result<(), Error> {
    text.clear();
    // A `String` takes every write.
    let _ = std::fmt::Write::write_fmt(text, args);
    serde_json::to_writer(out, text.as_str())?;
    Ok(())
}

/// An object of `pairs`, in the sorted order of their keys.
fn obj<'a>(mut pairs: Vec<(&'static str, J<'a>)>) -> J<'a> {
    pairs.sort_by_key(|(key, _)| *key);
    J::Obj(pairs)
}

fn id<'a>(prefix: &'static str, id: &'a dyn Display) -> J<'a> {
    J::Ref(prefix, id)
}

/// A node object built from `(key, value)` pairs, leaving out `None`s.
fn node<'a>(pairs: Vec<(&'static str, Option<J<'a>>)>) -> J<'a> {
    obj(pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect())
}

/// A present string value.
#[allow(clippy::unnecessary_wraps)] // reason: `node` takes `Option`s, and most values are optional
fn text(s: &str) -> Option<J<'_>> {
    Some(J::Str(s))
}

fn lang_text<'a>(s: &'a str, lang: Option<&'a dyn Display>) -> J<'a> {
    match lang {
        Some(lang) => obj(vec![("@value", J::Str(s)), ("@language", J::Show(lang))]),
        None => J::Str(s),
    }
}

/// A list of values, or `None` when empty (an empty list would still make a triple).
fn many(values: Vec<J<'_>>) -> Option<J<'_>> {
    (!values.is_empty()).then_some(J::Arr(values))
}

/// A typed literal: `{"@value": value, "@type": datatype}`.
fn typed<'a>(value: J<'a>, datatype: &'static str) -> J<'a> {
    obj(vec![("@value", value), ("@type", J::Str(datatype))])
}

/// A date as a typed literal: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` by precision,
/// or `cadres:EDTF` text when the source qualifies it (`~`, `?`, `%`).
fn date(d: &EdtfDate) -> J<'_> {
    let datatype = match (d.certainty(), d.precision()) {
        (Certainty::Certain, Precision::Day) => "xsd:date",
        (Certainty::Certain, Precision::Month) => "xsd:gYearMonth",
        (Certainty::Certain, Precision::Year) => "xsd:gYear",
        _ => "cadres:EDTF",
    };
    typed(J::Show(d), datatype)
}

/// A date or interval value: as [`date`], an interval as `cadres:EDTF` text.
fn edtf(e: &Edtf) -> J<'_> {
    match e {
        Edtf::Date(d) => date(d),
        Edtf::Interval(..) => typed(J::Show(e), "cadres:EDTF"),
    }
}

fn dataset_node(dataset: &Dataset) -> J<'_> {
    let m = &dataset.metadata;
    node(vec![
        ("@id", text("dataset:cadres")),
        ("@type", text("schema:Dataset")),
        ("name", text(&m.title)),
        ("description", text(&m.description)),
        ("schema:version", text(&m.version)),
        ("schema:license", text(&m.license)),
        ("cadres:asOf", Some(date(&m.as_of))),
    ])
}

fn kinds(kinds: &[EntityKind]) -> Option<J<'static>> {
    let set: BTreeSet<&'static str> = kinds.iter().map(|k| k.as_str()).collect();
    many(set.into_iter().map(J::Str).collect())
}

fn property(p: &Property) -> J<'_> {
    node(vec![
        ("@id", Some(J::Name("property", &p.id))),
        ("@type", text("rdf:Property")),
        ("rdfs:label", Some(lang_text(&p.label, Some(&"en")))),
        ("rdfs:comment", text(&p.description)),
        ("cadres:valueType", Some(J::Show(&p.value_type))),
        ("cadres:cardinality", Some(J::Str(p.cardinality.as_str()))),
        ("cadres:subjectKind", kinds(&p.subject_kinds)),
        ("cadres:valueKind", kinds(&p.value_kinds)),
    ])
}

/// The schema.org class of a CSL item type.
fn source_class(kind: SourceType) -> &'static str {
    match kind {
        SourceType::Book => "schema:Book",
        SourceType::Chapter => "schema:Chapter",
        SourceType::ArticleJournal => "schema:ScholarlyArticle",
        SourceType::ArticleMagazine | SourceType::EntryEncyclopedia => "schema:Article",
        SourceType::ArticleNewspaper => "schema:NewsArticle",
        SourceType::Webpage => "schema:WebPage",
        SourceType::Report => "schema:Report",
        SourceType::EntryDictionary | SourceType::Speech | SourceType::Document => {
            "schema:CreativeWork"
        }
    }
}

/// Names in order, as an RDF list of name nodes (the terms `author` and `editor` are
/// lists).
fn names(names: &[Name]) -> Option<J<'_>> {
    let list: Vec<J<'_>> = names
        .iter()
        .map(|n| {
            let as_cited = n.as_cited.as_deref().and_then(text);
            if let Some(literal) = &n.literal {
                node(vec![("name", text(literal)), ("cadres:asCited", as_cited)])
            } else {
                node(vec![
                    ("@type", text("schema:Person")),
                    ("familyName", n.family.as_deref().and_then(text)),
                    ("givenName", n.given.as_deref().and_then(text)),
                    ("cadres:asCited", as_cited),
                ])
            }
        })
        .collect();
    many(list)
}

/// The archived text a source was read from, as a PROV entity that is a specialization
/// of the work (the work as it stood when read), with its SHA-256 (SPDX's checksum terms),
/// its length (`dcat:byteSize`), and how many quotes of the work were verified in it.
fn archived_text<'a>(s: &'a Source, pin: &'a TextPin, v: Option<&'a QuoteVerification>) -> J<'a> {
    // The terms type the counts (`xsd:nonNegativeInteger`).
    let count = |n: u64| J::Owned(n.to_string());
    node(vec![
        ("@id", Some(J::Name("text", &s.id))),
        ("@type", text("prov:Entity")),
        ("prov:specializationOf", Some(id("source", &s.id))),
        (
            "spdx:checksum",
            Some(obj(vec![
                ("@type", J::Str("spdx:Checksum")),
                (
                    "spdx:algorithm",
                    J::Obj(vec![("@id", J::Str("spdx:checksumAlgorithm_sha256"))]),
                ),
                (
                    "spdx:checksumValue",
                    typed(J::Str(pin.sha256.as_str()), "xsd:hexBinary"),
                ),
            ])),
        ),
        ("byteSize", Some(count(pin.length))),
        ("quoteCount", v.map(|v| count(v.quotes))),
        ("verifiedQuoteCount", v.map(|v| count(v.verified))),
    ])
}

fn source<'a>(s: &'a Source, read: bool, verification: Option<&'a QuoteVerification>) -> J<'a> {
    let lang = s.language.as_ref().map(|l| l as &dyn Display);
    let references = sorted_ids(&s.references);
    node(vec![
        ("@id", Some(J::Name("source", &s.id))),
        (
            "@type",
            Some(J::Arr(vec![
                J::Str(source_class(s.kind)),
                J::Str("prov:Entity"),
            ])),
        ),
        ("identifier", text(s.id.as_str())),
        ("cslType", Some(J::Str(s.kind.as_str()))),
        ("name", Some(lang_text(&s.title, lang))),
        ("author", names(&s.author)),
        ("editor", names(&s.editor)),
        (
            "schema:isPartOf",
            s.container_title.as_deref().and_then(text),
        ),
        ("schema:publisher", s.publisher.as_deref().and_then(text)),
        (
            "cadres:publisherPlace",
            s.publisher_place.as_deref().and_then(text),
        ),
        ("datePublished", s.issued.as_ref().map(date)),
        ("cadres:accessed", s.accessed.as_ref().map(date)),
        ("cadres:archiveDate", s.archive_date.as_ref().map(date)),
        (
            "schema:isbn",
            s.isbn.as_ref().map(|i| J::Show(i as &dyn Display)),
        ),
        (
            "schema:url",
            s.url
                .as_ref()
                .map(|u| J::Obj(vec![("@id", J::Show(u as &dyn Display))])),
        ),
        ("inLanguage", lang.map(J::Show)),
        ("schema:volumeNumber", s.volume.as_deref().and_then(text)),
        ("schema:issueNumber", s.issue.as_deref().and_then(text)),
        ("schema:pagination", s.page.as_deref().and_then(text)),
        ("schema:encodingFormat", s.medium.as_deref().and_then(text)),
        ("rdfs:comment", s.note.as_deref().and_then(text)),
        (
            "references",
            many(
                references
                    .into_iter()
                    .map(|r| J::Name("source", r))
                    .collect(),
            ),
        ),
        ("read", Some(J::Bool(read))),
        (
            "archivedText",
            s.archived_text
                .as_ref()
                .map(|pin| archived_text(s, pin, verification)),
        ),
    ])
}

/// `ids` as a set: sorted by their text, each once.
fn sorted_ids(ids: &[Id]) -> Vec<&Id> {
    let mut ids: Vec<&Id> = ids.iter().collect();
    ids.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    ids.dedup_by(|a, b| a.as_str() == b.as_str());
    ids
}

/// The schema.org class of an entity kind; `cadres:kind` keeps the kind itself.
fn entity_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "schema:Person",
        EntityKind::Organization => "schema:Organization",
        EntityKind::Event | EntityKind::Meeting | EntityKind::Speech | EntityKind::Movement => {
            "schema:Event"
        }
        EntityKind::Place => "schema:Place",
        EntityKind::Slogan | EntityKind::Concept => "schema:DefinedTerm",
        EntityKind::Policy | EntityKind::Position => "schema:Intangible",
        EntityKind::Group => "schema:Thing",
    }
}

fn entity(e: &Entity) -> J<'_> {
    let labels: Vec<J<'_>> = e
        .labels
        .iter()
        .map(|(lang, label)| lang_text(label, Some(lang as &dyn Display)))
        .collect();
    // A set: sorted by language tag, then name, each once.
    let mut aliases: Vec<(&str, &str)> = e
        .aliases
        .iter()
        .flat_map(|(lang, names)| names.iter().map(move |n| (lang.as_str(), n.as_str())))
        .collect();
    aliases.sort_unstable();
    aliases.dedup();
    node(vec![
        ("@id", Some(J::Name("entity", &e.id))),
        ("@type", text(entity_class(e.kind))),
        ("identifier", text(e.id.as_str())),
        ("kind", text(e.kind.as_str())),
        ("name", many(labels)),
        (
            "alternateName",
            many(
                aliases
                    .into_iter()
                    .map(|(lang, n)| obj(vec![("@value", J::Str(n)), ("@language", J::Str(lang))]))
                    .collect(),
            ),
        ),
        ("description", text(&e.description)),
    ])
}

/// A claim's or qualifier's value as an RDF object.
fn value(v: &ClaimValue) -> J<'_> {
    match v {
        ClaimValue::Entity(e) => id("entity", e),
        ClaimValue::Date(d) => edtf(d),
        ClaimValue::Quantity(q) => obj(vec![
            ("@type", J::Str("schema:QuantitativeValue")),
            ("schema:value", typed(J::Show(&q.amount), "xsd:integer")),
            ("schema:unitText", J::Str(&q.unit)),
            ("cadres:approximation", J::Str(q.approximation.as_str())),
        ]),
        ClaimValue::Share(parts) => obj(vec![
            ("@type", J::Str("cadres:Share")),
            (
                "cadres:part",
                J::Arr(
                    parts
                        .iter()
                        .map(|p| {
                            obj(vec![
                                ("@type", J::Str("cadres:SharePart")),
                                ("cadres:percent", typed(J::Show(&p.percent), "xsd:decimal")),
                                ("cadres:of", J::Str(&p.of)),
                            ])
                        })
                        .collect(),
                ),
            ),
        ]),
        ClaimValue::Text(t) => lang_text(&t.text, Some(&t.lang)),
    }
}

fn claim<'a>(c: &'a Claim, language: &dyn Fn(&str) -> Option<&'a LangTag>) -> J<'a> {
    let qualifiers: Vec<J<'a>> = c
        .qualifiers
        .iter()
        .map(|(p, v)| {
            obj(vec![
                ("@type", J::Str("cadres:Qualifier")),
                ("cadres:property", id("property", p)),
                ("cadres:value", value(v)),
            ])
        })
        .collect();
    let disputes: Vec<J<'a>> = c
        .disputes
        .iter()
        .map(|d| {
            obj(vec![
                ("@type", J::Str("cadres:Dispute")),
                ("cadres:with", id("claim", &d.with)),
                ("cadres:relation", J::Show(&d.relation)),
            ])
        })
        .collect();
    let citations: Vec<J<'a>> = c
        .citations
        .iter()
        .enumerate()
        .map(|(i, cit)| {
            let lang = language(cit.source.as_str()).map(|l| l as &dyn Display);
            // The words of the quote that name an entity of the claim (`as-named`): each a
            // selector refining the quote's (`oa:refinedBy`, Web Annotation's way to select
            // within what a selector selected), whose `oa:exact` is the words. No standard
            // term links words to the thing they name (an `oa:identifying` annotation per
            // name would repeat the target), so `cadres:names` does, on a node that is also
            // a `cadres:NameForm`: see `docs/exports.md`.
            let names: Vec<J<'a>> = cit
                .as_named
                .iter()
                .map(|(entity, words)| {
                    obj(vec![
                        (
                            "@type",
                            J::Arr(vec![
                                J::Str("cadres:NameForm"),
                                J::Str("oa:TextQuoteSelector"),
                            ]),
                        ),
                        ("exact", lang_text(words, lang)),
                        ("names", J::Name("entity", entity)),
                    ])
                })
                .collect();
            let quote = cit.quote.as_deref().map(|q| {
                node(vec![
                    ("@type", text("oa:TextQuoteSelector")),
                    ("exact", Some(lang_text(q, lang))),
                    ("refinedBy", many(names)),
                ])
            });
            let cites = sorted_ids(&cit.cites);
            node(vec![
                ("@id", Some(J::Citation(&c.id, i + 1))),
                (
                    "@type",
                    Some(J::Arr(vec![
                        J::Str("cadres:Citation"),
                        J::Str("oa:Annotation"),
                        J::Str("prov:Entity"),
                    ])),
                ),
                // The term types the position (`xsd:integer`).
                ("position", Some(J::Count(i + 1))),
                ("hasBody", Some(J::Name("claim", &c.id))),
                (
                    "hasTarget",
                    Some(node(vec![
                        ("@type", text("oa:SpecificResource")),
                        ("hasSource", Some(J::Name("source", &cit.source))),
                        ("hasSelector", quote),
                    ])),
                ),
                ("locator", cit.locator.as_deref().and_then(text)),
                ("wasQuotedFrom", Some(J::Name("source", &cit.source))),
                (
                    "hadPrimarySource",
                    many(cites.into_iter().map(|w| J::Name("source", w)).collect()),
                ),
            ])
        })
        .collect();
    node(vec![
        ("@id", Some(J::Name("claim", &c.id))),
        (
            "@type",
            Some(J::Arr(vec![
                J::Str("rdf:Statement"),
                J::Str("cadres:Claim"),
            ])),
        ),
        ("subject", Some(J::Name("entity", &c.subject))),
        ("predicate", Some(J::Name("property", &c.property))),
        ("object", Some(value(&c.value))),
        ("qualifier", many(qualifiers)),
        ("rank", Some(J::Str(c.rank.as_str()))),
        ("rankReason", c.rank_reason.as_deref().and_then(text)),
        ("dispute", many(disputes)),
        ("description", text(&c.statement)),
        ("wasDerivedFrom", many(citations)),
    ])
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{J, obj};

    /// `J::write` writes what `serde_json` writes of the same value, escapes included.
    #[test]
    fn a_node_is_written_as_serde_json_writes_it() {
        let id: cadres_model::Id = "seven-thousand".parse().expect("an id");
        let text = "a \"quoted\" word,\nback\\slash, \u{1} and 七千人大会";
        let node = obj(vec![
            ("@id", J::Name("entity", &id)),
            (
                "@type",
                J::Arr(vec![J::Str("cadres:Claim"), J::Str("oa:Annotation")]),
            ),
            ("description", J::Str(text)),
            ("owned", J::Owned(text.to_owned())),
            ("read", J::Bool(true)),
            ("unread", J::Bool(false)),
            ("position", J::Count(12)),
            ("hasBody", J::Ref("claim", &id)),
            ("shown", J::Show(&text)),
            ("citation", J::Citation(&id, 3)),
            ("empty", J::Arr(Vec::new())),
            (
                "nested",
                obj(vec![("z", J::Obj(Vec::new())), ("a", J::Str(""))]),
            ),
        ]);
        let mut written = Vec::new();
        node.write(&mut written, &mut String::new())
            .expect("writes");
        let expected = json!({
            "@id": "entity:seven-thousand",
            "@type": ["cadres:Claim", "oa:Annotation"],
            "description": text,
            "owned": text,
            "read": true,
            "unread": false,
            "position": "12",
            "hasBody": {"@id": "claim:seven-thousand"},
            "shown": text,
            "citation": "citation:seven-thousand:3",
            "empty": [],
            "nested": {"a": "", "z": {}},
        });
        assert_eq!(
            String::from_utf8(written).expect("UTF-8"),
            serde_json::to_string(&expected).expect("serializes")
        );
    }
}
