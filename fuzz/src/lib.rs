//! The properties the fuzz targets check, one function per target, shared by the
//! `cargo fuzz` targets in `fuzz_targets/` and by `tests/it/fuzz_regressions.rs`, which
//! replays every input kept in `fuzz/regressions/<target>/` under `cargo test`.
//!
//! Each function takes the fuzzer's bytes and panics when a property fails:
//!
//! - `loader`: any bytes, as any kind of file, give diagnostics whose spans lie inside the
//!   text, never a panic.
//! - `edtf`, `isbn`, `lang`, `id`: any text parses or is refused, never a panic; what
//!   parses prints as text that parses back to the same value.
//! - `markdown`: the valid fixture dataset with its free text replaced by arbitrary valid
//!   text renders to Markdown whose footnote references all resolve, and in which every
//!   replaced text, parsed back by `pulldown-cmark`, reads exactly as written.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::OnceLock;

use cadres_model::schema::RecordKind;
use cadres_model::{Dataset, Edtf, EdtfDate, Id, Isbn, LangTag};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use unicode_normalization::is_nfc;

/// A target's property: panics when the input breaks it.
pub type Property = fn(&[u8]);

/// Every target: its name (the file name in `fuzz_targets/` and the folder in
/// `regressions/`) and its property.
pub const TARGETS: [(&str, Property); 6] = [
    ("loader", loader),
    ("edtf", edtf),
    ("isbn", isbn),
    ("lang", lang),
    ("id", id),
    ("markdown", markdown),
];

/// The loader: the first byte picks the file's kind and place, the rest is the file.
pub fn loader(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let (kind, rel) = match pick % 4 {
        0 => (RecordKind::Metadata, "metadata.toml"),
        1 => (RecordKind::Properties, "properties.toml"),
        2 => (RecordKind::Source, "sources/a-source.toml"),
        _ => (RecordKind::Entity, "entities/person/a-person.toml"),
    };
    let diagnostics = cadres_validate::check_file(kind, rel, bytes);
    for d in &diagnostics {
        assert_eq!(d.file, rel, "a diagnostic names another file");
        if let Some(span) = &d.span {
            assert!(
                span.start <= span.end && span.end <= bytes.len(),
                "span {}..{} outside a text of {} bytes: {d:?}",
                span.start,
                span.end,
                bytes.len()
            );
        }
    }
}

/// Parses `data` as `T`, and checks that what parses prints as text parsing back to it.
fn round_trip<T>(data: &[u8])
where
    T: FromStr + std::fmt::Display + PartialEq + std::fmt::Debug,
{
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(value) = text.parse::<T>() {
        let printed = value.to_string();
        let again = printed.parse::<T>().ok();
        assert_eq!(again, Some(value), "{text:?} prints as {printed:?}");
    }
}

/// EDTF dates and intervals.
pub fn edtf(data: &[u8]) {
    round_trip::<Edtf>(data);
    round_trip::<EdtfDate>(data);
}

/// ISBNs.
pub fn isbn(data: &[u8]) {
    round_trip::<Isbn>(data);
}

/// BCP 47 language tags.
pub fn lang(data: &[u8]) {
    round_trip::<LangTag>(data);
}

/// Ids, and slugs made from any text.
pub fn id(data: &[u8]) {
    round_trip::<Id>(data);
    if let Ok(text) = std::str::from_utf8(data)
        && let Some(slug) = Id::slugify(text)
    {
        assert!(
            slug.as_str().parse::<Id>().is_ok(),
            "slugify({text:?}) gives {slug:?}, not an id"
        );
    }
}

/// The valid fixture dataset, read once.
fn fixture() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default();
        let report = cadres_validate::check(&cadres_validate::Options {
            dataset: root.join("tests/fixtures/valid"),
            archive: None,
        })
        .expect("the valid fixture can be read");
        assert!(!report.has_errors(), "the valid fixture has errors");
        report.dataset.expect("the valid fixture has metadata")
    })
}

/// Text the validator accepts in a free-text field: NFC, no control character but a
/// line break, no invisible character, trimmed, not empty, not a placeholder, at most
/// `max` characters; `None` when `raw` is not such text.
pub fn valid_text(raw: &str, max: usize) -> Option<String> {
    let ok = is_nfc(raw)
        && !raw.chars().any(|c| {
            (c.is_control() && c != '\n')
                || matches!(
                    c,
                    '\u{00AD}'
                        | '\u{200B}'..='\u{200F}'
                        | '\u{2028}'..='\u{202E}'
                        | '\u{2060}'..='\u{2064}'
                        | '\u{FEFF}'
                )
        })
        && !raw.trim().is_empty()
        && raw.trim() == raw
        && !raw.starts_with(cadres_validate::rules::PLACEHOLDER)
        && raw.chars().count() <= max;
    ok.then(|| raw.to_owned())
}

