//! `cadres_export::diff` over releases built from the model: ranks, no changes, record
//! order, hostile text. The `cargo xtask diff` command, over dataset folders and release
//! files, is tested in `xtask/src/diff/tests.rs`.

use std::collections::BTreeSet;

use cadres_export::diff::Delta;
use cadres_model::Dataset;

use cadres_testkit::build::releases;

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
