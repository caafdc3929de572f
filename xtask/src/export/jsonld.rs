//! `dataset.jsonld`: the dataset as linked data, JSON-LD 1.1 with an inline `@context`
//! (nothing for a processor to fetch), for RDF stores and SPARQL.
//!
//! Vocabularies: schema.org for the things and works, PROV-O for the two levels of
//! provenance (a citation `prov:wasQuotedFrom` the work read and `prov:hadPrimarySource`
//! the works that work cites), the W3C Web Annotation vocabulary for quotes (an
//! `oa:TextQuoteSelector` on the work read), and RDF reification for claims (each claim is
//! an `rdf:Statement` and a `cadres:Claim`, with qualifiers, rank, disputes and evidence).
//! Terms of our own live under `cadres:`, documented in `docs/exports.md`, which also gives
//! the whole mapping and how many triples each record makes.
//!
//! Records are named by URNs (`urn:cadres:entity:<id>`, `urn:cadres:source:<id>`, ...),
//! which promise no web address. Nodes are in id order; sets of values are sorted.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use cadres_model::{
    Certainty, Claim, Dataset, Edtf, EdtfDate, Entity, EntityKind, Name, Precision, Property,
    Source, SourceType, Value as ClaimValue,
};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use super::Sorted;

/// The namespace of the terms this export defines (`cadres:Claim`, `cadres:rank`, ...).
/// A URN, like the records' own names: the project has no published address to put in an
/// http IRI, and `docs/exports.md` defines each term.
pub(crate) const VOCAB: &str = "urn:cadres:vocab:";

/// The inline context: prefixes only, so that every key in the document is a compact IRI
/// that reads the same in JSON and in RDF.
fn context() -> Value {
    json!({
        "schema": "https://schema.org/",
        "prov": "http://www.w3.org/ns/prov#",
        "oa": "http://www.w3.org/ns/oa#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "cadres": VOCAB,
        "dataset": "urn:cadres:dataset:",
        "property": "urn:cadres:property:",
        "source": "urn:cadres:source:",
        "entity": "urn:cadres:entity:",
        "claim": "urn:cadres:claim:",
        "citation": "urn:cadres:citation:",
    })
}

/// The JSON-LD document: `@context`, then `@graph` with the dataset's node, the
/// properties, sources, entities and claims in id order, each node built and written in
/// turn; pretty-printed, ending in a newline.
pub(crate) fn write(sorted: &Sorted<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    // The first source of each id, as a search of the sorted list would find it.
    let mut sources: BTreeMap<&str, &Source> = BTreeMap::new();
    for s in &sorted.sources {
        sources.entry(s.id.as_str()).or_insert(s);
    }
    super::json::pretty(&Document { sorted, sources }, out)
}

/// `{"@context": ..., "@graph": [...]}`, its keys in `serde_json`'s (sorted) map order.
struct Document<'s, 'a> {
    sorted: &'s Sorted<'a>,
    sources: BTreeMap<&'a str, &'a Source>,
}

impl Serialize for Document<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("@context", &context())?;
        map.serialize_entry("@graph", &Graph(self))?;
        map.end()
    }
}

/// The nodes of the graph, serialized one by one.
struct Graph<'d, 's, 'a>(&'d Document<'s, 'a>);

impl Serialize for Graph<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Document { sorted, sources } = self.0;
        let language = |id: &str| {
            sources
                .get(id)
                .and_then(|s| s.language.as_ref())
                .map(ToString::to_string)
        };
        let len = 1
            + sorted.properties.len()
            + sorted.sources.len()
            + sorted.entities.len()
            + sorted.claims.len();
        let mut seq = serializer.serialize_seq(Some(len))?;
        seq.serialize_element(&dataset_node(sorted.dataset))?;
        for p in &sorted.properties {
            seq.serialize_element(&property(p))?;
        }
        for s in &sorted.sources {
            seq.serialize_element(&source(s, sorted.read.contains(s.id.as_str())))?;
        }
        for e in &sorted.entities {
            seq.serialize_element(&entity(e))?;
        }
        for c in &sorted.claims {
            seq.serialize_element(&claim(c, &language))?;
        }
        seq.end()
    }
}

fn id(prefix: &str, id: impl std::fmt::Display) -> Value {
    json!({ "@id": format!("{prefix}:{id}") })
}

/// A node object built from `(key, value)` pairs, leaving out `None`s.
fn node(pairs: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect::<Map<String, Value>>(),
    )
}

/// A present string value.
#[allow(clippy::unnecessary_wraps)] // reason: `node` takes `Option`s, and most values are optional
fn text(s: &str) -> Option<Value> {
    Some(json!(s))
}

fn lang_text(s: &str, lang: Option<&str>) -> Value {
    match lang {
        Some(lang) => json!({ "@value": s, "@language": lang }),
        None => json!(s),
    }
}

