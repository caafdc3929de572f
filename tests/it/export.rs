//! The release as `cadres-export` renders it: its bytes (snapshots), its schema and round
//! trip, its determinism over generated datasets, its footnotes and escaping, and an install
//! that refuses to replace a file. The `cargo xtask export` command (the output left alone on
//! errors, replaced whole otherwise, the committed copies) is tested in
//! `xtask/src/export/tests.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::support::release_of;
use cadres_export::Release;
use cadres_model::schema::RecordKind;
use cadres_model::{
    Approximation, Cardinality, Citation, Claim, Dataset, DateRelation, Dispute, Edtf, Entity,
    EntityKind, Id, LangTag, LangText, Metadata, Name, Property, Quantity, Rank, SharePart,
    SortedMap, Source, SourceType, Value, ValueType,
};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

// ---------------------------------------------------------------------------------------
// Helpers

#[track_caller]
fn text(release: &Release, name: &str) -> String {
    String::from_utf8(
        release
            .file(name)
            .expect("the release has the file")
            .to_vec(),
    )
    .expect("utf-8")
}

/// The footnote labels referenced and defined in a Markdown document, as GitHub's parser
/// (`CommonMark` with GFM footnotes) reads them, and whether any raw HTML or math was found.
struct Parsed {
    references: BTreeSet<String>,
    definitions: BTreeSet<String>,
    html: Vec<String>,
    math: Vec<String>,
    links: Vec<String>,
}

fn parse(markdown: &str) -> Parsed {
    let options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_MATH;
    let mut parsed = Parsed {
        references: BTreeSet::new(),
        definitions: BTreeSet::new(),
        html: Vec::new(),
        math: Vec::new(),
        links: Vec::new(),
    };
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::FootnoteReference(label) => {
                parsed.references.insert(label.to_string());
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                parsed.definitions.insert(label.to_string());
            }
            Event::Html(h) | Event::InlineHtml(h) => parsed.html.push(h.to_string()),
            Event::InlineMath(m) | Event::DisplayMath(m) => parsed.math.push(m.to_string()),
            Event::Start(Tag::Link { dest_url, .. }) => parsed.links.push(dest_url.to_string()),
            _ => {}
        }
    }
    parsed
}

/// Asserts that every footnote reference has a definition and every definition is
/// referenced, and that dataset text produced no HTML, math or stray link.
#[track_caller]
fn assert_well_formed(markdown: &str) {
    let parsed = parse(markdown);
    assert_eq!(
        parsed.references, parsed.definitions,
        "footnote references and definitions differ"
    );
    assert!(
        parsed.html.is_empty(),
        "raw HTML in the document: {:?}",
        parsed.html
    );
    assert!(
        parsed.math.is_empty(),
        "math in the document: {:?}",
        parsed.math
    );
    for link in &parsed.links {
        assert!(
            link.starts_with('#') || link.starts_with("http://") || link.starts_with("https://"),
            "unexpected link target {link:?}"
        );
    }
    assert_mermaid_is_escaped(markdown);
}

/// The Mermaid block: each line is a keyword line or `period : event` / `: event`, and no
/// dataset text brings in a `:`, `%`, or a `#` that does not start an entity code.
#[track_caller]
fn assert_mermaid_is_escaped(markdown: &str) {
    let mut rest = markdown;
    let mut directives = BTreeSet::new();
    while let Some(start) = rest.find("```mermaid\n") {
        let body = &rest[start + "```mermaid\n".len()..];
        let end = body.find("\n```\n").expect("the mermaid block is closed");
        assert_mermaid_block_is_escaped(&body[..end], &mut directives);
        rest = &body[end..];
    }
    assert!(
        directives.len() <= 1,
        "one directive for every block: {directives:?}"
    );
}

