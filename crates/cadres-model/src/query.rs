//! Looking things up in a release: entities, sources and properties by id, the claims about
//! an entity, the works behind a claim, and the timeline.
//!
//! [`Index`] borrows a [`Dataset`] and builds its lookup maps once. Every list it returns is
//! in a stable order (ids, citation order or timeline order), never in hash order, so that
//! output built from it is the same on every run.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::entity::write_one_line;
use crate::{Citation, Claim, Dataset, Edtf, Entity, Id, Property, Source, Value};

/// The id of the qualifier that dates a claim whose value is not a date.
pub const POINT_IN_TIME: &str = "point-in-time";

/// Lookup maps over a [`Dataset`], built once by [`Index::new`].
///
/// ```
/// # use cadres_model::{Dataset, Index};
/// # fn show(dataset: &Dataset) {
/// let index = Index::new(dataset);
/// for entry in index.timeline() {
///     println!("{} {}", entry.date, entry.claim.statement);
/// }
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Index<'a> {
    dataset: &'a Dataset,
    entities: BTreeMap<&'a str, &'a Entity>,
    sources: BTreeMap<&'a str, &'a Source>,
    properties: BTreeMap<&'a str, &'a Property>,
    claims: BTreeMap<&'a str, &'a Claim>,
    about: BTreeMap<&'a str, Vec<&'a Claim>>,
    /// The claims reading and citing each work, built on the first call of
    /// [`Index::claims_reading`] or [`Index::claims_citing`].
    by_work: OnceLock<ByWork<'a>>,
    /// The entities under each [`label_key`] of their labels and aliases, each list in id
    /// order, built on the first call of [`Index::find_by_label`].
    by_label: OnceLock<BTreeMap<String, Vec<&'a Entity>>>,
}

/// For each work id, the claims reading it and the claims citing it, each list in claim-id
/// order with no claim twice.
#[derive(Debug, Clone, Default)]
struct ByWork<'a> {
    reading: BTreeMap<&'a str, Vec<&'a Claim>>,
    citing: BTreeMap<&'a str, Vec<&'a Claim>>,
}

/// Where a dated claim's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateRole<'a> {
    /// The claim's value is the date (a start date, an end date).
    Value,
    /// A date-valued qualifier, by property id (usually [`POINT_IN_TIME`]).
    Qualifier(&'a Id),
}

/// One entry of a [`Index::timeline`]: a claim and the date that places it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dated<'a> {
    /// The date that places the claim in time.
    pub date: &'a Edtf,
    /// Where the date comes from.
    pub role: DateRole<'a>,
    /// The claim.
    pub claim: &'a Claim,
}

impl Dated<'_> {
    /// Timeline order: by the date's bounds ([`Edtf`]'s `Ord`), then by claim id.
    pub fn timeline_cmp(&self, other: &Self) -> Ordering {
        self.date
            .cmp(other.date)
            .then_with(|| self.claim.id.cmp(&other.claim.id))
    }
}

/// One citation of a claim with its records resolved: the work read and the works it
/// cites for the quoted words. See [`Index::evidence`].
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence<'a> {
    /// The citation as written.
    pub citation: &'a Citation,
    /// The work read (`citation.source`), when its id resolves.
    pub source: Option<&'a Source>,
    /// The works that source cites for the quote (`citation.cites`), in order; ids that do
    /// not resolve are skipped. They were not consulted.
    pub cites: Vec<&'a Source>,
}

/// The date that places `claim` in time, if any: its value when that is a date, else its
/// [`POINT_IN_TIME`] qualifier, else its first date-valued qualifier in property-id order.
pub fn claim_date(claim: &Claim) -> Option<Dated<'_>> {
    if let Value::Date(date) = &claim.value {
        return Some(Dated {
            date,
            role: DateRole::Value,
            claim,
        });
    }
    let qualifier = claim
        .qualifiers
        .iter()
        .find(|(id, v)| id.as_str() == POINT_IN_TIME && v.as_date().is_some())
        .or_else(|| claim.qualifiers.iter().find(|(_, v)| v.as_date().is_some()))?;
    let (id, value) = qualifier;
    Some(Dated {
        date: value.as_date()?,
        role: DateRole::Qualifier(id),
        claim,
    })
}