/// A list of values, or `None` when empty (an empty list would still make a triple).
fn many(values: Vec<Value>) -> Option<Value> {
    (!values.is_empty()).then_some(Value::Array(values))
}

/// A date as a typed literal: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` by precision,
/// or `cadres:EDTF` text when the source qualifies it (`~`, `?`, `%`).
fn date(d: EdtfDate) -> Value {
    let datatype = match (d.certainty(), d.precision()) {
        (Certainty::Certain, Precision::Day) => "xsd:date",
        (Certainty::Certain, Precision::Month) => "xsd:gYearMonth",
        (Certainty::Certain, Precision::Year) => "xsd:gYear",
        _ => "cadres:EDTF",
    };
    json!({ "@value": d.to_string(), "@type": datatype })
}

/// A date or interval value: as [`date`], an interval as `cadres:EDTF` text.
fn edtf(e: &Edtf) -> Value {
    match e {
        Edtf::Date(d) => date(*d),
        Edtf::Interval(..) => json!({ "@value": e.to_string(), "@type": "cadres:EDTF" }),
    }
}

fn dataset_node(dataset: &Dataset) -> Value {
    let m = &dataset.metadata;
    node(vec![
        ("@id", text("dataset:cadres")),
        ("@type", text("schema:Dataset")),
        ("schema:name", text(&m.title)),
        ("schema:description", text(&m.description)),
        ("schema:version", text(&m.version)),
        ("schema:license", text(&m.license)),
        ("cadres:asOf", Some(date(m.as_of))),
    ])
}

fn kinds(kinds: &[EntityKind]) -> Option<Value> {
    let set: BTreeSet<&str> = kinds.iter().map(|k| k.as_str()).collect();
    many(set.into_iter().map(|k| json!(k)).collect())
}