/// One timeline block: the renderer's own directive and header, then escaped dataset text.
#[track_caller]
fn assert_mermaid_block_is_escaped<'a>(block: &'a str, directives: &mut BTreeSet<&'a str>) {
    let mut lines = block.lines();
    let directive = lines.next().unwrap_or_default();
    assert!(
        directive.starts_with("%%{init: {") && directive.ends_with("}%%"),
        "each block opens with the renderer's directive: {directive:?}"
    );
    directives.insert(directive);
    assert_eq!(lines.next(), Some("timeline TD"), "then the diagram type");
    for line in lines {
        let trimmed = line.trim_start();
        assert!(!trimmed.contains('%'), "a % in mermaid line {line:?}");
        let rest = if let Some(rest) = trimmed.strip_prefix("section ") {
            assert!(!rest.contains(':'), "a colon in mermaid line {line:?}");
            rest
        } else {
            let (period, event) = trimmed.split_once(": ").expect("an event line has ': '");
            assert!(
                !period.contains(':') && !event.contains(':'),
                "a stray colon in {line:?}"
            );
            assert!(
                !period.trim().is_empty(),
                "every event names its date: {line:?}"
            );
            event
        };
        for (i, c) in rest.char_indices() {
            if c == '#' {
                let code: String = rest[i + 1..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                assert!(
                    !code.is_empty() && rest[i + 1 + code.len()..].starts_with(';'),
                    "a bare # in mermaid line {line:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The valid fixture

fn valid() -> (Dataset, Release) {
    release_of(&crate::support::fixture("valid"))
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/export");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

#[test]
fn valid_fixture_snapshots() {
    let (_, release) = valid();
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("valid-dataset.json", text(&release, "dataset.json"));
        insta::assert_snapshot!("valid-dataset.md", text(&release, "dataset.md"));
    });
}

/// The real dataset's release. Its snapshots change whenever `dataset/` does: review the
/// new `.snap.new` files, then accept them with `cargo insta accept`.
#[test]
fn real_dataset_snapshots() {
    let dir = crate::support::root().join("dataset");
    let (dataset, release) = release_of(&dir);
    assert_json_valid_and_round_trips(&dataset, &release);
    let markdown = text(&release, "dataset.md");
    assert_well_formed(&markdown);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("real-dataset.json", text(&release, "dataset.json"));
        insta::assert_snapshot!("real-dataset.md", markdown);
    });
}

#[test]
fn release_files_are_those_named() {
    let (_, release) = valid();
    let names: Vec<&str> = release.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, cadres_export::FILES);
}

#[test]
fn schema_file_is_the_committed_schema() {
    let (_, release) = valid();
    let committed = fs::read(
        crate::support::root()
            .join("schema")
            .join(RecordKind::Dataset.schema_file_name()),
    )
    .expect("schema/dataset.schema.json exists");
    assert_eq!(
        release.file("dataset.schema.json"),
        Some(committed.as_slice())
    );
}

#[track_caller]
fn assert_json_valid_and_round_trips(dataset: &Dataset, release: &Release) {
    let schema: serde_json::Value = serde_json::from_slice(
        &fs::read(crate::support::root().join("schema/dataset.schema.json"))
            .expect("schema exists"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let json = text(release, "dataset.json");
    let instance: serde_json::Value = serde_json::from_str(&json).expect("dataset.json is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "dataset.json does not match its schema: {errors:#?}"
    );
    assert!(json.ends_with("}\n"), "dataset.json ends with a newline");
    let back = Dataset::from_json_str(&json).expect("cadres-model reads the release");
    assert_eq!(
        &back, dataset,
        "the release reads back into the same dataset"
    );
}

#[test]
fn json_validates_against_the_schema_and_reads_back() {
    let (dataset, release) = valid();
    assert_json_valid_and_round_trips(&dataset, &release);
}

#[test]
fn footnotes_resolve_and_text_is_inert() {
    let (_, release) = valid();
    let markdown = text(&release, "dataset.md");
    assert_well_formed(&markdown);
    assert!(
        !parse(&markdown).references.is_empty(),
        "the fixture's claims are footnoted"
    );
}

// ---------------------------------------------------------------------------------------
// A document too large for one page

/// The files `write_pages` gives for `dataset` with pages of at most `limit` bytes, by name.
fn pages(dataset: &Dataset, limit: usize) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let sorted = cadres_export::Sorted::new(dataset);
    cadres_export::markdown::write_pages(&sorted, limit, &mut |name, bytes| {
        let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
        assert!(
            files.insert(name.to_owned(), text).is_none(),
            "{name} is written once"
        );
        Ok(())
    })
    .expect("renders");
    files
}

/// The anchors GitHub gives the headings of `markdown`: lower case, spaces to hyphens,
/// other punctuation dropped.
fn heading_anchors(markdown: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut heading {
                    h.push_str(&t);
                }
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    anchors.insert(
                        h.to_lowercase()
                            .chars()
                            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                            .map(|c| if c == ' ' { '-' } else { c })
                            .collect(),
                    );
                }
            }
            _ => {}
        }
    }
    anchors
}

