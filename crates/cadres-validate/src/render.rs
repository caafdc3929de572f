//! Rendering a report: for people (like rustc, with `annotate-snippets`), as JSON lines,
//! and as GitHub Actions annotations.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

use crate::{Report, Severity};

/// How to print a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Like rustc: code, message, `file:line:col`, the line with the span underlined, help.
    #[default]
    Human,
    /// One JSON object per line, one line per diagnostic (see `docs/rules.md`).
    Json,
    /// `::error file=...,line=...,col=...::message` lines for GitHub Actions.
    Github,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "human" => Ok(Format::Human),
            "json" => Ok(Format::Json),
            "github" => Ok(Format::Github),
            other => Err(format!(
                "unknown format {other:?}: expected human, json or github"
            )),
        }
    }
}

/// Options of a rendering.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// The format.
    pub format: Format,
    /// Put ANSI colours in human output.
    pub color: bool,
    /// Written before each diagnostic's file path in the human and GitHub forms, so that
    /// paths open from where they are read: `dataset/` makes `sources/x.toml` print as
    /// `dataset/sources/x.toml`. Empty or ending in `/`. The JSON form ignores it: its
    /// paths are always relative to the dataset folder.
    pub prefix: String,
}

/// Renders every diagnostic of `report`, then (human form only) the summary line.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    match options.format {
        Format::Human => human(report, options),
        Format::Json => json(report),
        Format::Github => github(report, &options.prefix),
    }
}

/// The summary line: `3 errors, 1 warning in 2 files`, or `no problems in 7 files`.
pub fn summary(report: &Report) -> String {
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    if report.diagnostics.is_empty() {
        return format!("no problems in {}", plural(report.files, "file"));
    }
    let files: BTreeSet<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    format!("{} in {}", parts.join(", "), plural(files.len(), "file"))
}

/// `1 file`, `2 files`: a count and its noun, as every message and summary writes them.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn human(report: &Report, options: &RenderOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in &report.diagnostics {
        let path = format!("{}{}", options.prefix, d.file);
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(d.message.as_str()).id(d.code);
        let text = report.texts.get(&d.file);
        let mut group = match (&d.span, text) {
            (Some(span), Some(text)) => {
                let mut ann = AnnotationKind::Primary.span(span.range());
                if let Some(l) = &d.label {
                    ann = ann.label(l.as_str());
                }
                title.element(
                    Snippet::source(text.as_str())
                        .path(path.clone())
                        .annotation(ann),
                )
            }
            _ => title.element(Origin::path(path.clone())),
        };
        for r in &d.related {
            let path = format!("{}{}", options.prefix, r.file);
            group = match (&r.span, report.texts.get(&r.file)) {
                (Some(span), Some(text)) => group.element(
                    Snippet::source(text.as_str()).path(path).annotation(
                        AnnotationKind::Context
                            .span(span.range())
                            .label(r.label.as_str()),
                    ),
                ),
                (Some(span), None) => group.element(
                    Level::NOTE
                        .message(format!("{}: {path}:{}:{}", r.label, span.line, span.column)),
                ),
                (None, _) => group.element(Level::NOTE.message(format!("{}: {path}", r.label))),
            };
        }
        group = group.element(Level::NOTE.message(format!("rule `{}`", d.name)));
        if let Some(n) = &d.note {
            group = group.element(Level::NOTE.message(n.as_str()));
        }
        if let Some(h) = &d.help {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// One JSON object a line, each diagnostic as serde writes it: paths relative to the
/// dataset folder.
fn json(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        if let Ok(line) = serde_json::to_string(d) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn github(report: &Report, prefix: &str) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let _ = write!(
            out,
            "::{} file={}",
            d.severity,
            property(&format!("{prefix}{}", d.file))
        );
        if let Some(s) = &d.span {
            let _ = write!(
                out,
                ",line={},col={},endLine={},endColumn={}",
                s.line, s.column, s.end_line, s.end_column
            );
        }
        let _ = write!(
            out,
            ",title={}",
            property(&format!("{} {}", d.code, d.name))
        );
        let mut message = d.message.clone();
        for r in &d.related {
            let _ = write!(message, "\n{}: {prefix}{}", r.label, r.file);
            if let Some(s) = &r.span {
                let _ = write!(message, ":{}:{}", s.line, s.column);
            }
        }
        if let Some(n) = &d.note {
            let _ = write!(message, "\nnote: {n}");
        }
        if let Some(h) = &d.help {
            let _ = write!(message, "\nhelp: {h}");
        }
        let _ = writeln!(out, "::{}", data(&message));
    }
    out
}

/// Escapes a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
