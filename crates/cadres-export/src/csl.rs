//! `bibliography.json`: every source as CSL-JSON 1.0.2, the format Zotero, pandoc and
//! citeproc read.
//!
//! The model's sources already use CSL-JSON's field names, so most fields pass through.
//! What changes:
//!
//! - dates become `date-parts` with the precision the source gives (`1999` is `[[1999]]`,
//!   `1962-02` is `[[1962, 2]]`); an approximate date (`~`, `%`) sets `circa`;
//! - a name is `{family, given}` or `{literal}` (`as-cited` is not a CSL field and is left
//!   out);
//! - `type` is the source's own, except where a style would drop the item or misrender it
//!   from the fields the source has (`csl_type`): an unsigned encyclopedia or dictionary
//!   entry with no URL, and an undated magazine or newspaper article read online, are
//!   `webpage`s;
//! - what CSL has no variable for goes under `custom`: `archive-date` (EDTF text), the
//!   source's own type as `recorded-type` when `type` is another, and the work's place in
//!   the two levels of provenance: `read` (whether a claim's citation names it as the work
//!   read) and `cited-by` (the sources whose reference lists name it).
//!
//! Items are sorted by id; keys are in `serde_json`'s (sorted) map order.

use std::collections::{BTreeMap, BTreeSet};

use std::io::Write;

use cadres_model::{Certainty, EdtfDate, Name, Source, SourceType};
use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use crate::{Error, Sorted};

/// The CSL-JSON bibliography: a pretty-printed array ending in a newline, each item
/// built and written in turn.
pub fn write(sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<(), Error> {
    let mut cited_by: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for source in &sorted.sources {
        for work in &source.references {
            cited_by
                .entry(work.as_str())
                .or_default()
                .insert(source.id.as_str());
        }
    }
    crate::json::pretty(&Items { sorted, cited_by }, out)
}

/// The items, serialized one by one as a JSON array.
struct Items<'s, 'a> {
    sorted: &'s Sorted<'a>,
    cited_by: BTreeMap<&'a str, BTreeSet<&'a str>>,
}

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sources = &self.sorted.sources;
        let mut seq = serializer.serialize_seq(Some(sources.len()))?;
        for s in sources {
            let citing: Vec<&str> = self
                .cited_by
                .get(s.id.as_str())
                .map(|c| c.iter().copied().collect())
                .unwrap_or_default();
            seq.serialize_element(&item(s, self.sorted.read.contains(s.id.as_str()), &citing))?;
        }
        seq.end()
    }
}

/// One CSL-JSON item.
fn item(source: &Source, read: bool, cited_by: &[&str]) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(source.id.as_str()));
    let kind = csl_type(source);
    m.insert(
        "type".into(),
        serde_json::to_value(kind).unwrap_or(Value::Null),
    );
    m.insert("title".into(), json!(source.title));
    if !source.author.is_empty() {
        m.insert("author".into(), names(&source.author));
    }
    if !source.editor.is_empty() {
        m.insert("editor".into(), names(&source.editor));
    }
    let text = [
        ("container-title", &source.container_title),
        ("publisher", &source.publisher),
        ("publisher-place", &source.publisher_place),
        ("volume", &source.volume),
        ("issue", &source.issue),
        ("page", &source.page),
        ("medium", &source.medium),
        ("note", &source.note),
    ];
    for (key, value) in text {
        if let Some(v) = value {
            m.insert(key.into(), json!(v));
        }
    }
    if let Some(d) = &source.issued {
        m.insert("issued".into(), date(*d));
    }
    if let Some(d) = &source.accessed {
        m.insert("accessed".into(), date(*d));
    }
    if let Some(isbn) = &source.isbn {
        m.insert("ISBN".into(), json!(isbn.to_string()));
    }
    if let Some(url) = &source.url {
        m.insert("URL".into(), json!(url.to_string()));
    }
    if let Some(lang) = &source.language {
        m.insert("language".into(), json!(lang.to_string()));
    }
    let mut custom = Map::new();
    if let Some(d) = &source.archive_date {
        custom.insert("archive-date".into(), json!(d.to_string()));
    }
    if kind != source.kind {
        custom.insert(
            "recorded-type".into(),
            serde_json::to_value(source.kind).unwrap_or(Value::Null),
        );
    }
    custom.insert("read".into(), json!(read));
    custom.insert("cited-by".into(), json!(cited_by));
    m.insert("custom".into(), Value::Object(custom));
    Value::Object(m)
}