/// Asserts that a block a page break opened again holds something: no diagram without an
/// event, no table without a row, no continued heading with nothing under it.
#[track_caller]
fn assert_nothing_reopened_empty(name: &str, page: &str) {
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    let level = |l: &str| l.chars().take_while(|c| *c == '#').count();
    for (i, a) in lines.iter().enumerate() {
        let b = lines.get(i + 1).copied().unwrap_or_default();
        assert!(
            !(a.trim_start().starts_with("section ") && b.starts_with("```")),
            "{name}: a diagram with no event:\n{page}"
        );
        if !a.ends_with(" (continued)") {
            continue;
        }
        assert!(
            !(b.is_empty() || b.starts_with("[Next") || b.starts_with("[^")),
            "{name}: a page that ends with an empty block:\n{page}"
        );
        assert!(
            !(level(b) > 0 && level(b) <= level(a)),
            "{name}: a continued heading with nothing under it:\n{page}"
        );
        // A table opened again under it: its head, then a row.
        if b.starts_with('|') {
            assert!(
                lines.get(i + 3).is_some_and(|l| l.starts_with('|')),
                "{name}: a table with no row:\n{page}"
            );
        }
    }
}

/// The lines of `markdown` that say something: not blank, not a footnote definition.
fn body_lines(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("[^"))
        .collect()
}

