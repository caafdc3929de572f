//! Diagnostics: one problem, where it is, and what to do about it.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::rules::Rule;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks a release.
    Error,
    /// Worth fixing; does not block a release.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in a file a diagnostic points: a byte range, and the 1-based line and column
/// (in characters) of both ends.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The line of `start`, from 1.
    pub line: usize,
    /// The column of `start`, in characters, from 1.
    pub column: usize,
    /// The line of `end`, from 1.
    pub end_line: usize,
    /// The column of `end`, in characters, from 1.
    pub end_column: usize,
}

impl Span {
    /// The span of `range` in `text`. A range outside the text or off a character boundary
    /// is clamped to the nearest boundary before it.
    pub fn new(text: &str, range: Range<usize>) -> Span {
        let start = floor_boundary(text, range.start);
        let end = floor_boundary(text, range.end.max(start));
        let (line, column) = line_col(text, start);
        let (end_line, end_column) = line_col(text, end);
        Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// One problem found in the dataset.
///
/// # Serialized form
///
/// `--format json` prints each diagnostic as one line of this struct's serde form; see
/// `docs/rules.md` for the field list. Fields are only ever added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable code: `E0301`.
    pub code: &'static str,
    /// The rule's stable kebab-case name: `unknown-source`.
    pub name: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// The file, relative to the dataset folder, with `/` separators.
    pub file: String,
    /// Where in the file, when the problem has a place (a file that cannot be read has none).
    pub span: Option<Span>,
    /// What is wrong, in one lowercase sentence.
    pub message: String,
    /// A short note under the underlined text.
    pub label: Option<String>,
    /// What to do about it, when that is known.
    pub help: Option<String>,
    /// What else the reader should know: for a file that could not be loaded, the
    /// references that wait on it (`14 references in 9 files wait on this file`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How many references to ids this file would define could not be checked because it
    /// failed to load. They are not reported one by one; a diagnostic with waiting
    /// references comes first in a report, as the root cause.
    #[serde(skip_serializing_if = "is_zero")]
    pub waiting: usize,
    /// Other places the problem involves, such as where a duplicated id was first used.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

/// Another place a diagnostic involves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// The file, relative to the dataset folder, like [`Diagnostic::file`].
    pub file: String,
    /// Where in it.
    pub span: Option<Span>,
    /// What is there: `first used here`.
    pub label: String,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // reason: serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Diagnostic {
    /// A diagnostic of `rule` about `file` as a whole.
    pub fn new(rule: &Rule, file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            file: file.into(),
            span: None,
            message: message.into(),
            label: None,
            help: None,
            note: None,
            waiting: 0,
            related: Vec::new(),
        }
    }

    /// Points the diagnostic at `range` of `text`, the file's contents.
    #[must_use]
    pub fn at(mut self, text: &str, range: Range<usize>) -> Diagnostic {
        self.span = Some(Span::new(text, range));
        self
    }

    /// Adds a label under the underlined text.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// Adds a line saying what to do.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The order of a report: root causes first (diagnostics that references wait on),
    /// then by file, then position (file-wide ones first), then code.
    pub(crate) fn sort_key(&self) -> (bool, &str, usize, usize, &str, &str) {
        let (start, end) = self.span.as_ref().map_or((0, 0), |s| (s.start, s.end));
        (
            self.waiting == 0,
            &self.file,
            start,
            end,
            self.code,
            &self.message,
        )
    }
}