/// The CSL type the item is exported with: the source's own, unless the fields it has make
/// a style drop or misrender an item of that type. Only the type changes: no field is added.
///
/// - An encyclopedia or dictionary entry with no author and no URL is a `webpage`, its
///   `container-title` the site. Chicago (CMOS18 14.132) cites an unsigned reference entry
///   in the text only, so `chicago-author-date` prints no bibliography entry for it unless
///   it has a DOI or URL, and the Wikipedia article that was read has neither. A page of
///   a website is what that article is. The model has no field that tells an entry read
///   in print from one read online, so an unsigned entry of a printed reference work would
///   be a `webpage` too; the dataset has none.
/// - A magazine or newspaper article with no date, volume or issue, read online
///   (`accessed`), is a `webpage` on the publication's site. Chicago identifies such an
///   article by its date (CMOS18 14.87, 14.89), which the source does not give; what it
///   does give is a page read online. As `article-magazine`, citeproc-py (0.11.1) also
///   prints a bare "Edition" for it: its `cs:label` renders the term of an empty variable.
fn csl_type(source: &Source) -> SourceType {
    match source.kind {
        SourceType::EntryEncyclopedia | SourceType::EntryDictionary
            if source.author.is_empty() && source.url.is_none() =>
        {
            SourceType::Webpage
        }
        SourceType::ArticleMagazine | SourceType::ArticleNewspaper
            if source.issued.is_none()
                && source.volume.is_none()
                && source.issue.is_none()
                && source.accessed.is_some() =>
        {
            SourceType::Webpage
        }
        kind => kind,
    }
}

/// Names as CSL name objects, in order.
fn names(names: &[Name]) -> Value {
    Value::Array(
        names
            .iter()
            .map(|n| {
                let mut m = Map::new();
                if let Some(l) = &n.literal {
                    m.insert("literal".into(), json!(l));
                } else {
                    if let Some(f) = &n.family {
                        m.insert("family".into(), json!(f));
                    }
                    if let Some(g) = &n.given {
                        m.insert("given".into(), json!(g));
                    }
                }
                Value::Object(m)
            })
            .collect(),
    )
}

/// A CSL date: `date-parts` to the precision of `d`, and `circa` when it is approximate.
fn date(d: EdtfDate) -> Value {
    let mut parts = vec![json!(d.year_number())];
    if let Some(m) = d.month() {
        parts.push(json!(m));
    }
    if let Some(day) = d.day() {
        parts.push(json!(day));
    }
    let mut m = Map::new();
    m.insert("date-parts".into(), json!([parts]));
    if matches!(
        d.certainty(),
        Certainty::Approximate | Certainty::UncertainApproximate
    ) {
        m.insert("circa".into(), json!(true));
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use cadres_model::{Name, Source, SourceType};

    use super::csl_type;

    fn source(kind: SourceType) -> Source {
        Source::new("a-work".parse().expect("an id"), kind, "A Work")
    }

    fn author() -> Vec<Name> {
        vec![Name {
            family: Some("Li".into()),
            given: None,
            literal: None,
            as_cited: None,
        }]
    }

    #[test]
    fn an_unsigned_reference_entry_without_url_is_a_webpage() {
        for kind in [SourceType::EntryEncyclopedia, SourceType::EntryDictionary] {
            let unsigned = Source {
                container_title: Some("Wikipedia".into()),
                ..source(kind)
            };
            assert_eq!(csl_type(&unsigned), SourceType::Webpage);
            let signed = Source {
                author: author(),
                ..unsigned.clone()
            };
            assert_eq!(csl_type(&signed), kind);
            let online = Source {
                url: Some("https://example.org/a".parse().expect("a URL")),
                ..unsigned
            };
            assert_eq!(csl_type(&online), kind);
        }
    }

    #[test]
    fn only_an_undated_article_read_online_is_a_webpage() {
        for kind in [SourceType::ArticleMagazine, SourceType::ArticleNewspaper] {
            let read_online = Source {
                author: author(),
                container_title: Some("Yanhuang Chunqiu".into()),
                accessed: Some("2020-06-21".parse().expect("a date")),
                ..source(kind)
            };
            assert_eq!(csl_type(&read_online), SourceType::Webpage);
            let dated = Source {
                issued: Some("2012-03".parse().expect("a date")),
                ..read_online.clone()
            };
            assert_eq!(csl_type(&dated), kind);
            let numbered = Source {
                issue: Some("3".into()),
                ..read_online.clone()
            };
            assert_eq!(csl_type(&numbered), kind);
            let in_print = Source {
                accessed: None,
                ..read_online
            };
            assert_eq!(csl_type(&in_print), kind);
        }
    }

    #[test]
    fn other_types_are_kept() {
        for kind in [
            SourceType::Book,
            SourceType::Chapter,
            SourceType::ArticleJournal,
            SourceType::Webpage,
            SourceType::Report,
            SourceType::Speech,
            SourceType::Document,
        ] {
            assert_eq!(csl_type(&source(kind)), kind);
        }
    }
}