/// Asserts that the pages of `dataset`'s document at `limit` bytes hold the one-page
/// document: every line of its sections in order, every footnote defined on each page that
/// references it, and links that resolve; and that each page is well formed. Gives the
/// files, and the pages past the limit (which one unit alone can take there).
#[track_caller]
fn assert_pages_hold_the_document(
    dataset: &Dataset,
    limit: usize,
) -> (BTreeMap<String, String>, Vec<String>) {
    let mut one = Vec::new();
    cadres_export::markdown::write(&cadres_export::Sorted::new(dataset), &mut one)
        .expect("renders");
    let one = String::from_utf8(one).expect("utf-8");
    let files = pages(dataset, limit);
    if files.len() == 1 {
        assert_eq!(
            files.get("dataset.md"),
            Some(&one),
            "one page is the document"
        );
        assert!(one.len() <= limit, "one page of {} bytes", one.len());
        return (files, Vec::new());
    }
    // The index page links to every page, in order, and to nothing else.
    let index = &files["dataset.md"];
    let linked: Vec<String> = parse(index).links;
    let written: BTreeSet<&String> = files.keys().filter(|n| *n != "dataset.md").collect();
    assert_eq!(
        linked.iter().collect::<BTreeSet<_>>(),
        written,
        "the index links to every page"
    );
    let definitions: BTreeMap<&str, &str> = one
        .lines()
        .filter_map(|l| l.strip_prefix("[^")?.split_once("]: ").map(|(n, _)| (n, l)))
        .collect();
    let mut defined = BTreeSet::new();
    let mut paged = Vec::new();
    let mut over = Vec::new();
    for name in &linked {
        let page = &files[name];
        if page.len() > limit {
            over.push(name.clone());
        }
        let parsed = parse(page);
        assert_eq!(
            parsed.references, parsed.definitions,
            "{name}: footnotes differ"
        );
        assert!(parsed.html.is_empty() && parsed.math.is_empty(), "{name}");
        assert_mermaid_is_escaped(page);
        assert_nothing_reopened_empty(name, page);
        for line in page.lines().filter(|l| l.starts_with("[^")) {
            let (n, _) = line[2..].split_once("]: ").expect("a definition");
            assert_eq!(
                definitions.get(n),
                Some(&line),
                "{name}: note {n} as on one page"
            );
            defined.insert(n.to_owned());
        }
        for link in &parsed.links {
            if link.starts_with("http") {
                continue;
            }
            let (file, fragment) = link.split_once('#').unwrap_or((link, ""));
            let target = if file == "../dataset.md" {
                "dataset.md".to_owned()
            } else {
                format!("dataset/{file}")
            };
            let page = files
                .get(&target)
                .unwrap_or_else(|| panic!("{name} links to {link}, which is not written"));
            assert!(
                fragment.is_empty() || heading_anchors(page).contains(fragment),
                "{name} links to {link}, whose anchor is not there"
            );
        }
        // What a link says on one page, it says to another page here.
        paged.extend(
            page.replace("(disputes-1.md#disputes)", "(#disputes)")
                .replace("(aftermath-1.md#aftermath)", "(#aftermath)")
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(
        defined,
        definitions.keys().map(|n| (*n).to_owned()).collect(),
        "every footnote is defined on some page"
    );
    // Every line of the one page's sections, in order, is on the pages.
    let sections = &one[one.find("## Timeline").expect("a timeline")..];
    let mut rest = paged.iter();
    for line in body_lines(sections) {
        assert!(
            rest.any(|l| l == line),
            "{line:?} is missing from the pages, or out of order"
        );
    }
    (files, over)
}

/// The real dataset fits one page of a release; with pages of 4 kB it takes many, which
/// hold the one page's every line and footnote, and link to one another; a timeline
/// diagram and a table cut by a page break go on, opened again, on the next page.
#[test]
fn a_document_past_its_limit_is_split_into_pages() {
    let dir = crate::support::root().join("dataset");
    let (dataset, release) = release_of(&dir);
    let one = pages(&dataset, cadres_export::markdown::PAGE_BYTES);
    assert_eq!(one.keys().collect::<Vec<_>>(), ["dataset.md"]);
    assert_eq!(one["dataset.md"], text(&release, "dataset.md"));
    let (files, over) = assert_pages_hold_the_document(&dataset, 4_000);
    assert!(files.len() > 10, "{:?}", files.keys());
    assert!(over.is_empty(), "pages past 4 kB: {over:?}");
    // Every limit from 1.5 to 6 kB breaks the pages in other places.
    for limit in (1_500..6_000).step_by(100) {
        assert_pages_hold_the_document(&dataset, limit);
    }
    // At 2 kB the timeline takes two pages.
    let (small, _) = assert_pages_hold_the_document(&dataset, 2_000);
    for (page, continued, reopened) in [
        (&small, "dataset/timeline-2.md", "```mermaid\n"),
        (
            &files,
            "dataset/entities-2.md",
            "| entity | kind | other names | description |\n",
        ),
        (&files, "dataset/the-conference-2.md", "### "),
    ] {
        let page = page
            .get(continued)
            .unwrap_or_else(|| panic!("no {continued} in {:?}", page.keys()));
        assert!(page.contains("page 2 · [Previous page]"), "{page}");
        let body = page
            .split_once(" (continued)\n\n")
            .expect("a continued heading")
            .1;
        assert!(body.starts_with(reopened), "{continued} begins {body:.80}");
    }
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("real-dataset-paged-index.md", files["dataset.md"]);
    });
}