/// The form in which [`Index::find_by_label`] compares names: `text` without surrounding
/// whitespace, in Unicode NFC, lowercased (Unicode's full lowercase mapping, then NFC
/// again).
///
/// Two names with the same key are the same name written in another case or another
/// normalization form: `Zhōu Ēnlái`, `ZHŌU ĒNLÁI` and the same letters decomposed (NFD)
/// all give `zhōu ēnlái`. Case is folded for every cased script (Latin, Greek, Cyrillic);
/// Han has no case and is only normalized. Nothing else is folded: not inner whitespace,
/// punctuation, width, simplified against traditional characters, or diacritics.
///
/// ```
/// use cadres_model::label_key;
/// assert_eq!(label_key(" 7000 Cadres Conference\n"), "7000 cadres conference");
/// assert_eq!(label_key("ZHO\u{304}U E\u{304}NLA\u{301}I"), "zhōu ēnlái");
/// assert_eq!(label_key("七千人大会"), "七千人大会");
/// assert_ne!(label_key("七千人大会"), label_key("七千人大會"));
/// ```
pub fn label_key(text: &str) -> String {
    let composed: String = text.trim().nfc().collect();
    composed.to_lowercase().nfc().collect()
}

impl<'a> Index<'a> {
    /// Builds the lookup maps of `dataset`. When an id occurs twice (which the validator
    /// forbids), the first record in the dataset's order wins.
    pub fn new(dataset: &'a Dataset) -> Index<'a> {
        fn by_id<T>(items: &[T], id: impl Fn(&T) -> &Id) -> BTreeMap<&str, &T> {
            let mut map = BTreeMap::new();
            for item in items {
                map.entry(id(item).as_str()).or_insert(item);
            }
            map
        }
        let mut about: BTreeMap<&'a str, Vec<&'a Claim>> = BTreeMap::new();
        for claim in &dataset.claims {
            about.entry(claim.subject.as_str()).or_default().push(claim);
        }
        for claims in about.values_mut() {
            claims.sort_by(|a, b| a.id.cmp(&b.id));
        }
        Index {
            dataset,
            entities: by_id(&dataset.entities, |e| &e.id),
            sources: by_id(&dataset.sources, |s| &s.id),
            properties: by_id(&dataset.properties, |p| &p.id),
            claims: by_id(&dataset.claims, |c| &c.id),
            about,
            by_work: OnceLock::new(),
            by_label: OnceLock::new(),
        }
    }

    /// The entities under each [`label_key`]: one pass over every label and alias, once.
    fn by_label(&self) -> &BTreeMap<String, Vec<&'a Entity>> {
        self.by_label.get_or_init(|| {
            let mut map: BTreeMap<String, Vec<&'a Entity>> = BTreeMap::new();
            for entity in self.entities() {
                let names = entity.labels.values();
                for name in names.chain(entity.aliases.values().flatten()) {
                    let key = label_key(name);
                    if key.is_empty() {
                        continue;
                    }
                    let list = map.entry(key).or_default();
                    if !list.last().is_some_and(|e| std::ptr::eq(*e, entity)) {
                        list.push(entity);
                    }
                }
            }
            map
        })
    }

