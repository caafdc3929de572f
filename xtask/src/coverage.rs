//! `cargo xtask coverage --archive DIR [--dataset DIR] [--check]`: how far the dataset
//! reaches into the texts it was compiled from.
//!
//! For each archived source (`DIR/<source-id>.txt`), the text is split into paragraphs
//! (blocks separated by blank lines) and each prose paragraph into sentences. A sentence is
//! covered when the quote of a citation whose `source` is that text lies wholly or partly in
//! it (a quote must lie within one paragraph). The report names, for every paragraph, the
//! claims that quote it and the sentences that no claim reaches, and checks each citation on
//! the way: its quote stands in the section its locator names, once, and its `cites` are
//! exactly the footnotes the text attaches to the quoted sentence. It is written to `docs/coverage.md`; `--check` only compares.
//!
//! # What is not a fact
//!
//! The archived pages are plain-text renderings of web pages. Their first paragraph is the
//! page title; a one-line paragraph ending in `Edit` is a section heading (the edit link's
//! text); from a back-matter heading (`See also`, `References`, `Notes`, ...) to the next
//! other heading everything is back matter (lists of links, the numbered reference list,
//! which the dataset records as the source's `references`); a paragraph that does not end a
//! sentence (no `.`, `!` or `?` before its footnotes) is a caption. None of these is required
//! to be covered. They are still listed with the claims that quote them: a caption may name
//! facts, and the dataset may record them.
//!
//! # Output
//!
//! The page names sentences by their opening words only, so that it does not reproduce the
//! source. It depends only on the dataset and the archived texts: no clock, no absolute path,
//! sources in id order.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use cadres_model::{Claim, Dataset, Source};
use cadres_validate::fold;

use cadres_export::escape;

/// The report's path under the project root.
pub(crate) const REPORT: &str = "docs/coverage.md";

/// Headings after which the page holds navigation and bibliography, not statements.
const BACK_MATTER: [&str; 9] = [
    "See also",
    "Notes",
    "References",
    "Citations",
    "Sources",
    "Bibliography",
    "Further reading",
    "External links",
    "Notes and references",
];

/// How many words of a sentence the report shows.
const OPENING_WORDS: usize = 6;
/// At most this many characters of a sentence are shown (for scripts without spaces).
const OPENING_CHARS: usize = 48;

/// What a paragraph of an archived text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// The page title, the first paragraph.
    Title,
    /// A section heading (`...Edit`).
    Heading,
    /// Prose: every sentence states something and should be covered.
    Prose,
    /// A line that ends no sentence, such as an image caption.
    Caption,
    /// Navigation and bibliography after a back-matter heading.
    BackMatter,
}

impl BlockKind {
    fn word(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Prose => "prose",
            BlockKind::Caption => "caption",
            BlockKind::BackMatter => "back matter",
        }
    }
}

/// A sentence of a prose paragraph, or the whole of any other paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Byte range in the paragraph's folded text.
    pub(crate) span: (usize, usize),
    /// Its opening words, as the report shows them.
    pub(crate) opening: String,
    /// The footnote numbers attached to it, in order.
    pub(crate) footnotes: Vec<usize>,
    /// The claims whose quotes reach it, by id.
    pub(crate) claims: BTreeSet<String>,
}

/// A paragraph of an archived text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// Its 1-based number among the text's paragraphs.
    pub(crate) number: usize,
    /// What it is.
    pub(crate) kind: BlockKind,
    /// The section it stands in: `lead` before the first heading, else the heading's text.
    pub(crate) section: String,
    /// The text, NFC, with each run of white space folded to one space.
    pub(crate) text: String,
    /// Its sentences (prose) or itself as one unit (anything else).
    pub(crate) units: Vec<Unit>,
}

/// Something wrong with a citation, found while placing its quote.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Problem {
    /// The claim whose citation it is.
    pub(crate) claim: String,
    /// What is wrong.
    pub(crate) message: String,
}

/// The coverage of one archived source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceCoverage {
    /// The source's id (the archived file's name without `.txt`).
    pub(crate) id: String,
    /// Whether the dataset has a source of that id.
    pub(crate) known: bool,
    /// Its paragraphs, in order.
    pub(crate) blocks: Vec<Block>,
    /// Citation problems, sorted.
    pub(crate) problems: Vec<Problem>,
}

impl SourceCoverage {
    /// The sentences that state facts: those of prose paragraphs.
    pub(crate) fn fact_sentences(&self) -> impl Iterator<Item = (&Block, &Unit)> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Prose)
            .flat_map(|b| b.units.iter().map(move |u| (b, u)))
    }

    /// The fact-stating sentences no claim reaches.
    pub(crate) fn uncovered(&self) -> impl Iterator<Item = (&Block, &Unit)> {
        self.fact_sentences().filter(|(_, u)| u.claims.is_empty())
    }
}