#[test]
fn markdown_shows_dates_at_their_precision() {
    let (_, release) = valid();
    let markdown = text(&release, "dataset.md");
    for expected in ["11 January 1962 : ", "7 February 1962 : ", "August 1962 : "] {
        assert!(
            markdown.contains(expected),
            "the timeline shows {expected:?}"
        );
    }
    assert!(!markdown.contains("1962-02"), "no raw EDTF in the document");
    // The disputed closing date is one event, at the preferred value, naming the other.
    let timeline = &markdown[markdown.find("```mermaid").expect("a timeline")..];
    let timeline = &timeline[..timeline[3..].find("```").expect("its end")];
    let closing: Vec<&str> = timeline
        .lines()
        .filter(|l| l.contains("February 1962 : "))
        .collect();
    assert_eq!(closing.len(), 1, "one closing event: {closing:?}");
    assert!(
        closing[0].starts_with("        7 February 1962 : ")
            && closing[0].ends_with("(preferred date, also given as February 1962)"),
        "{closing:?}"
    );
}

#[test]
fn markdown_marks_cited_works_as_not_consulted() {
    let (_, release) = valid();
    let markdown = text(&release, "dataset.md");
    let cited = markdown
        .lines()
        .find(|l| l.contains("(id `example-book`)"))
        .expect("the cited book is in the bibliography");
    assert!(
        cited.contains("Cited by") && cited.contains("not consulted"),
        "{cited}"
    );
    let read_section = &markdown[markdown.find("### Works read").expect("a works-read group")
        ..markdown
            .find("### Works cited by them")
            .expect("a works-cited group")];
    assert!(
        !read_section.contains("example-book"),
        "the book was not read"
    );
}

#[test]
fn query_api_reads_the_release() {
    let (_, release) = valid();
    let dataset = Dataset::from_json_str(&text(&release, "dataset.json")).expect("reads back");
    let index = dataset.index();
    let conference = index.entity("example-conference").expect("entity by id");
    assert_eq!(conference.label(), "Example Conference");
    assert_eq!(
        index.property("end-date").map(|p| p.label.as_str()),
        Some("end date")
    );
    assert!(index.entity("nobody").is_none());

    let about: Vec<&str> = index
        .claims_about("example-conference")
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(about.len(), 7);
    assert!(
        about.windows(2).all(|w| w[0] < w[1]),
        "claims about an entity in id order"
    );
    assert!(index.claims_about("beijing").is_empty());

    let start = index
        .claim("example-conference-start")
        .expect("claim by id");
    let read: Vec<&str> = index
        .sources_of(start)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let cited: Vec<&str> = index
        .works_cited_by(start)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(read, ["example-article"]);
    assert_eq!(cited, ["example-book"]);
    let evidence = index.evidence(start);
    assert_eq!(evidence.len(), 1);
    assert_eq!(
        evidence[0].source.map(|s| s.id.as_str()),
        Some("example-article")
    );
    assert_eq!(evidence[0].citation.locator.as_deref(), Some("lead"));
    let evidence_cites: Vec<&str> = evidence[0].cites.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(evidence_cites, ["example-book"]);
    assert_eq!(index.claims_reading("example-article").len(), 8);
    assert_eq!(index.claims_citing("example-book").len(), 3);
    // Each source's lists are those a scan of every claim gives: in claim-id order, each
    // claim once, and empty for an id nothing reads or cites.
    for source in index.sources() {
        let id = source.id.as_str();
        let scan = |pick: &dyn Fn(&cadres_model::Citation) -> bool| -> Vec<&str> {
            index
                .claims()
                .filter(|c| c.citations.iter().any(pick))
                .map(|c| c.id.as_str())
                .collect()
        };
        assert_eq!(
            ids(index.claims_reading(id)),
            scan(&|cit| cit.source.as_str() == id)
        );
        assert_eq!(
            ids(index.claims_citing(id)),
            scan(&|cit| cit.cites.iter().any(|w| w.as_str() == id))
        );
    }
    assert!(index.claims_reading("no-such-source").is_empty());
    // A claim citing one work twice is listed once.
    let mut twice = dataset.clone();
    let cit = twice.claims[0].citations[0].clone();
    twice.claims[0].citations.push(cit.clone());
    let twice_index = twice.index();
    let reading = ids(twice_index.claims_reading(cit.source.as_str()));
    let first = twice.claims[0].id.as_str();
    assert_eq!(reading.iter().filter(|c| **c == first).count(), 1);

    let timeline: Vec<(String, &str)> = index
        .timeline()
        .iter()
        .map(|d| (d.date.to_string(), d.claim.id.as_str()))
        .collect();
    assert_eq!(
        timeline,
        [
            ("1962-01~".to_owned(), "example-conference-causes"),
            ("1962-01-11".to_owned(), "example-conference-start"),
            ("1962-02".to_owned(), "example-conference-end-body"),
            ("1962-02-07".to_owned(), "example-conference-end-lead"),
            ("1962-08".to_owned(), "zhang-san-said-every-day"),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Writing the release

fn leftovers(parent: &Path, out: &Path) -> Vec<PathBuf> {
    fs::read_dir(parent)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p != out)
        .collect()
}

#[test]
fn install_refuses_to_replace_a_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("dist");
    fs::write(&out, "a file, not a release").expect("write");
    let (_, release) = valid();
    assert!(cadres_export::install(&out, &release).is_err());
    assert_eq!(
        fs::read(&out).expect("still there"),
        b"a file, not a release"
    );
    assert!(
        leftovers(tmp.path(), &out).is_empty(),
        "no temporary folder is left"
    );
}

// ---------------------------------------------------------------------------------------
// Generated datasets

/// Text that tries to break Markdown, HTML and Mermaid, mixed with ordinary words.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "word",
        "Mao",
        "七千人大会",
        " ",
        "|",
        "[^1]",
        "[link](x)",
        "*",
        "_",
        "`",
        "```",
        "<b>",
        "</div>",
        "<!--",
        "&amp;",
        "&",
        "# ",
        "\n",
        "\n- ",
        "\n1. ",
        "%%",
        "-->",
        ":",
        ";",
        "$x$",
        "@user",
        "~~",
        "\\",
        "\"",
        "{",
        "}",
        "#58;",
        "section",
        "title",
        "\r\n",
        "> ",
    ]);
    prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
}