    /// The claims reading and citing each work: one pass over every citation, once.
    fn by_work(&self) -> &ByWork<'a> {
        self.by_work.get_or_init(|| {
            fn add<'a>(map: &mut BTreeMap<&'a str, Vec<&'a Claim>>, id: &'a Id, claim: &'a Claim) {
                let list = map.entry(id.as_str()).or_default();
                if !list.last().is_some_and(|c| std::ptr::eq(*c, claim)) {
                    list.push(claim);
                }
            }
            let mut maps = ByWork::default();
            for claim in self.claims() {
                for cit in &claim.citations {
                    add(&mut maps.reading, &cit.source, claim);
                    for work in &cit.cites {
                        add(&mut maps.citing, work, claim);
                    }
                }
            }
            maps
        })
    }

    /// The dataset this index was built over.
    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&'a Entity> {
        self.entities.get(id).copied()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&'a Source> {
        self.sources.get(id).copied()
    }

    /// The property with this id.
    pub fn property(&self, id: &str) -> Option<&'a Property> {
        self.properties.get(id).copied()
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&'a Claim> {
        self.claims.get(id).copied()
    }

    /// Every entity, sorted by id.
    pub fn entities(&self) -> impl Iterator<Item = &'a Entity> + '_ {
        self.entities.values().copied()
    }

    /// Every source, sorted by id.
    pub fn sources(&self) -> impl Iterator<Item = &'a Source> + '_ {
        self.sources.values().copied()
    }

    /// Every claim, sorted by id.
    pub fn claims(&self) -> impl Iterator<Item = &'a Claim> + '_ {
        self.claims.values().copied()
    }

    /// The claims whose subject is `entity`, sorted by claim id; empty when there are none.
    pub fn claims_about(&self, entity: &str) -> &[&'a Claim] {
        self.about.get(entity).map_or(&[], Vec::as_slice)
    }

    /// The evidence for `claim`, citation by citation: each work read with the works it
    /// cites for the quoted words.
    pub fn evidence(&self, claim: &'a Claim) -> Vec<Evidence<'a>> {
        claim
            .citations
            .iter()
            .map(|citation| Evidence {
                citation,
                source: self.source(citation.source.as_str()),
                cites: citation
                    .cites
                    .iter()
                    .filter_map(|w| self.source(w.as_str()))
                    .collect(),
            })
            .collect()
    }

    /// The works read for `claim`: each citation's `source`, once, in citation order.
    /// Ids that do not resolve are skipped.
    pub fn sources_of(&self, claim: &Claim) -> Vec<&'a Source> {
        let mut out: Vec<&'a Source> = Vec::new();
        for citation in &claim.citations {
            if let Some(source) = self.source(citation.source.as_str())
                && !out.iter().any(|s| s.id == source.id)
            {
                out.push(source);
            }
        }
        out
    }

    /// The works cited, not read, for `claim`: every citation's `cites`, once, in citation
    /// order. Ids that do not resolve are skipped.
    pub fn works_cited_by(&self, claim: &Claim) -> Vec<&'a Source> {
        let mut out: Vec<&'a Source> = Vec::new();
        for work in claim.citations.iter().flat_map(|c| &c.cites) {
            if let Some(source) = self.source(work.as_str())
                && !out.iter().any(|s| s.id == source.id)
            {
                out.push(source);
            }
        }
        out
    }

    /// The claims that name `source` as a work read, sorted by claim id.
    pub fn claims_reading(&self, source: &str) -> Vec<&'a Claim> {
        self.by_work()
            .reading
            .get(source)
            .cloned()
            .unwrap_or_default()
    }

    /// The claims that list `work` under a citation's `cites`, sorted by claim id.
    pub fn claims_citing(&self, work: &str) -> Vec<&'a Claim> {
        self.by_work().citing.get(work).cloned().unwrap_or_default()
    }

    /// The entities with a label or an alias, in any language, equal to `text` once both
    /// are put in [`label_key`] form (case, Unicode normalization and surrounding whitespace
    /// do not count), sorted by id, each once; empty when there are none and when `text` is
    /// blank.
    ///
    /// The lookup map is built on the first call, from every label and alias at once.
    ///
    /// ```
    /// # use cadres_model::{Dataset, Entity, Metadata};
    /// # let metadata = Metadata {
    /// #     title: "t".into(), description: "d".into(), version: "0.1.0".into(),
    /// #     as_of: "2024-01-01".parse().unwrap(), license: "CC-BY-4.0".into(),
    /// # };
    /// let conference: Entity = serde_json::from_str(r#"{
    ///     "id": "seven-thousand-cadres-conference", "kind": "meeting",
    ///     "labels": {"en": "Seven Thousand Cadres Conference", "zh-Hans": "七千人大会"},
    ///     "aliases": {"en": ["7000 Cadres Conference"]},
    ///     "description": "A work conference held in Beijing in 1962."
    /// }"#).unwrap();
    /// let dataset = Dataset::new(metadata, vec![], vec![], vec![conference], vec![]);
    /// let index = dataset.index();
    /// let found = index.find_by_label("7000 cadres conference");
    /// assert_eq!(found[0].id.as_str(), "seven-thousand-cadres-conference");
    /// assert_eq!(index.find_by_label(" 七千人大会 "), found);
    /// assert!(index.find_by_label("Beijing").is_empty());
    /// ```
    pub fn find_by_label(&self, text: &str) -> &[&'a Entity] {
        self.by_label()
            .get(label_key(text).as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// `claim` in words, on one line, with labels where the record has ids: the subject's
    /// [`Entity::label`], the property's label and the value, joined by ` — `, then the
    /// qualifiers in parentheses, in property-id order, each as `label: value`:
    /// `Liu Shaoqi — position held — President of China (start date: 1959-04)`.
    ///
    /// An entity value is its entity's label, a text value its text, a date as written,
    /// a quantity or share as its [`Value`]'s `Display`. An id that does not resolve is
    /// shown as the id. Line breaks become spaces. Nothing is computed until the result is
    /// formatted.
    ///
    /// ```
    /// # use cadres_model::{Dataset, Metadata};
    /// # let metadata = Metadata {
    /// #     title: "t".into(), description: "d".into(), version: "0.1.0".into(),
    /// #     as_of: "2024-01-01".parse().unwrap(), license: "CC-BY-4.0".into(),
    /// # };
    /// let properties = serde_json::from_str(r#"[
    ///     {"id": "position-held", "label": "position held", "description": "d",
    ///      "value-type": "entity"},
    ///     {"id": "start-date", "label": "start date", "description": "d",
    ///      "value-type": "date"}
    /// ]"#).unwrap();
    /// let entities = serde_json::from_str(r#"[
    ///     {"id": "liu-shaoqi", "kind": "person", "labels": {"en": "Liu Shaoqi"},
    ///      "description": "d"},
    ///     {"id": "president-of-china", "kind": "position",
    ///      "labels": {"en": "President of China"}, "description": "d"}
    /// ]"#).unwrap();
    /// let claims = serde_json::from_str(r#"[
    ///     {"id": "liu-shaoqi-president", "subject": "liu-shaoqi",
    ///      "property": "position-held", "value": {"entity": "president-of-china"},
    ///      "qualifiers": {"start-date": {"date": "1959-04"}},
    ///      "statement": "Liu Shaoqi became President of China in April 1959.",
    ///      "citations": [{"source": "he-2016"}]}
    /// ]"#).unwrap();
    /// let dataset = Dataset::new(metadata, properties, vec![], entities, claims);
    /// let index = dataset.index();
    /// let claim = index.claim("liu-shaoqi-president").unwrap();
    /// assert_eq!(
    ///     index.describe(claim).to_string(),
    ///     "Liu Shaoqi — position held — President of China (start date: 1959-04)",
    /// );
    /// ```
    pub fn describe<'s>(&'s self, claim: &'s Claim) -> impl fmt::Display + 's {
        Description { index: self, claim }
    }

    /// Every dated claim (see [`claim_date`]), ordered by the bounds of its date, ties
    /// broken by claim id.
    pub fn timeline(&self) -> Vec<Dated<'a>> {
        let mut out: Vec<Dated<'a>> = self.claims().filter_map(claim_date).collect();
        out.sort_by(Dated::timeline_cmp);
        out
    }
}

