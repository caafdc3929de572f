//! `cargo xtask coverage` over a small archived fixture text: how it splits the text, that
//! the fixture's claims cover every sentence, the gaps and wrong footnotes it reports, and a
//! report that is deterministic and checkable.

use std::fs;
use std::path::Path;

use crate::coverage::{self, BlockKind};
use crate::testing::{fixture, root};
use cadres_testkit::load;

// ------------------------------------------------------------------ coverage

fn fixture_coverage(archive: &Path) -> Vec<coverage::SourceCoverage> {
    coverage::analyze(&load(&fixture("valid")), archive).expect("the archive is readable")
}

#[test]
fn coverage_splits_the_fixture_text_into_kinds_of_paragraph() {
    let text =
        fs::read_to_string(fixture("archive").join("example-article.txt")).expect("fixture text");
    let kinds: Vec<BlockKind> = coverage::blocks(&text).iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Title,
            BlockKind::Prose,
            BlockKind::Heading,
            BlockKind::Prose,
            BlockKind::Caption,
            BlockKind::Heading,
            BlockKind::Prose,
            BlockKind::Heading,
            BlockKind::BackMatter,
        ]
    );
    let blocks = coverage::blocks(&text);
    let sections: Vec<&str> = blocks.iter().map(|b| b.section.as_str()).collect();
    assert_eq!(
        sections,
        [
            "lead",
            "lead",
            "The Conference",
            "The Conference",
            "The Conference",
            "Aftermath",
            "Aftermath",
            "See also",
            "See also"
        ]
    );
    let lead: Vec<(&str, &[usize])> = blocks[1]
        .units
        .iter()
        .map(|u| (u.opening.as_str(), u.footnotes.as_slice()))
        .collect();
    assert_eq!(
        lead,
        [
            ("The Example Conference took place in…", &[][..]),
            ("It met from 11 January -…", &[1][..]),
            ("It was attended by over 7,000…", &[][..]),
        ],
        "`e.g.` before a lowercase word ends no sentence"
    );
}

#[test]
fn coverage_of_the_fixture_reaches_every_sentence() {
    let coverage = fixture_coverage(&fixture("archive"));
    assert_eq!(coverage.len(), 1);
    let article = &coverage[0];
    assert_eq!(article.id, "example-article");
    assert!(article.known);
    assert_eq!(article.fact_sentences().count(), 7);
    assert_eq!(article.uncovered().count(), 0);
    assert_eq!(article.problems, []);
    let dates = &article.blocks[1].units[1].claims;
    assert_eq!(
        dates.iter().map(String::as_str).collect::<Vec<_>>(),
        ["example-conference-end-lead", "example-conference-start"]
    );
    let caption = &article.blocks[4];
    assert_eq!(caption.kind, BlockKind::Caption);
    assert!(caption.units[0].claims.is_empty());
}

#[test]
fn coverage_reports_gaps_and_wrong_footnotes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let text =
        fs::read_to_string(fixture("archive").join("example-article.txt")).expect("fixture text");
    let changed = text.replace("February 1962.[1]", "February 1962.").replace(
        "70% to man-made mistakes.",
        "70% to man-made mistakes. Nobody noted the weather.",
    );
    fs::write(dir.path().join("example-article.txt"), changed).expect("write");
    let coverage = fixture_coverage(dir.path());
    let article = &coverage[0];
    let gaps: Vec<(usize, &str)> = article
        .uncovered()
        .map(|(b, u)| (b.number, u.opening.as_str()))
        .collect();
    assert_eq!(gaps, [(4, "Nobody noted the weather.")]);
    let problems: Vec<(&str, &str)> = article
        .problems
        .iter()
        .map(|p| (p.claim.as_str(), p.message.as_str()))
        .collect();
    let wrong = "`cites` is [example-book] but the quoted sentence carries the footnotes []";
    assert_eq!(
        problems,
        [
            ("example-conference-end-lead", wrong),
            ("example-conference-start", wrong)
        ]
    );
    let page = coverage::render(&coverage);
    assert!(page.contains("**not covered**"));
    assert!(page.contains("- ¶4 \"Nobody noted the weather.\" (The Conference)"));
}

#[test]
fn coverage_report_is_deterministic_and_checkable() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("coverage.md");
    let dataset = fixture("valid");
    let archive = fixture("archive");
    let (_, first) = coverage::report(&dataset, &archive).expect("report");
    let (_, second) = coverage::report(&dataset, &archive).expect("report");
    assert_eq!(first, second);
    assert!(
        !first.contains(&root().display().to_string()),
        "no absolute path"
    );
    assert!(
        !first.contains("repeated the phrase every day"),
        "sentences are shown by their opening words only"
    );

    let code = |check| {
        format!(
            "{:?}",
            coverage::run(&dataset, &archive, &out, check).expect("run")
        )
    };
    let success = format!("{:?}", std::process::ExitCode::SUCCESS);
    assert_ne!(code(true), success, "a missing report is stale");
    assert_eq!(code(false), success);
    assert_eq!(fs::read_to_string(&out).expect("written"), first);
    assert_eq!(code(true), success);
    fs::write(&out, "stale").expect("write");
    assert_ne!(code(true), success, "a changed report is stale");
}