fn id(prefix: &str, i: usize) -> Id {
    format!("{prefix}{i}").parse().expect("a valid id")
}

fn edtf() -> impl Strategy<Value = Edtf> {
    let date = (
        1950u16..1975,
        prop::option::of(1u8..=12),
        1u8..=28,
        any::<bool>(),
        0usize..4,
    )
        .prop_map(|(y, m, d, with_day, q)| {
            let mut s = format!("{y:04}");
            if let Some(m) = m {
                let _ = write!(s, "-{m:02}");
                if with_day {
                    let _ = write!(s, "-{d:02}");
                }
            }
            s.push_str(["", "~", "?", "%"][q]);
            s
        });
    (date.clone(), prop::option::of(date), 0usize..4).prop_map(|(a, b, shape)| {
        let text = match (b, shape) {
            (Some(b), 0) => {
                let (x, y): (Edtf, Edtf) = (a.parse().expect("date"), b.parse().expect("date"));
                if x <= y {
                    format!("{a}/{b}")
                } else {
                    format!("{b}/{a}")
                }
            }
            (Some(_), 1) => format!("{a}/.."),
            (Some(_), 2) => format!("/{a}"),
            _ => a,
        };
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    })
}

/// A raw citation: a source index, a locator, a quote and indices of cited works.
type RawCitation = (usize, Option<String>, Option<String>, Vec<usize>);

/// A raw claim: indices into the generated entities and sources, taken modulo their counts.
#[derive(Debug, Clone)]
struct RawClaim {
    subject: usize,
    value: (usize, usize, Edtf, u64, Vec<u32>, String),
    point_in_time: Option<Edtf>,
    statement: String,
    rank: usize,
    reason: String,
    citations: Vec<RawCitation>,
    dispute: Option<usize>,
}

