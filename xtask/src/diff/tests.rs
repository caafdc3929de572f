//! `cargo xtask diff`: copies of the valid fixture edited the way a pull request edits the
//! dataset, loaded as the command loads its inputs and compared in every format; release
//! files read from disk; exit codes and the errors for inputs that are not datasets. Diffs of
//! releases built in memory are `tests/it/diff.rs`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::diff::LoadError;
use crate::testing::{copy_dir, fixture, release_of, relock};
use cadres_export::diff::{Delta, Format, Input, Origin};
use cadres_model::Dataset;

use cadres_testkit::build::releases;

fn markdown(old: &Dataset, new: &Dataset) -> String {
    cadres_export::diff::markdown(&Delta::new(old, new))
}

/// Replaces `from` by `to` in the file `path`, which must hold `from`.
#[track_caller]
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert!(
        text.contains(from),
        "{} does not hold {from:?}",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1)).expect("write");
}

const NEW_CLAIM: &str = r#"
[[claims]]
id = "zhang-san-said-every-day-again"
property = "said"
value = { text = { lang = "zh-Hans", text = "日日讲" } }
statement = "Zhang San said the phrase once more."
citations = [
  { source = "example-article", locator = "Aftermath", quote = "Zhang San repeated the phrase every day (日日讲)" },
]
"#;

const REMOVED_CLAIM: &str = r#"[[claims]]
id = "example-conference-attendance"
property = "attendance"
value = { quantity = { amount = 7000, approximation = "over", unit = "person" } }
statement = "More than seven thousand people attended."
citations = [{ source = "example-article", locator = "lead", quote = "It was attended by over 7,000 party officials", as-named = { example-conference = "It" } }]

"#;

/// A copy of the valid fixture (`old`) and an edited copy (`new`), as the two checkouts of
/// a pull request: a statement and a quote reworded, a claim added and one removed, an
/// entity's description changed; the version left at 0.1.0.
struct Pair {
    _tmp: tempfile::TempDir,
    old: PathBuf,
    new: PathBuf,
}

fn pull_request() -> Pair {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    copy_dir(&fixture("valid"), &old);
    copy_dir(&fixture("valid"), &new);
    let meeting = new.join("entities/meeting/example-conference.toml");
    edit(
        &meeting,
        r#"statement = "The conference took place in Beijing.""#,
        r#"statement = "The conference was held in the city of Beijing.""#,
    );
    edit(
        &meeting,
        r#"Zhang San spoke first.", as-named"#,
        r#"Zhang San spoke first and at length.", as-named"#,
    );
    edit(&meeting, REMOVED_CLAIM, "");
    let person = new.join("entities/person/zhang-san.toml");
    let text = fs::read_to_string(&person).expect("read");
    fs::write(&person, text + NEW_CLAIM).expect("write");
    edit(
        &new.join("entities/place/beijing.toml"),
        "named in the fixture as the place",
        "given in the fixture as the site",
    );
    // The contributor verified the changed and added quotes.
    relock(&new);
    Pair {
        _tmp: tmp,
        old,
        new,
    }
}