impl Dataset {
    /// Builds an [`Index`] over this dataset.
    pub fn index(&self) -> Index<'_> {
        Index::new(self)
    }
}

/// What [`Index::describe`] returns.
struct Description<'s, 'a> {
    index: &'s Index<'a>,
    claim: &'s Claim,
}

impl Description<'_, '_> {
    /// The label of entity `id`, or the id.
    fn entity<'i>(&'i self, id: &'i Id) -> &'i str {
        self.index
            .entity(id.as_str())
            .map(Entity::label)
            .filter(|l| !l.trim().is_empty())
            .unwrap_or(id.as_str())
    }

    /// The label of property `id`, or the id.
    fn property<'i>(&'i self, id: &'i Id) -> &'i str {
        self.index
            .property(id.as_str())
            .map(|p| p.label.as_str())
            .filter(|l| !l.trim().is_empty())
            .unwrap_or(id.as_str())
    }

    fn value(&self, f: &mut fmt::Formatter<'_>, value: &Value) -> fmt::Result {
        match value {
            Value::Entity(id) => write_one_line(f, self.entity(id)),
            Value::Text(text) => write_one_line(f, &text.text),
            other => write_one_line(f, &other.to_string()),
        }
    }
}

impl fmt::Display for Description<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let claim = self.claim;
        write_one_line(f, self.entity(&claim.subject))?;
        f.write_str(" — ")?;
        write_one_line(f, self.property(&claim.property))?;
        f.write_str(" — ")?;
        self.value(f, &claim.value)?;
        for (i, (id, value)) in claim.qualifiers.iter().enumerate() {
            f.write_str(if i == 0 { " (" } else { "; " })?;
            write_one_line(f, self.property(id))?;
            f.write_str(": ")?;
            self.value(f, value)?;
        }
        if !claim.qualifiers.is_empty() {
            f.write_str(")")?;
        }
        Ok(())
    }
}
