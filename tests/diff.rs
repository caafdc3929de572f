//! `cargo xtask diff`: two small releases built from the model, written as JSON, compared.

use std::collections::BTreeMap;
use std::fs;
use std::str::FromStr;

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

#[test]
fn changes_between_two_releases_in_markdown() {
    let (old, new) = releases();
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b) = (tmp.path().join("old.json"), tmp.path().join("new.json"));
    fs::write(&a, serde_json::to_string(&old).expect("json")).expect("write");
    fs::write(&b, serde_json::to_string_pretty(&new).expect("json")).expect("write");
    let text = xtask::diff::markdown(
        &xtask::diff::read(&a).expect("old release"),
        &xtask::diff::read(&b).expect("new release"),
    );
    insta::assert_snapshot!(text);
}

#[test]
fn the_same_release_has_no_changes() {
    let (old, _) = releases();
    assert_eq!(
        xtask::diff::markdown(&old, &old),
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
    assert_eq!(
        xtask::diff::markdown(&old, &new),
        xtask::diff::markdown(&old, &shuffled)
    );
}

#[test]
fn a_file_that_is_not_a_release_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("x.json");
    fs::write(&path, "{\"schema_version\": \"2.0\"}").expect("write");
    let err = xtask::diff::read(&path).expect_err("not a release");
    assert!(
        format!("{err:#}").contains("not a cadres dataset"),
        "{err:#}"
    );
}