fn load(path: &Path, side: &str) -> Input {
    crate::diff::load(path, side).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The report of `old` → `new` in `format`, the inputs shown as `old/` and `new/`, as the
/// paths given on a command line would be.
fn report(old: &Path, new: &Path, format: Format) -> String {
    let (mut a, mut b) = (load(old, "old"), load(new, "new"));
    "old/".clone_into(&mut a.shown);
    "new/".clone_into(&mut b.shown);
    cadres_export::diff::render(&a, &b, format)
}

fn set_version(dataset: &Path, version: &str) {
    edit(
        &dataset.join("metadata.toml"),
        r#"version = "0.1.0""#,
        &format!("version = \"{version}\""),
    );
}

#[test]
fn the_edited_copy_is_a_valid_dataset() {
    let pr = pull_request();
    release_of(&pr.new);
}

#[test]
fn human_report_of_two_folders_shows_old_and_new_text_with_the_changed_words_marked() {
    let pr = pull_request();
    let text = report(&pr.old, &pr.new, Format::Human);
    for line in [
        "old: old/ (dataset folder, version 0.1.0)",
        "new: new/ (dataset folder, version 0.1.0)",
        "claims     1 added, 1 removed, 2 changed",
        "entities   0 added, 0 removed, 1 changed",
        "changed claim example-conference-location",
        "  statement:",
        "    - The conference [-took place-] in Beijing.",
        "    + The conference {+was held+} in {+the city of+} Beijing.",
        "changed claim example-conference-participant-zhang",
        "  citations[0].quote:",
        "    - The meeting ran from 11 January - February 1962. Zhang San spoke first.",
        "    + The meeting ran from 11 January - February 1962. Zhang San spoke first {+and at length+}.",
        "added claim zhang-san-said-every-day-again (zhang-san, said: 日日讲 (zh-Hans))",
        "  Zhang San said the phrase once more.",
        "removed claim example-conference-attendance (example-conference, attendance: over 7000 person)",
        "  More than seven thousand people attended.",
        "changed entity beijing",
        "  description:",
        "    - A city, [-named-] in the fixture as the [-place-] of the meeting.",
        "    + A city, {+given+} in the fixture as the {+site+} of the meeting.",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in:\n{text}"
        );
    }
    insta::assert_snapshot!(text);
}

#[test]
fn an_entity_is_changed_by_its_own_fields_not_by_its_claims() {
    // A release holds claims apart from their subject: the entities whose claims changed
    // (the conference, Zhang San) are not themselves changed.
    let pr = pull_request();
    let old = load(&pr.old, "old");
    let new = load(&pr.new, "new");
    let delta = Delta::new(&old.dataset, &new.dataset);
    let changed: Vec<&str> = delta
        .entities
        .changed
        .iter()
        .map(|c| c.new.id.as_str())
        .collect();
    assert_eq!(changed, ["beijing"], "{:#?}", delta.entities.changed);
}

#[test]
fn markdown_report_of_two_folders() {
    let pr = pull_request();
    insta::assert_snapshot!(report(&pr.old, &pr.new, Format::Markdown));
}

#[test]
fn json_report_of_two_folders_has_the_documented_shape() {
    let pr = pull_request();
    let text = report(&pr.old, &pr.new, Format::Json);
    let delta: serde_json::Value = serde_json::from_str(&text).expect("the JSON parses");
    let keys = |v: &serde_json::Value| -> BTreeSet<String> {
        v.as_object().expect("an object").keys().cloned().collect()
    };
    assert_eq!(
        keys(&delta),
        BTreeSet::from(
            [
                "diff_format",
                "from_version",
                "to_version",
                "version_warning",
                "has_changes",
                "claims",
                "entities",
                "sources",
                "properties",
                "metadata",
            ]
            .map(String::from)
        )
    );
    assert_eq!(delta["diff_format"], 1);
    assert_eq!(delta["from_version"], "0.1.0");
    assert_eq!(delta["to_version"], "0.1.0");
    assert_eq!(delta["has_changes"], true);
    assert_eq!(delta["version_warning"]["kind"], "not-bumped");
    for kind in ["claims", "entities", "sources", "properties"] {
        assert_eq!(
            keys(&delta[kind]),
            BTreeSet::from(["added", "removed", "changed"].map(String::from)),
            "{kind}"
        );
    }
    assert_eq!(
        keys(&delta["metadata"]),
        BTreeSet::from(["fields".to_owned()])
    );

    let claims = &delta["claims"];
    assert_eq!(claims["added"][0]["id"], "zhang-san-said-every-day-again");
    assert_eq!(
        claims["added"][0]["statement"],
        "Zhang San said the phrase once more."
    );
    assert_eq!(claims["removed"][0]["id"], "example-conference-attendance");
    let changed = claims["changed"].as_array().expect("a list");
    let ids: Vec<&str> = changed.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "example-conference-location",
            "example-conference-participant-zhang"
        ],
        "sorted by id"
    );
    assert_eq!(
        changed[0]["fields"],
        serde_json::json!([{
            "path": "statement",
            "old": "The conference took place in Beijing.",
            "new": "The conference was held in the city of Beijing."
        }])
    );
    assert_eq!(
        changed[1]["fields"],
        serde_json::json!([{
            "path": "citations[0].quote",
            "old": "The meeting ran from 11 January - February 1962. Zhang San spoke first.",
            "new": "The meeting ran from 11 January - February 1962. Zhang San spoke first and at length."
        }])
    );
    assert_eq!(
        delta["entities"]["changed"][0]["fields"][0]["path"],
        "description"
    );
    assert_eq!(delta["metadata"]["fields"], serde_json::json!([]));
}