fn raw_claim() -> impl Strategy<Value = RawClaim> {
    (
        any::<usize>(),
        (
            0usize..5,
            any::<usize>(),
            edtf(),
            0u64..20_000_000,
            prop::collection::vec(0u32..=200, 1..4),
            nasty_text(),
        ),
        prop::option::of(edtf()),
        nasty_text(),
        (0usize..3, nasty_text()),
        prop::collection::vec(
            (
                any::<usize>(),
                prop::option::of(nasty_text()),
                prop::option::of(nasty_text()),
                prop::collection::vec(any::<usize>(), 0..3),
            ),
            1..4,
        ),
        prop::option::of(any::<usize>()),
    )
        .prop_map(
            |(subject, value, point_in_time, statement, (rank, reason), citations, dispute)| {
                RawClaim {
                    subject,
                    value,
                    point_in_time,
                    statement,
                    rank,
                    reason,
                    citations,
                    dispute,
                }
            },
        )
}

fn properties() -> Vec<Property> {
    let p = |id: &str, value_type| Property {
        id: id.parse().expect("id"),
        label: id.replace('-', " "),
        description: format!("The {id}."),
        value_type,
        cardinality: Cardinality::Multiple,
        subject_kinds: Vec::new(),
        value_kinds: Vec::new(),
    };
    vec![
        p("linked-to", ValueType::Entity),
        p("date", ValueType::Date),
        p("count", ValueType::Quantity),
        p("causes", ValueType::Share),
        p("said", ValueType::Text),
        p("point-in-time", ValueType::Date),
    ]
}

/// A dataset whose every reference resolves: claims about generated entities, citing
/// generated sources, where source 0 is the article read and lists the others as references.
fn dataset() -> impl Strategy<Value = Dataset> {
    let entity = (
        0usize..EntityKind::ALL.len(),
        nasty_text(),
        prop::option::of(nasty_text()),
        nasty_text(),
    );
    let source = (
        0usize..3,
        nasty_text(),
        prop::option::of(nasty_text()),
        prop::option::of(nasty_text()),
    );
    (
        (nasty_text(), nasty_text()),
        prop::collection::vec(entity, 1..6),
        prop::collection::vec(source, 1..5),
        prop::collection::vec(raw_claim(), 0..12),
    )
        .prop_map(|((title, description), entities, sources, claims)| {
            let entities: Vec<Entity> = entities
                .into_iter()
                .enumerate()
                .map(|(i, (kind, en, zh, description))| {
                    let mut labels = BTreeMap::new();
                    labels.insert("en".parse::<LangTag>().expect("tag"), en);
                    if let Some(zh) = zh {
                        labels.insert("zh-Hans".parse().expect("tag"), zh);
                    }
                    Entity {
                        id: id("e", i),
                        kind: EntityKind::ALL[kind],
                        labels: labels.into(),
                        aliases: SortedMap::new(),
                        description,
                    }
                })
                .collect();
            let n_sources = sources.len();
            let sources: Vec<Source> = sources
                .into_iter()
                .enumerate()
                .map(|(i, (kind, title, container, author))| Source {
                    author: author
                        .map(|a| {
                            vec![Name {
                                family: Some(a),
                                given: None,
                                literal: None,
                                as_cited: None,
                            }]
                        })
                        .unwrap_or_default(),
                    container_title: container,
                    references: if i == 0 {
                        (1..n_sources).map(|j| id("s", j)).collect()
                    } else {
                        Vec::new()
                    },
                    ..Source::new(
                        id("s", i),
                        [
                            SourceType::EntryEncyclopedia,
                            SourceType::Book,
                            SourceType::ArticleJournal,
                        ][kind],
                        title,
                    )
                })
                .collect();
            let n_claims = claims.len();
            let claims: Vec<Claim> = claims
                .into_iter()
                .enumerate()
                .map(|(i, raw)| {
                    let (variant, target, date, amount, percents, text) = raw.value;
                    let (property, value) = match variant {
                        0 => ("linked-to", Value::Entity(id("e", target % entities.len()))),
                        1 => ("date", Value::Date(date)),
                        2 => (
                            "count",
                            Value::Quantity(Quantity {
                                amount,
                                approximation: Approximation::Over,
                                unit: "person".to_owned(),
                            }),
                        ),
                        3 => (
                            "causes",
                            Value::Share(
                                percents
                                    .into_iter()
                                    .map(|p| SharePart {
                                        percent: f64::from(p) / 2.0,
                                        of: text.clone(),
                                    })
                                    .collect(),
                            ),
                        ),
                        _ => (
                            "said",
                            Value::Text(LangText {
                                lang: "zh-Hans".parse().expect("tag"),
                                text,
                            }),
                        ),
                    };
                    let mut qualifiers = BTreeMap::new();
                    if let Some(when) = raw.point_in_time {
                        qualifiers.insert(
                            "point-in-time".parse::<Id>().expect("id"),
                            Value::Date(when),
                        );
                    }
                    let rank = [Rank::Normal, Rank::Preferred, Rank::Deprecated][raw.rank];
                    let citations = raw
                        .citations
                        .into_iter()
                        .map(|(source, locator, quote, cites)| {
                            let source = source % n_sources;
                            let cites = if source == 0 && n_sources > 1 {
                                let mut c: Vec<Id> = cites
                                    .into_iter()
                                    .map(|w| id("s", 1 + w % (n_sources - 1)))
                                    .collect();
                                c.dedup();
                                c
                            } else {
                                Vec::new()
                            };
                            Citation {
                                source: id("s", source),
                                locator,
                                quote,
                                cites,
                                as_named: SortedMap::new(),
                            }
                        })
                        .collect();
                    let disputes = raw
                        .dispute
                        .map(|d| d % n_claims)
                        .filter(|&d| d != i)
                        .map(|d| Dispute {
                            with: id("c", d),
                            relation: DateRelation::Refinement,
                        })
                        .into_iter()
                        .collect();
                    Claim {
                        id: id("c", i),
                        subject: id("e", raw.subject % entities.len()),
                        property: property.parse().expect("id"),
                        value,
                        qualifiers: qualifiers.into(),
                        rank,
                        rank_reason: (rank != Rank::Normal).then_some(raw.reason),
                        disputes,
                        statement: raw.statement,
                        citations,
                    }
                })
                .collect();
            Dataset::new(
                Metadata {
                    title,
                    description,
                    version: "1.0.0".to_owned(),
                    as_of: "2026-11-01".parse().expect("date"),
                    license: "CC-BY-SA-4.0".to_owned(),
                },
                properties(),
                sources,
                entities,
                claims,
            )
        })
}