/// Splits an archived text into its paragraphs and classifies each.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }

    let mut out = Vec::new();
    let mut section = "lead".to_owned();
    let mut back_matter = false;
    for (i, raw) in paragraphs.iter().enumerate() {
        let text = fold(raw);
        let heading = if raw.lines().count() == 1 {
            text.strip_suffix("Edit").map(str::trim_end)
        } else {
            None
        };
        let kind = if i == 0 {
            BlockKind::Title
        } else if let Some(name) = heading.filter(|n| !n.is_empty()) {
            name.clone_into(&mut section);
            back_matter = BACK_MATTER.contains(&name);
            BlockKind::Heading
        } else if back_matter {
            BlockKind::BackMatter
        } else if ends_sentence(&text) {
            BlockKind::Prose
        } else {
            BlockKind::Caption
        };
        let units = if kind == BlockKind::Prose {
            sentences(&text)
        } else {
            vec![unit(&text, 0, text.len())]
        };
        out.push(Block {
            number: i + 1,
            kind,
            section: section.clone(),
            text,
            units,
        });
    }
    out
}

/// Whether the folded paragraph ends a sentence, footnote markers and closing marks aside.
fn ends_sentence(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_end_matches(is_closing);
        match strip_trailing_footnote(rest) {
            Some(r) => rest = r,
            None => break,
        }
    }
    rest.ends_with(['.', '!', '?'])
}

fn strip_trailing_footnote(text: &str) -> Option<&str> {
    let inner = text.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let digits = &inner[open + 1..];
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| &text[..open])
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | '”' | '’' | '」' | '』')
}

/// The length of a footnote marker `[n]` at the start of `text`, and its number.
fn footnote_at(text: &str) -> Option<(usize, usize)> {
    let rest = text.strip_prefix('[')?;
    let end = rest.find(']')?;
    let digits = &rest[..end];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((end + 2, digits.parse().ok()?))
}

/// Splits a folded prose paragraph into sentences. A sentence ends at `.`, `!` or `?`,
/// followed by any closing quotes or brackets and footnote markers, then a space and a
/// character that is not a lowercase letter (so `e.g. the` does not end one), or the end.
fn sentences(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(c) = text[end..].chars().next().filter(|&c| is_closing(c)) {
            end += c.len_utf8();
        }
        while let Some((len, _)) = footnote_at(&text[end..]) {
            end += len;
        }
        let after = &text[end..];
        let boundary = after.is_empty()
            || (after.starts_with(' ')
                && !after[1..].chars().next().is_some_and(char::is_lowercase));
        if boundary {
            out.push(unit(text, start, end));
            start = (end + 1).min(text.len());
            while chars.peek().is_some_and(|&(j, _)| j < start) {
                chars.next();
            }
        }
    }
    if start < text.len() {
        out.push(unit(text, start, text.len()));
    }
    out
}