#[test]
fn a_release_file_and_the_folder_it_was_exported_from_compare_alike() {
    let pr = pull_request();
    let (_, release) = release_of(&pr.old);
    let file = pr.old.parent().expect("parent").join("dataset.json");
    fs::write(&file, release.file("dataset.json").expect("dataset.json")).expect("write");

    let from_release = load(&file, "old");
    assert_eq!(from_release.origin, Origin::Release);
    assert_eq!(load(&pr.old, "old").origin, Origin::Folder);
    assert_eq!(
        report(&file, &pr.new, Format::Json),
        report(&pr.old, &pr.new, Format::Json)
    );
    assert_eq!(
        report(&file, &pr.new, Format::Markdown),
        report(&pr.old, &pr.new, Format::Markdown)
    );
    let human = report(&file, &pr.new, Format::Human);
    assert!(
        human.starts_with(
            "old: old/ (release file, version 0.1.0)\nnew: new/ (dataset folder, version 0.1.0)\n"
        ),
        "{human}"
    );
    // And the other way round: the folder against its own release has no differences.
    let same = report(&pr.old, &file, Format::Human);
    assert!(same.ends_with("\nNo differences.\n"), "{same}");
}

#[test]
fn a_version_not_bumped_is_warned_about_in_every_format() {
    let pr = pull_request();
    let message = "the data changed but metadata.version is still 0.1.0: bump it";
    let human = report(&pr.old, &pr.new, Format::Human);
    assert!(
        human.contains(&format!("\nwarning: {message}\n")),
        "{human}"
    );
    let markdown = report(&pr.old, &pr.new, Format::Markdown);
    assert!(
        markdown.contains(&format!("\n> **Warning:** {message}\n")),
        "{markdown}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&report(&pr.old, &pr.new, Format::Json)).expect("json");
    assert_eq!(
        json["version_warning"],
        serde_json::json!({"kind": "not-bumped", "message": message})
    );
}

#[test]
fn a_bumped_version_has_no_warning() {
    let pr = pull_request();
    set_version(&pr.new, "0.2.0");
    let human = report(&pr.old, &pr.new, Format::Human);
    assert!(!human.contains("warning"), "{human}");
    assert!(human.contains("\n  version: 0.1.0 → 0.2.0\n"), "{human}");
    let markdown = report(&pr.old, &pr.new, Format::Markdown);
    assert!(!markdown.contains("Warning"), "{markdown}");
    assert!(
        markdown.starts_with("## Changes from 0.1.0 to 0.2.0\n"),
        "{markdown}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&report(&pr.old, &pr.new, Format::Json)).expect("json");
    assert_eq!(json["version_warning"], serde_json::Value::Null);
    assert_eq!(json["to_version"], "0.2.0");
    assert_eq!(
        json["metadata"]["fields"],
        serde_json::json!([{"path": "version", "old": "0.1.0", "new": "0.2.0"}])
    );
}

#[test]
fn the_same_data_with_the_same_version_has_no_warning() {
    let pr = pull_request();
    let json: serde_json::Value =
        serde_json::from_str(&report(&pr.old, &pr.old, Format::Json)).expect("json");
    assert_eq!(json["version_warning"], serde_json::Value::Null);
    assert_eq!(json["has_changes"], false);
}

#[test]
fn a_version_that_went_down_is_warned_about_even_without_other_changes() {
    let pr = pull_request();
    let lower = pr.old.parent().expect("parent").join("lower");
    copy_dir(&pr.old, &lower);
    set_version(&lower, "0.0.9");
    let json: serde_json::Value =
        serde_json::from_str(&report(&pr.old, &lower, Format::Json)).expect("json");
    assert_eq!(
        json["version_warning"],
        serde_json::json!({
            "kind": "went-down",
            "message": "metadata.version went down, from 0.1.0 to 0.0.9"
        })
    );
    let markdown = report(&pr.old, &lower, Format::Markdown);
    assert_eq!(
        markdown,
        "## Changes from 0.1.0 to 0.0.9\n\n> **Warning:** metadata.version went down, from 0.1.0 to 0.0.9\n\nNo changes to the data.\n"
    );
}

#[test]
fn the_exit_code_is_zero_with_or_without_differences() {
    let pr = pull_request();
    for format in [Format::Human, Format::Json, Format::Markdown] {
        assert_eq!(
            crate::diff::run(&pr.old, &pr.new, format).expect("runs"),
            ExitCode::SUCCESS
        );
        assert_eq!(
            crate::diff::run(&pr.old, &pr.old, format).expect("runs"),
            ExitCode::SUCCESS
        );
    }
}

#[test]
fn a_broken_dataset_folder_is_refused_with_exit_code_one() {
    let pr = pull_request();
    edit(
        &pr.new.join("entities/place/beijing.toml"),
        r#"kind = "place""#,
        r#"kind = "plaice""#,
    );
    assert!(matches!(
        crate::diff::load(&pr.new, "new"),
        Err(LoadError::HasErrors)
    ));
    assert_eq!(
        crate::diff::run(&pr.old, &pr.new, Format::Human).expect("runs"),
        ExitCode::FAILURE
    );
}

#[test]
fn a_folder_that_is_not_a_dataset_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    let err = crate::diff::run(&empty, &fixture("valid"), Format::Human).expect_err("refused");
    let message = format!("{err:#}");
    assert!(
        message.contains(&format!(
            "{} is a folder with no metadata.toml, so not a dataset folder",
            empty.display()
        )) && message.contains("expected a dataset folder")
            && !message.contains("Is a directory"),
        "{message}"
    );
    // A release folder: the message points at its dataset.json.
    let dist = tmp.path().join("dist");
    fs::create_dir(&dist).expect("mkdir");
    let (_, release) = release_of(&fixture("valid"));
    fs::write(
        dist.join("dataset.json"),
        release.file("dataset.json").expect("json"),
    )
    .expect("write");
    let err = crate::diff::run(&fixture("valid"), &dist, Format::Human).expect_err("refused");
    let message = format!("{err:#}");
    assert!(
        message.starts_with("the new dataset: ")
            && message.contains(&format!(
                "did you mean {}",
                dist.join("dataset.json").display()
            )),
        "{message}"
    );
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let missing = Path::new("no/such/dataset");
    let err = crate::diff::run(&fixture("valid"), missing, Format::Json).expect_err("refused");
    assert_eq!(
        format!("{err:#}"),
        "the new dataset: no/such/dataset does not exist; expected a dataset folder (with a metadata.toml) or a release file (dataset.json)"
    );
}

#[test]
fn a_file_that_is_not_a_release_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("x.json");
    fs::write(&path, "{\"schema_version\": \"2.0\"}").expect("write");
    let err = crate::diff::read(&path).expect_err("not a release");
    let message = format!("{err:#}");
    assert!(
        message.contains("is not a release file (dataset.json): not a cadres dataset"),
        "{message}"
    );
    let toml = fixture("valid").join("metadata.toml");
    let err = crate::diff::run(&toml, &fixture("valid"), Format::Human).expect_err("refused");
    assert!(
        format!("{err:#}").contains("a dataset folder is given as the folder"),
        "{err:#}"
    );
}

#[test]
fn changes_between_two_releases_in_markdown() {
    let (old, new) = releases();
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b) = (tmp.path().join("old.json"), tmp.path().join("new.json"));
    fs::write(&a, serde_json::to_string(&old).expect("json")).expect("write");
    fs::write(&b, serde_json::to_string_pretty(&new).expect("json")).expect("write");
    let text = markdown(
        &crate::diff::read(&a).expect("old release"),
        &crate::diff::read(&b).expect("new release"),
    );
    insta::assert_snapshot!(text);
}