fn property(p: &Property) -> Value {
    node(vec![
        ("@id", text(&format!("property:{}", p.id))),
        ("@type", text("rdf:Property")),
        ("rdfs:label", Some(lang_text(&p.label, Some("en")))),
        ("rdfs:comment", text(&p.description)),
        ("cadres:valueType", Some(json!(p.value_type.to_string()))),
        (
            "cadres:cardinality",
            serde_json::to_value(p.cardinality).ok(),
        ),
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

/// Names in order, as an RDF list of name nodes.
fn names(names: &[Name]) -> Option<Value> {
    let list: Vec<Value> = names
        .iter()
        .map(|n| {
            let as_cited = n.as_cited.as_deref().and_then(text);
            if let Some(literal) = &n.literal {
                node(vec![
                    ("schema:name", text(literal)),
                    ("cadres:asCited", as_cited),
                ])
            } else {
                node(vec![
                    ("@type", text("schema:Person")),
                    ("schema:familyName", n.family.as_deref().and_then(text)),
                    ("schema:givenName", n.given.as_deref().and_then(text)),
                    ("cadres:asCited", as_cited),
                ])
            }
        })
        .collect();
    (!list.is_empty()).then(|| json!({ "@list": list }))
}

fn source(s: &Source, read: bool) -> Value {
    let lang = s.language.as_ref().map(ToString::to_string);
    let references: BTreeSet<String> = s.references.iter().map(ToString::to_string).collect();
    node(vec![
        ("@id", text(&format!("source:{}", s.id))),
        ("@type", Some(json!([source_class(s.kind), "prov:Entity"]))),
        ("schema:identifier", text(s.id.as_str())),
        ("cadres:cslType", serde_json::to_value(s.kind).ok()),
        ("schema:name", Some(lang_text(&s.title, lang.as_deref()))),
        ("schema:author", names(&s.author)),
        ("schema:editor", names(&s.editor)),
        (
            "schema:isPartOf",
            s.container_title.as_deref().and_then(text),
        ),
        ("schema:publisher", s.publisher.as_deref().and_then(text)),
        (
            "cadres:publisherPlace",
            s.publisher_place.as_deref().and_then(text),
        ),
        ("schema:datePublished", s.issued.map(date)),
        ("cadres:accessed", s.accessed.map(date)),
        ("cadres:archiveDate", s.archive_date.map(date)),
        ("schema:isbn", s.isbn.as_ref().map(|i| json!(i.to_string()))),
        (
            "schema:url",
            s.url.as_ref().map(|u| json!({ "@id": u.to_string() })),
        ),
        ("schema:inLanguage", lang.as_deref().and_then(text)),
        ("schema:volumeNumber", s.volume.as_deref().and_then(text)),
        ("schema:issueNumber", s.issue.as_deref().and_then(text)),
        ("schema:pagination", s.page.as_deref().and_then(text)),
        ("schema:encodingFormat", s.medium.as_deref().and_then(text)),
        ("rdfs:comment", s.note.as_deref().and_then(text)),
        (
            "schema:citation",
            many(references.iter().map(|r| id("source", r)).collect()),
        ),
        ("cadres:read", Some(json!(read))),
    ])
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

fn entity(e: &Entity) -> Value {
    let labels: Vec<Value> = e
        .labels
        .iter()
        .map(|(lang, label)| lang_text(label, Some(lang.as_str())))
        .collect();
    let aliases: BTreeSet<(String, &String)> = e
        .aliases
        .iter()
        .flat_map(|(lang, names)| names.iter().map(move |n| (lang.to_string(), n)))
        .collect();
    node(vec![
        ("@id", text(&format!("entity:{}", e.id))),
        ("@type", text(entity_class(e.kind))),
        ("schema:identifier", text(e.id.as_str())),
        ("cadres:kind", text(e.kind.as_str())),
        ("schema:name", many(labels)),
        (
            "schema:alternateName",
            many(
                aliases
                    .iter()
                    .map(|(lang, n)| lang_text(n, Some(lang)))
                    .collect(),
            ),
        ),
        ("schema:description", text(&e.description)),
    ])
}

/// A claim's or qualifier's value as an RDF object.
fn value(v: &ClaimValue) -> Value {
    match v {
        ClaimValue::Entity(e) => id("entity", e),
        ClaimValue::Date(d) => edtf(d),
        ClaimValue::Quantity(q) => json!({
            "@type": "schema:QuantitativeValue",
            "schema:value": { "@value": q.amount.to_string(), "@type": "xsd:integer" },
            "schema:unitText": q.unit,
            "cadres:approximation": serde_json::to_value(q.approximation).unwrap_or(Value::Null),
        }),
        ClaimValue::Share(parts) => json!({
            "@type": "cadres:Share",
            "cadres:part": parts.iter().map(|p| json!({
                "@type": "cadres:SharePart",
                "cadres:percent": { "@value": p.percent.to_string(), "@type": "xsd:decimal" },
                "cadres:of": p.of,
            })).collect::<Vec<_>>(),
        }),
        ClaimValue::Text(t) => lang_text(&t.text, Some(t.lang.as_str())),
    }
}

fn claim(c: &Claim, language: &dyn Fn(&str) -> Option<String>) -> Value {
    let qualifiers: Vec<Value> = c
        .qualifiers
        .iter()
        .map(|(p, v)| {
            json!({
                "@type": "cadres:Qualifier",
                "cadres:property": id("property", p),
                "cadres:value": value(v),
            })
        })
        .collect();
    let disputes: Vec<Value> = c
        .disputes
        .iter()
        .map(|d| {
            json!({
                "@type": "cadres:Dispute",
                "cadres:with": id("claim", &d.with),
                "cadres:relation": d.relation.to_string(),
            })
        })
        .collect();
    let citations: Vec<Value> = c
        .citations
        .iter()
        .enumerate()
        .map(|(i, cit)| {
            let quote = cit.quote.as_deref().map(|q| {
                json!({
                    "@type": "oa:TextQuoteSelector",
                    "oa:exact": lang_text(q, language(cit.source.as_str()).as_deref()),
                })
            });
            let cites: BTreeSet<String> = cit.cites.iter().map(ToString::to_string).collect();
            node(vec![
                ("@id", text(&format!("citation:{}:{}", c.id, i + 1))),
                (
                    "@type",
                    Some(json!(["cadres:Citation", "oa:Annotation", "prov:Entity"])),
                ),
                (
                    "cadres:position",
                    Some(json!({ "@value": (i + 1).to_string(), "@type": "xsd:integer" })),
                ),
                ("oa:hasBody", Some(id("claim", &c.id))),
                (
                    "oa:hasTarget",
                    Some(node(vec![
                        ("@type", text("oa:SpecificResource")),
                        ("oa:hasSource", Some(id("source", &cit.source))),
                        ("oa:hasSelector", quote),
                    ])),
                ),
                ("cadres:locator", cit.locator.as_deref().and_then(text)),
                ("prov:wasQuotedFrom", Some(id("source", &cit.source))),
                (
                    "prov:hadPrimarySource",
                    many(cites.iter().map(|w| id("source", w)).collect()),
                ),
            ])
        })
        .collect();
    node(vec![
        ("@id", text(&format!("claim:{}", c.id))),
        ("@type", Some(json!(["rdf:Statement", "cadres:Claim"]))),
        ("rdf:subject", Some(id("entity", &c.subject))),
        ("rdf:predicate", Some(id("property", &c.property))),
        ("rdf:object", Some(value(&c.value))),
        ("cadres:qualifier", many(qualifiers)),
        ("cadres:rank", serde_json::to_value(c.rank).ok()),
        ("cadres:rankReason", c.rank_reason.as_deref().and_then(text)),
        ("cadres:dispute", many(disputes)),
        ("schema:description", text(&c.statement)),
        ("prov:wasDerivedFrom", many(citations)),
    ])
}
