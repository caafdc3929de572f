//! `cadres_export::diff` over releases built from the model: ranks, no changes, record
//! order, hostile text. The `cargo xtask diff` command, over dataset folders and release
//! files, is tested in `xtask/src/diff/tests.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use cadres_export::diff::Delta;
use cadres_model::{
    Citation, Claim, Dataset, Edtf, Entity, EntityKind, Id, LangTag, Metadata, Rank, Source,
    SourceType, Value,
};

fn id(s: &str) -> Id {
    Id::from_str(s).expect("valid id")
}

fn metadata(version: &str) -> Metadata {
    Metadata {
        title: "Fixture".to_owned(),
        description: "Two releases.".to_owned(),
        version: version.to_owned(),
        as_of: "2026-11-01".parse().expect("valid date"),
        license: "CC-BY-SA-4.0".to_owned(),
    }
}

fn source(i: &str, title: &str) -> Source {
    Source::new(id(i), SourceType::Book, title)
}

fn entity(i: &str, kind: EntityKind, label: &str) -> Entity {
    Entity {
        id: id(i),
        kind,
        labels: BTreeMap::from([(LangTag::from_str("en").expect("tag"), label.to_owned())]),
        aliases: BTreeMap::new(),
        description: format!("{label}, for the test."),
    }
}

fn claim(i: &str, subject: &str, property: &str, value: Value, statement: &str) -> Claim {
    Claim {
        id: id(i),
        subject: id(subject),
        property: id(property),
        value,
        qualifiers: BTreeMap::new(),
        rank: Rank::Normal,
        rank_reason: None,
        disputes: Vec::new(),
        statement: statement.to_owned(),
        citations: vec![Citation {
            source: id("article"),
            locator: Some("lead".to_owned()),
            quote: Some("took place".to_owned()),
            cites: Vec::new(),
            as_named: BTreeMap::new(),
        }],
    }
}

fn date(s: &str) -> Value {
    Value::Date(Edtf::from_str(s).expect("valid edtf"))
}

fn releases() -> (Dataset, Dataset) {
    let old = Dataset::new(
        metadata("0.1.0"),
        Vec::new(),
        vec![
            source("article", "The Article"),
            source("old-book", "An Old Book"),
        ],
        vec![
            entity("conference", EntityKind::Meeting, "Conference"),
            entity("beijing", EntityKind::Place, "Peking"),
        ],
        vec![
            claim(
                "conference-end",
                "conference",
                "end-date",
                date("1962-02"),
                "It ended in February 1962.",
            ),
            claim(
                "conference-place",
                "conference",
                "location",
                Value::Entity(id("beijing")),
                "It met in Beijing.",
            ),
            claim(
                "conference-gone",
                "conference",
                "note",
                date("1962"),
                "A claim later dropped.",
            ),
        ],
    );
    let mut end = claim(
        "conference-end",
        "conference",
        "end-date",
        date("1962-02-07"),
        "It ended on 7 February 1962.",
    );
    end.rank = Rank::Preferred;
    end.rank_reason = Some("The lead gives the day.".to_owned());
    let new = Dataset::new(
        metadata("0.2.0"),
        Vec::new(),
        vec![
            source("article", "The Article, *revised*"),
            source("new-book", "A New Book"),
        ],
        vec![
            entity("conference", EntityKind::Meeting, "Conference"),
            entity("beijing", EntityKind::Place, "Beijing"),
            entity("zhang-san", EntityKind::Person, "Zhang San"),
        ],
        vec![
            claim(
                "conference-place",
                "conference",
                "location",
                Value::Entity(id("beijing")),
                "It met in Beijing.",
            ),
            end,
            claim(
                "zhang-san-spoke",
                "zhang-san",
                "participant",
                Value::Entity(id("conference")),
                "Zhang San spoke at the <conference>.",
            ),
        ],
    );
    (old, new)
}

fn markdown(old: &Dataset, new: &Dataset) -> String {
    cadres_export::diff::markdown(&Delta::new(old, new))
}

fn json(old: &Dataset, new: &Dataset) -> serde_json::Value {
    serde_json::from_str(&cadres_export::diff::json(&Delta::new(old, new)))
        .expect("the JSON parses")
}

#[test]
fn a_raised_rank_reads_normal_to_preferred() {
    let (old, new) = releases();
    let delta = json(&old, &new);
    let end = &delta["claims"]["changed"][0];
    assert_eq!(end["id"], "conference-end");
    assert_eq!(
        end["fields"],
        serde_json::json!([
            {"path": "rank", "old": "normal", "new": "preferred"},
            {"path": "rank-reason", "new": "The lead gives the day."},
            {"path": "statement", "old": "It ended in February 1962.", "new": "It ended on 7 February 1962."},
            {"path": "value.date", "old": "1962-02", "new": "1962-02-07"},
        ])
    );
}

#[test]
fn the_same_release_has_no_changes() {
    let (old, _) = releases();
    assert_eq!(
        markdown(&old, &old),
        "## Changes from 0.1.0 to 0.1.0\n\nNo changes to the data.\n"
    );
}

#[test]
fn the_output_does_not_depend_on_record_order() {
    let (old, new) = releases();
    let mut shuffled = new.clone();
    shuffled.claims.reverse();
    shuffled.entities.reverse();
    shuffled.sources.reverse();
    assert_eq!(markdown(&old, &new), markdown(&old, &shuffled));
    assert_eq!(json(&old, &new), json(&old, &shuffled));
}

/// Text from a dataset cannot inject Markdown or HTML into a pull-request comment: the
/// only HTML is the report's own `<del>` and `<ins>`, and no link or emphasis comes from
/// the data.
#[test]
fn markdown_from_hostile_text_is_inert() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let (old, mut new) = releases();
    let hostile = "It ended <script>alert(1)</script> *in* [February](https://x.test) `1962` @team ~~no~~ # | </del>.";
    new.claims[0].statement = hostile.to_owned();
    new.claims[0].citations[0].quote = Some("took *place* <b>here</b>".to_owned());
    let text = markdown(&old, &new);
    let mut html = BTreeSet::new();
    for event in Parser::new_ext(&text, Options::all()) {
        match event {
            Event::InlineHtml(h) | Event::Html(h) => {
                html.insert(h.to_string());
            }
            Event::Start(
                Tag::Link { .. } | Tag::Emphasis | Tag::Strikethrough | Tag::Image { .. },
            ) => {
                panic!("{event:?} in:\n{text}")
            }
            _ => {}
        }
    }
    assert_eq!(
        html,
        BTreeSet::from(["<del>", "</del>", "<ins>", "</ins>"].map(String::from)),
        "{text}"
    );
}