/// `items` reordered by a seeded hash of their position: a shuffle that proptest can shrink.
fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut keyed: Vec<(u64, T)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (seed, i).hash(&mut h);
            (h.finish(), item.clone())
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, item)| item).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn render_is_pure_over_record_order(dataset in dataset(), seed in any::<u64>()) {
        let mut reordered = dataset.clone();
        reordered.properties = shuffled(&dataset.properties, seed);
        reordered.sources = shuffled(&dataset.sources, seed ^ 1);
        reordered.entities = shuffled(&dataset.entities, seed ^ 2);
        reordered.claims = shuffled(&dataset.claims, seed ^ 3);
        let a = cadres_export::render(&dataset).expect("renders");
        let b = cadres_export::render(&reordered).expect("renders");
        let c = cadres_export::render(&dataset).expect("renders");
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(&a, &c);
    }

    #[test]
    fn json_round_trips(dataset in dataset()) {
        let release = cadres_export::render(&dataset).expect("renders");
        assert_json_valid_and_round_trips(&dataset, &release);
    }

    #[test]
    fn markdown_footnotes_resolve_and_text_is_inert(dataset in dataset()) {
        let release = cadres_export::render(&dataset).expect("renders");
        assert_well_formed(&text(&release, "dataset.md"));
    }

    /// Pages hold the document whatever it holds; a unit larger than the page is the
    /// only thing that takes a page past its limit, so the limit here leaves room for the
    /// generated texts.
    #[test]
    fn pages_hold_the_document(dataset in dataset()) {
        assert_pages_hold_the_document(&dataset, 2_000);
    }
}

/// The ids of `claims`, in order.
fn ids(claims: Vec<&cadres_model::Claim>) -> Vec<&str> {
    claims.into_iter().map(|c| c.id.as_str()).collect()
}