/// How a text reads once rendered: `dataset.md` puts every text on one line, so a line
/// break reads as a space, and runs of spaces as one.
pub fn one_line(text: &str) -> String {
    let spaced = text.replace('\n', " ");
    let mut out = String::with_capacity(spaced.len());
    for c in spaced.chars() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out.trim().to_owned()
}

/// The GitHub Flavored Markdown extensions `dataset.md` is read with.
pub fn gfm() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
}

/// What a reader sees of `markdown`: the text of each block (paragraph, list item, table
/// cell, heading, footnote), code blocks left out; and the labels of the footnote
/// references and of the footnote definitions.
pub fn read_back(markdown: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut blocks, mut refs, mut defs) = (Vec::new(), Vec::new(), Vec::new());
    let mut current = String::new();
    let mut in_code = false;
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        if !current.is_empty() {
            blocks.push(std::mem::take(current));
        }
    };
    for event in Parser::new_ext(markdown, gfm()) {
        match event {
            Event::Text(t) | Event::Code(t) if !in_code => current.push_str(&t),
            Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::Html(t)
            | Event::InlineHtml(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::FootnoteReference(label) => refs.push(label.to_string()),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                flush(&mut current, &mut blocks);
                defs.push(label.to_string());
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut current, &mut blocks);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::List(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::FootnoteDefinition,
            ) => flush(&mut current, &mut blocks),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    (blocks, refs, defs)
}

/// The labels of the footnote references written in `markdown` outside code: each
/// `[^label]` whose `[` is not escaped (an even number of backslashes before it) and which
/// does not start a line (a definition).
pub fn raw_refs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let bytes = line.as_bytes();
        for (i, _) in line.match_indices("[^") {
            let slashes = bytes[..i].iter().rev().take_while(|b| **b == b'\\').count();
            if i == 0 || slashes % 2 == 1 {
                continue;
            }
            if let Some(end) = line[i..].find(']') {
                out.push(line[i + 2..i + end].to_owned());
            }
        }
    }
    out
}

/// The renderer: free text replaced by arbitrary valid text, then rendered and read back.
///
/// The bytes are cut at each `0xFF` (a byte no UTF-8 text holds) into texts, read as
/// UTF-8 with invalid bytes replaced; each text in turn replaces one field (claim
/// statements, rank reasons, quotes, entity descriptions and English labels, source
/// titles), when it is valid there.
pub fn markdown(data: &[u8]) {
    let mut texts = data
        .split(|b| *b == 0xFF)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned());
    let mut dataset = fixture().clone();
    let mut needles = Vec::new();
    let text = |u: &mut dyn Iterator<Item = String>, max: usize, needles: &mut Vec<String>| {
        let raw = u.next()?;
        let t = valid_text(&raw, max)?;
        needles.push(one_line(&t));
        Some(t)
    };
    let u = &mut texts;
    for claim in &mut dataset.claims {
        if let Some(t) = text(u, 2000, &mut needles) {
            claim.statement = t;
        }
        if claim.rank_reason.is_some()
            && let Some(t) = text(u, 2000, &mut needles)
        {
            claim.rank_reason = Some(t);
        }
        for citation in &mut claim.citations {
            if let Some(t) = text(u, cadres_validate::MAX_QUOTE_CHARS, &mut needles) {
                citation.quote = Some(t);
            }
        }
    }
    for entity in &mut dataset.entities {
        if let Some(t) = text(u, 2000, &mut needles) {
            entity.description = t;
        }
        // An `en` label holds no Han character (rule `label-script-mismatch`).
        if let Some(label) = entity.labels.iter_mut().find(|(k, _)| k.as_str() == "en") {
            let raw = u.next().unwrap_or_default();
            if !raw.chars().any(cadres_model::is_han)
                && let Some(t) = valid_text(&raw, 2000)
            {
                needles.push(one_line(&t));
                *label.1 = t;
            }
        }
    }
    for source in &mut dataset.sources {
        if let Some(t) = text(u, 2000, &mut needles) {
            source.title = t;
        }
    }
    let release = cadres_export::render(&dataset).expect("a valid dataset renders");
    let md = String::from_utf8(
        release
            .file("dataset.md")
            .expect("the release has dataset.md")
            .to_vec(),
    )
    .expect("dataset.md is UTF-8");
    let (blocks, mut refs, mut defs) = read_back(&md);
    let mut raw = raw_refs(&md);
    for needle in &needles {
        assert!(
            blocks.iter().any(|b| b.contains(needle.as_str())),
            "{needle:?} does not read back from dataset.md:\n{md}"
        );
    }
    raw.sort();
    refs.sort();
    assert_eq!(
        raw, refs,
        "footnote references written and read differ:\n{md}"
    );
    refs.dedup();
    defs.sort();
    assert_eq!(
        refs, defs,
        "footnote references and definitions differ:\n{md}"
    );
}