fn unit(text: &str, start: usize, end: usize) -> Unit {
    let sentence = &text[start..end];
    let mut footnotes = Vec::new();
    let mut i = 0;
    while i < sentence.len() {
        if let Some((len, n)) = footnote_at(&sentence[i..]) {
            footnotes.push(n);
            i += len;
        } else {
            i += sentence[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    Unit {
        span: (start, end),
        opening: opening(sentence),
        footnotes,
        claims: BTreeSet::new(),
    }
}

/// The first few words of a sentence, shortened with `…`.
fn opening(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut shown = words[..words.len().min(OPENING_WORDS)].join(" ");
    let mut cut = shown.len() < sentence.len();
    if shown.chars().count() > OPENING_CHARS {
        shown = shown.chars().take(OPENING_CHARS).collect();
        cut = true;
    }
    if cut {
        shown.truncate(shown.trim_end().len());
        shown.push('…');
    }
    shown
}

/// Every start of `needle` in `haystack`, not overlapping.
fn occurrences(haystack: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    haystack.match_indices(needle).map(|(i, _)| i).collect()
}

/// Places every citation of `source` in its text and marks the sentences it reaches.
fn place(
    source_id: &str,
    source: Option<&Source>,
    blocks: &mut [Block],
    claims: &[Claim],
) -> Vec<Problem> {
    let sections: BTreeSet<String> = blocks.iter().map(|b| b.section.clone()).collect();
    let mut problems = Vec::new();
    for claim in claims {
        for citation in claim
            .citations
            .iter()
            .filter(|c| c.source.as_str() == source_id)
        {
            let Some(quote) = citation.quote.as_deref().map(fold) else {
                continue;
            };
            let mut problem = |message: String| {
                problems.push(Problem {
                    claim: claim.id.to_string(),
                    message,
                });
            };
            let section = citation
                .locator
                .as_deref()
                .filter(|l| sections.contains(*l));
            let find = |within: Option<&str>| -> Vec<(usize, usize)> {
                blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| within.is_none_or(|s| b.section == s))
                    .flat_map(|(bi, b)| {
                        occurrences(&b.text, &quote)
                            .into_iter()
                            .map(move |at| (bi, at))
                    })
                    .collect()
            };
            let mut found = find(section);
            if found.is_empty() {
                let elsewhere = find(None);
                match (section, elsewhere.first()) {
                    (Some(s), Some(&(bi, _))) => problem(format!(
                        "the quote stands in section \"{}\", not in \"{s}\"",
                        blocks[bi].section
                    )),
                    _ => problem(format!(
                        "the quote \"{}\" is not in any paragraph",
                        opening(&quote)
                    )),
                }
                found = elsewhere;
            }
            if found.len() > 1 {
                problem(format!(
                    "the quote \"{}\" stands in {} places; quote more words",
                    opening(&quote),
                    found.len()
                ));
            }
            for &(bi, at) in &found {
                let end = at + quote.len();
                let mut expected = Vec::new();
                for u in &mut blocks[bi].units {
                    if u.span.0 < end && at < u.span.1 {
                        u.claims.insert(claim.id.to_string());
                        for n in &u.footnotes {
                            if !expected.contains(n) {
                                expected.push(*n);
                            }
                        }
                    }
                }
                let Some(source) = source.filter(|s| !s.references.is_empty()) else {
                    continue;
                };
                let cited: Vec<String> = citation.cites.iter().map(ToString::to_string).collect();
                let expected: Vec<String> = expected
                    .iter()
                    .map(|n| {
                        n.checked_sub(1)
                            .and_then(|i| source.references.get(i))
                            .map_or_else(|| format!("[{n}]"), ToString::to_string)
                    })
                    .collect();
                if cited != expected {
                    problem(format!(
                        "`cites` is [{}] but the quoted sentence carries the footnotes [{}]",
                        cited.join(", "),
                        expected.join(", ")
                    ));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// Computes the coverage of every `<id>.txt` text in `archive`, in id order.
pub(crate) fn analyze(dataset: &Dataset, archive: &Path) -> anyhow::Result<Vec<SourceCoverage>> {
    let entries = fs::read_dir(archive)
        .with_context(|| format!("reading the archive folder {}", archive.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        let text = fs::read_to_string(&path)
            .with_context(|| format!("reading the archived text {id}.txt"))?;
        let source = dataset.sources.iter().find(|s| s.id.as_str() == id);
        let mut blocks = blocks(&text);
        let problems = place(&id, source, &mut blocks, &dataset.claims);
        out.push(SourceCoverage {
            known: source.is_some(),
            id,
            blocks,
            problems,
        });
    }
    Ok(out)
}

fn claim_list(claims: &BTreeSet<String>) -> String {
    claims
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn footnote_marks(footnotes: &[usize]) -> String {
    footnotes
        .iter()
        .map(|n| format!("\\[{n}\\]"))
        .fold(String::new(), |acc, m| {
            if acc.is_empty() {
                format!(" {m}")
            } else {
                acc + &m
            }
        })
}

/// The report page.
pub(crate) fn render(coverage: &[SourceCoverage]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Coverage of the archived sources\n");
    let _ = writeln!(
        s,
        "Generated by `cargo xtask coverage --archive DIR` from `dataset/` and the archived texts \
         `DIR/<source-id>.txt`; do not edit by hand (`--check` fails when this page is stale).\n"
    );
    let _ = writeln!(
        s,
        "Each archived text is split into paragraphs (blocks separated by blank lines), and each \
         prose paragraph into sentences. A sentence is covered when the quote of a citation of \
         that source lies wholly or partly in it. The title, section headings (the `Edit` suffix \
         of the archived page), captions (paragraphs that end no sentence) and the back matter \
         from a heading such as `See also` on are not required to be covered; they are listed \
         with any claims that quote them. Sentences are named by their opening words only, so \
         that this page does not reproduce its sources. Footnote numbers are the source's own.\n"
    );
    let _ = writeln!(
        s,
        "| source | paragraphs | fact sentences | covered | uncovered | citation problems |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|");
    for c in coverage {
        let facts = c.fact_sentences().count();
        let uncovered = c.uncovered().count();
        let _ = writeln!(
            s,
            "| `{}` | {} | {facts} | {} | {uncovered} | {} |",
            c.id,
            c.blocks.len(),
            facts - uncovered,
            c.problems.len()
        );
    }
    for c in coverage {
        let _ = writeln!(s, "\n## `{}`", c.id);
        if !c.known {
            let _ = writeln!(
                s,
                "\nThe dataset has no source `{}`: nothing can quote this text.",
                c.id
            );
        }
        let mut section = None;
        for b in &c.blocks {
            if section != Some(&b.section) && b.kind != BlockKind::Title {
                let _ = writeln!(s, "\n### {}", escape::markdown(&b.section));
                section = Some(&b.section);
            }
            if b.kind == BlockKind::Prose {
                let _ = writeln!(s, "\n¶{}:\n", b.number);
                for (i, u) in b.units.iter().enumerate() {
                    let claims = if u.claims.is_empty() {
                        "**not covered**".to_owned()
                    } else {
                        claim_list(&u.claims)
                    };
                    let _ = writeln!(
                        s,
                        "{}. \"{}\"{}: {claims}",
                        i + 1,
                        escape::markdown(&u.opening),
                        footnote_marks(&u.footnotes)
                    );
                }
            } else {
                let Some(u) = b.units.first() else { continue };
                let claims = if u.claims.is_empty() {
                    "not a statement".to_owned()
                } else {
                    format!("quoted by {}", claim_list(&u.claims))
                };
                let shown = if b.kind == BlockKind::Heading {
                    &b.section
                } else {
                    &u.opening
                };
                let _ = writeln!(
                    s,
                    "\n¶{} {} \"{}\": {claims}",
                    b.number,
                    b.kind.word(),
                    escape::markdown(shown)
                );
            }
        }
        let _ = writeln!(s, "\n### Uncovered sentences\n");
        let mut none = true;
        for (b, u) in c.uncovered() {
            none = false;
            let _ = writeln!(
                s,
                "- ¶{} \"{}\" ({})",
                b.number,
                escape::markdown(&u.opening),
                escape::markdown(&b.section)
            );
        }
        if none {
            let _ = writeln!(
                s,
                "None: every sentence that states a fact is quoted by a claim."
            );
        }
        let _ = writeln!(s, "\n### Citation problems\n");
        if c.problems.is_empty() {
            let _ = writeln!(
                s,
                "None: every quote stands once in the section its locator names, and cites the \
                 footnotes of its sentence."
            );
        }
        for p in &c.problems {
            let _ = writeln!(s, "- `{}`: {}", p.claim, escape::markdown(&p.message));
        }
    }
    s
}

/// Loads the dataset, computes its coverage of `archive` and renders the report.
pub(crate) fn report(
    dataset: &Path,
    archive: &Path,
) -> anyhow::Result<(Vec<SourceCoverage>, String)> {
    let checked = cadres_validate::check(&cadres_validate::Options {
        dataset: dataset.to_owned(),
        archive: None,
    })?;
    let Some(data) = checked.dataset else {
        bail!("the dataset could not be loaded; run `cargo xtask check` to see why");
    };
    let coverage = analyze(&data, archive)?;
    let text = render(&coverage);
    Ok((coverage, text))
}

/// Writes the report to `out` (or with `check` only compares), then fails when a fact-stating
/// sentence is uncovered or a citation has a problem.
pub(crate) fn run(
    dataset: &Path,
    archive: &Path,
    out: &Path,
    check: bool,
) -> anyhow::Result<ExitCode> {
    let (coverage, text) = report(dataset, archive)?;
    let shown = out
        .strip_prefix(crate::project_root())
        .unwrap_or(out)
        .display()
        .to_string();
    if check {
        if fs::read_to_string(out).ok().as_deref() != Some(text.as_str()) {
            eprintln!(
                "error: {shown} is stale; run `cargo xtask coverage --archive {}` and commit the result",
                archive.display()
            );
            return Ok(ExitCode::FAILURE);
        }
        println!("{shown} is up to date");
    } else {
        if let Some(dir) = out.parent() {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        if fs::read_to_string(out).ok().as_deref() != Some(text.as_str()) {
            fs::write(out, &text).with_context(|| format!("writing {shown}"))?;
            println!("wrote {shown}");
        }
    }
    let mut failed = false;
    for c in &coverage {
        for (b, u) in c.uncovered() {
            failed = true;
            eprintln!("uncovered: {} ¶{} \"{}\"", c.id, b.number, u.opening);
        }
        for p in &c.problems {
            failed = true;
            eprintln!(
                "citation problem: {} claim {}: {}",
                c.id, p.claim, p.message
            );
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests;
