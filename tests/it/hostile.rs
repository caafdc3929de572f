//! The hostile text corpus, `tests/fixtures/hostile/`: text that would break a page or a
//! terminal is either exported safely or rejected with a precise diagnostic.
//!
//! - `exported/` is a valid dataset whose labels, descriptions, statements, rank reasons
//!   and quotes hold Markdown, HTML and Mermaid syntax, combining marks, a very long line,
//!   and whose files use CRLF line endings, a byte-order mark and tabs. It checks clean,
//!   and each of its texts, read back from `dataset.md` by `pulldown-cmark`, reads exactly
//!   as written (on one line); every footnote reference resolves.
//! - `rejected/<case>.toml` is an entity file with one hostile text: each is reported
//!   under its rule, at its line and column.

use std::fs;
use std::path::Path;

use crate::support::{copy_dir, fixture};
use cadres_validate::{Options, Report};

use crate::harness;

fn check(dataset: &Path) -> Report {
    cadres_validate::check(&Options {
        dataset: dataset.to_owned(),
        archive: None,
    })
    .expect("the check runs")
}

#[test]
fn the_exported_corpus_reads_back_exactly() {
    let dir = fixture("hostile").join("exported");
    let raw = fs::read(dir.join("entities/place/beijing.toml")).expect("read");
    assert!(
        raw.starts_with("\u{FEFF}".as_bytes()),
        "the corpus keeps its BOM"
    );
    assert!(
        raw.windows(2).any(|w| w == b"\r\n"),
        "the corpus keeps its CRLF"
    );
    let report = check(&dir);
    assert!(
        !report.has_errors(),
        "{:?}",
        report
            .diagnostics
            .iter()
            .map(|d| (d.name, &d.file, &d.message))
            .collect::<Vec<_>>()
    );
    let data = report.dataset.expect("assembled");
    let release = cadres_export::render(&data).expect("renders");
    let md = String::from_utf8(release.file("dataset.md").expect("md").to_vec()).expect("utf-8");
    let (blocks, mut refs, mut defs) = harness::read_back(&md);

    let mut texts: Vec<&str> = Vec::new();
    for e in &data.entities {
        texts.push(&e.description);
        texts.extend(e.labels.values().map(String::as_str));
        texts.extend(e.aliases.values().flatten().map(String::as_str));
    }
    for c in &data.claims {
        texts.push(&c.statement);
        texts.extend(c.rank_reason.as_deref());
        texts.extend(c.citations.iter().filter_map(|q| q.quote.as_deref()));
    }
    let hostile = ['|', '`', '<', '%', '#', '[', '\u{301}'];
    assert!(
        hostile.iter().all(|h| texts.iter().any(|t| t.contains(*h))),
        "the corpus holds every hostile character"
    );
    assert!(texts.iter().any(|t| t.len() > 5000), "and a very long line");
    for text in texts {
        let expected = harness::one_line(text);
        assert!(
            blocks.iter().any(|b| b.contains(&expected)),
            "{expected:?} does not read back from dataset.md"
        );
    }
    let mut raw_refs = harness::raw_refs(&md);
    raw_refs.sort();
    refs.sort();
    assert_eq!(raw_refs, refs, "every footnote reference written is read");
    refs.dedup();
    defs.sort();
    assert_eq!(refs, defs, "every footnote reference resolves");
    assert!(!md.contains("<script"), "no tag survives");
}

/// Each rejected case: its rule, and the line and column of the text at fault.
const REJECTED: [(&str, &str, usize, usize); 7] = [
    ("bidi-override", "invisible-character", 5, 17),
    ("zero-width-space", "invisible-character", 4, 15),
    ("tab-in-string", "invisible-character", 4, 15),
    ("crlf-multiline-string", "invisible-character", 4, 15),
    ("decomposed-combining-mark", "not-nfc", 4, 15),
    ("too-long-line", "limit-exceeded", 4, 15),
    ("too-deep", "limit-exceeded", 6, 105),
];

#[test]
fn each_rejected_case_is_reported_at_its_place() {
    let dir = fixture("hostile").join("rejected");
    let mut cases: Vec<String> = fs::read_dir(&dir)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    let mut listed: Vec<String> = REJECTED.iter().map(|c| format!("{}.toml", c.0)).collect();
    listed.sort();
    assert_eq!(cases, listed, "every case file is tested");
    for (case, rule, line, column) in REJECTED {
        let tmp = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixture("valid"), tmp.path());
        fs::copy(
            dir.join(format!("{case}.toml")),
            tmp.path().join("entities/place/hostile.toml"),
        )
        .expect("copy");
        let report = check(tmp.path());
        let at: Vec<(&str, usize, usize)> = report
            .diagnostics
            .iter()
            .filter(|d| d.file == "entities/place/hostile.toml")
            .filter_map(|d| d.span.as_ref().map(|s| (d.name, s.line, s.column)))
            .collect();
        assert!(
            at.contains(&(rule, line, column)),
            "{case}: expected {rule} at {line}:{column}, got {at:?}"
        );
        assert!(
            report.has_errors(),
            "{case} is an error: nothing is exported"
        );
    }
}

#[test]
fn too_many_files_are_reported_not_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("valid"), tmp.path());
    let dir = tmp.path().join("entities/place");
    // The default limit is a million files; the mechanism is the same at any limit.
    let max_files = 40;
    for i in 0..max_files {
        fs::write(dir.join(format!("p{i:05}.toml")), "").expect("write");
    }
    let report = cadres_validate::check_with(
        &Options {
            dataset: tmp.path().to_owned(),
            archive: None,
        },
        &cadres_validate::Tuning {
            max_files,
            ..cadres_validate::Tuning::default()
        },
    )
    .expect("check runs");
    assert_eq!(report.files, max_files);
    let limit: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.name == "limit-exceeded")
        .collect();
    assert_eq!(limit.len(), 1, "one diagnostic for the whole tree");
    assert!(
        limit[0].message.contains("40 record files"),
        "{}",
        limit[0].message
    );
}

#[test]
fn a_bom_before_the_schema_line_is_accepted() {
    let text = "\u{FEFF}#:schema ../../../../../schema/entity.schema.json\nid = \"hostile\"\nkind = \"place\"\ndescription = \"Plain.\"\nlabels = { en = \"Hostile\" }\n";
    let d = cadres_validate::check_file(
        cadres_model::schema::RecordKind::Entity,
        "entities/place/hostile.toml",
        text.as_bytes(),
    );
    // The directive is read past the mark; the mark itself is only a warning, which
    // `cargo xtask fmt` removes.
    let names: Vec<&str> = d.iter().map(|d| d.name).collect();
    assert_eq!(names, ["non-canonical-encoding"], "{d:?}");
}
