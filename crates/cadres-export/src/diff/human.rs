//! The report for a person at a terminal (`--format human`, the default).
//!
//! ```text
//! changed claim liu-shaoqi-president
//!   statement:
//!     - Liu Shaoqi was [-President-] of China.
//!     + Liu Shaoqi was {+the head of state+} of China.
//!   rank: normal → preferred
//! ```
//!
//! A text (see [`super::as_text`]) gets a `-` line and a `+` line, the words only the old
//! one has marked `[-…-]` and those only the new one has `{+…+}`, as `git diff
//! --word-diff=plain` marks them; any other value is shown on one line, `old → new`, with
//! `(none)` for a field that is absent on one side. Control and bidirectional formatting
//! characters are shown as escapes (`\n`, `\u{202e}`), so that no text from a dataset can
//! move the cursor or reorder what the terminal shows.

use std::fmt::Write as _;

use cadres_model::{Claim, Entity, Property, Source};
use serde_json::Value;

use super::delta::{Delta, Field, Kind, Record};
use super::words::{self, Part};
use super::{Input, as_text};

/// How a record kind is named, and the one-line summary of an added or removed record.
trait Summary: Record {
    const NOUN: &'static str;
    /// The rest of the record's heading line, after its id.
    fn heading(&self) -> String;
    /// A line below the heading, if any.
    fn detail(&self) -> Option<String> {
        None
    }
}

impl Summary for Claim {
    const NOUN: &'static str = "claim";
    fn heading(&self) -> String {
        format!(
            " ({}, {}: {})",
            self.subject,
            self.property,
            plain(&self.value.to_string())
        )
    }
    fn detail(&self) -> Option<String> {
        Some(plain(&self.statement))
    }
}

impl Summary for Entity {
    const NOUN: &'static str = "entity";
    fn heading(&self) -> String {
        format!(": {} ({})", plain(self.label()), self.kind)
    }
}

impl Summary for Source {
    const NOUN: &'static str = "source";
    fn heading(&self) -> String {
        format!(": {}", plain(&self.title))
    }
}

impl Summary for Property {
    const NOUN: &'static str = "property";
    fn heading(&self) -> String {
        format!(": {}", plain(&self.label))
    }
}

/// The report from `old` to `new`: the inputs, the version warning, counts, then every
/// added, removed and changed record.
pub fn human(delta: &Delta<'_>, old: &Input, new: &Input) -> String {
    let mut out = String::new();
    for (side, input) in [("old", old), ("new", new)] {
        let _ = writeln!(
            out,
            "{side}: {} ({}, version {})",
            plain(&input.shown),
            input.origin,
            plain(&input.dataset.metadata.version)
        );
    }
    if let Some(w) = &delta.version_warning {
        let _ = writeln!(out, "warning: {}", w.message);
    }
    if !delta.has_changes() {
        out.push_str("\nNo differences.\n");
        return out;
    }
    out.push('\n');
    let counts = [
        ("claims", counts(&delta.claims)),
        ("entities", counts(&delta.entities)),
        ("sources", counts(&delta.sources)),
        ("properties", counts(&delta.properties)),
        (
            "metadata",
            match delta.metadata.len() {
                0 => "no change".to_owned(),
                1 => "1 field changed".to_owned(),
                n => format!("{n} fields changed"),
            },
        ),
    ];
    for (name, line) in counts {
        let _ = writeln!(out, "{name:<11}{line}");
    }
    section(&mut out, &delta.claims);
    section(&mut out, &delta.entities);
    section(&mut out, &delta.sources);
    section(&mut out, &delta.properties);
    if !delta.metadata.is_empty() {
        out.push_str("\nchanged metadata\n");
        for field in &delta.metadata {
            write_field(&mut out, field);
        }
    }
    out
}

fn counts<T>(kind: &Kind<'_, T>) -> String {
    if kind.added.is_empty() && kind.removed.is_empty() && kind.changed.is_empty() {
        return "no change".to_owned();
    }
    format!(
        "{} added, {} removed, {} changed",
        kind.added.len(),
        kind.removed.len(),
        kind.changed.len()
    )
}

fn section<T: Summary>(out: &mut String, kind: &Kind<'_, T>) {
    for (what, records) in [("added", &kind.added), ("removed", &kind.removed)] {
        for r in records {
            let _ = writeln!(out, "\n{what} {} {}{}", T::NOUN, r.id(), r.heading());
            if let Some(detail) = r.detail() {
                let _ = writeln!(out, "  {detail}");
            }
        }
    }
    for changed in &kind.changed {
        let _ = writeln!(out, "\nchanged {} {}", T::NOUN, changed.new.id());
        for field in &changed.fields {
            write_field(out, field);
        }
    }
}

/// One changed field, indented under its record.
fn write_field(out: &mut String, field: &Field) {
    let path = plain(&field.path);
    if let Some((old, new)) = as_text(field) {
        let _ = writeln!(out, "  {path}:");
        match (old, new) {
            (Some(old), Some(new)) => {
                let parts = words::diff(old, new);
                let _ = writeln!(out, "    - {}", line(&parts, true));
                let _ = writeln!(out, "    + {}", line(&parts, false));
            }
            (Some(old), None) => {
                let _ = writeln!(out, "    - {}", plain(old));
            }
            (None, Some(new)) => {
                let _ = writeln!(out, "    + {}", plain(new));
            }
            (None, None) => {}
        }
    } else {
        let _ = writeln!(
            out,
            "  {path}: {} → {}",
            value(field.old.as_ref()),
            value(field.new.as_ref())
        );
    }
}

/// The old (`old` true) or new side of a word diff, its own changed words marked.
fn line(parts: &[Part], old: bool) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Same(s) => out.push_str(&plain(s)),
            Part::Changed { removed, added } => {
                let (text, open, close) = if old {
                    (removed, "[-", "-]")
                } else {
                    (added, "{+", "+}")
                };
                if text.is_empty() {
                    continue;
                }
                let (lead, core, trail) = words::trim_ends(text);
                let _ = write!(
                    out,
                    "{}{open}{}{close}{}",
                    plain(lead),
                    plain(core),
                    plain(trail)
                );
            }
        }
    }
    out
}

/// A value on one line: a string as it is (`""` when empty), anything else as JSON,
/// `(none)` when absent.
fn value(v: Option<&Value>) -> String {
    match v {
        None => "(none)".to_owned(),
        Some(Value::String(s)) if s.is_empty() => "\"\"".to_owned(),
        Some(Value::String(s)) => plain(s),
        Some(other) => plain(&other.to_string()),
    }
}

/// `text` safe to print on a terminal, on one line: control characters and the
/// bidirectional formatting characters become escapes (`\n`, `\u{202e}`).
pub(crate) fn plain(text: &str) -> String {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{line, plain};
    use crate::diff::words;

    #[test]
    fn each_line_marks_its_own_words() {
        let parts = words::diff("It ended in February 1962.", "It ended on 7 February 1962.");
        assert_eq!(line(&parts, true), "It ended [-in-] February 1962.");
        assert_eq!(line(&parts, false), "It ended {+on 7+} February 1962.");
        let parts = words::diff("was President", "was the President");
        assert_eq!(line(&parts, true), "was President");
        assert_eq!(line(&parts, false), "was {+the+} President");
    }

    #[test]
    fn terminal_controls_are_escaped() {
        assert_eq!(plain("a\nb\x1b[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(plain("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(plain("七千人大会"), "七千人大会");
    }
}
