//! The report in GitHub Flavored Markdown (`--format markdown`): for a pull-request comment
//! and the release notes.
//!
//! First the counts (a table of added, removed and changed records of each kind) and the
//! version warning; then each changed claim with its statement and its quotes, changed
//! words marked; then added and removed claims; then the other kinds and the metadata.
//! Changed words are marked with the HTML elements `<del>` (removed) and `<ins>` (added):
//! unlike `~~` and `**` they mark any run of characters, inside a word or a Chinese
//! sentence, next to punctuation or not. Every text from the dataset goes through
//! [`escape::markdown`], so none can start a link, a heading, an HTML tag or a mention.

use std::fmt::Write as _;

use cadres_model::{Citation, Claim, Entity, Property, Source};
use serde_json::Value;

use super::as_text;
use super::delta::{Delta, Field, Kind, Record};
use super::words::{self, Pair, Part};
use crate::escape;

/// The report from `delta.old` to `delta.new`, ending with a newline.
pub fn markdown(delta: &Delta<'_>) -> String {
    let mut out = format!(
        "## Changes from {} to {}\n",
        escape::markdown(&delta.old.metadata.version),
        escape::markdown(&delta.new.metadata.version)
    );
    if let Some(w) = &delta.version_warning {
        let _ = writeln!(out, "\n> **Warning:** {}", escape::markdown(&w.message));
    }
    if !delta.data_changed() {
        out.push_str("\nNo changes to the data.\n");
        return out;
    }
    let mut body = Body::default();
    body.claims(&delta.claims);
    body.others("Entities", &delta.entities);
    body.others("Sources", &delta.sources);
    body.others("Properties", &delta.properties);
    if !delta.metadata.is_empty() {
        body.text.push_str("\n### Metadata\n\n");
        for field in &delta.metadata {
            body.field_item("", field);
        }
    }

    out.push_str("\n| | added | removed | changed |\n|:--|--:|--:|--:|\n");
    let rows = [
        ("claims", counts(&delta.claims)),
        ("entities", counts(&delta.entities)),
        ("sources", counts(&delta.sources)),
        ("properties", counts(&delta.properties)),
    ];
    for (name, [added, removed, changed]) in rows {
        let _ = writeln!(out, "| {name} | {added} | {removed} | {changed} |");
    }
    let _ = writeln!(out, "| metadata fields | | | {} |", delta.metadata.len());
    if body.marked {
        out.push_str(
            "\nWords removed are marked <del>like this</del>, words added <ins>like this</ins>.\n",
        );
    }
    out.push_str(&body.text);
    out
}

fn counts<T>(kind: &Kind<'_, T>) -> [usize; 3] {
    [kind.added.len(), kind.removed.len(), kind.changed.len()]
}

/// The sections after the table, and whether any of them marks changed words.
#[derive(Default)]
struct Body {
    text: String,
    marked: bool,
}

impl Body {
    fn claims(&mut self, claims: &Kind<'_, Claim>) {
        if !claims.changed.is_empty() {
            self.text.push_str("\n### Changed claims\n");
        }
        for changed in &claims.changed {
            let (old, new) = (changed.old, changed.new);
            let _ = writeln!(self.text, "\n#### {}\n", code(new.id()));
            let statement = self.marks(Some(&old.statement), Some(&new.statement));
            let _ = writeln!(self.text, "{statement}");
            self.quotes(&old.citations, &new.citations, "");
            let others: Vec<&Field> = changed
                .fields
                .iter()
                .filter(|f| !shown_with_the_claim(&f.path))
                .collect();
            if !others.is_empty() {
                self.text.push('\n');
                for field in others {
                    self.field_item("", field);
                }
            }
        }
        for (heading, records) in [
            ("Added claims", claims.added.as_slice()),
            ("Removed claims", claims.removed.as_slice()),
        ] {
            if records.is_empty() {
                continue;
            }
            let _ = writeln!(self.text, "\n### {heading}\n");
            for claim in records {
                let _ = writeln!(
                    self.text,
                    "- {} ({}, {}: {}): {}",
                    code(claim.id()),
                    code(claim.subject.as_str()),
                    code(claim.property.as_str()),
                    escape::markdown(&claim.value.to_string()),
                    escape::markdown(&claim.statement)
                );
                if heading == "Added claims" {
                    self.quotes(&[], &claim.citations, "  ");
                }
            }
        }
    }

    /// The quotes of a claim's citations as one blockquote, a paragraph each, changed words
    /// marked against the citation of the old claim at the same place.
    fn quotes(&mut self, old: &[Citation], new: &[Citation], indent: &str) {
        let key = |c: &Citation| serde_json::to_string(c).unwrap_or_default();
        let (a, b): (Vec<String>, Vec<String>) =
            (old.iter().map(key).collect(), new.iter().map(key).collect());
        let lines: Vec<String> = words::align(&a, &b)
            .into_iter()
            .map(|pair| match pair {
                Pair::Same(_, j) => self.quote(None, &new[j], None),
                Pair::Changed(i, j) => self.quote(Some(&old[i]), &new[j], None),
                Pair::Added(j) if old.is_empty() => self.quote(None, &new[j], None),
                Pair::Added(j) => {
                    let line = self.quote(None, &new[j], Some("ins"));
                    format!("{line} (added)")
                }
                Pair::Removed(i) => {
                    let line = self.quote(None, &old[i], Some("del"));
                    format!("{line} (removed)")
                }
            })
            .collect();
        if lines.is_empty() {
            return;
        }
        if indent.is_empty() {
            self.text.push('\n');
        }
        let _ = writeln!(
            self.text,
            "{indent}> {}",
            lines.join(&format!("\n{indent}>\n{indent}> "))
        );
    }

    /// One citation's line: ``“quote” — `source`, locator; citing `work` ``. With `old`,
    /// the quote's changed words are marked; with `whole` (`ins` or `del`), the whole quote
    /// is marked as added or removed.
    fn quote(&mut self, old: Option<&Citation>, c: &Citation, whole: Option<&str>) -> String {
        let quote = match (old.map(|o| o.quote.as_deref()), c.quote.as_deref(), whole) {
            (_, None, _) => "(no quote)".to_owned(),
            (Some(Some(before)), Some(after), _) if before == after => escape::quoted(after),
            (Some(before), Some(after), _) => format!("“{}”", self.marks(before, Some(after))),
            (None, Some(q), Some(tag)) => format!("“<{tag}>{}</{tag}>”", escape::markdown(q)),
            (None, Some(q), None) => escape::quoted(q),
        };
        let mut line = format!("{quote} — {}", code(c.source.as_str()));
        if let Some(locator) = &c.locator {
            let _ = write!(line, ", {}", escape::markdown(locator));
        }
        if !c.cites.is_empty() {
            let cites: Vec<String> = c.cites.iter().map(|id| code(id.as_str())).collect();
            let _ = write!(line, "; citing {}", cites.join(", "));
        }
        line
    }

    /// The text `new` with the words changed from `old` marked (`None`: absent).
    fn marks(&mut self, old: Option<&str>, new: Option<&str>) -> String {
        match (old, new) {
            (Some(old), Some(new)) if old == new => escape::markdown(new),
            (Some(old), Some(new)) => {
                self.marked = true;
                let mut out = String::new();
                for part in words::diff(old, new) {
                    match part {
                        Part::Same(s) => out.push_str(&piece(&s)),
                        Part::Changed { removed, added } => {
                            for (text, tag) in [(removed, "del"), (added, "ins")] {
                                if text.is_empty() {
                                    continue;
                                }
                                let (lead, core, trail) = words::trim_ends(&text);
                                let _ = write!(
                                    out,
                                    "{}<{tag}>{}</{tag}>{}",
                                    piece(lead),
                                    piece(core),
                                    piece(trail)
                                );
                            }
                        }
                    }
                }
                out
            }
            (Some(old), None) => format!("<del>{}</del>", escape::markdown(old)),
            (None, Some(new)) => format!("<ins>{}</ins>", escape::markdown(new)),
            (None, None) => String::new(),
        }
    }

    /// Entities, sources or properties: a list of what was added, removed and changed.
    fn others<T: Summary>(&mut self, heading: &str, kind: &Kind<'_, T>) {
        if kind.is_empty() {
            return;
        }
        let _ = writeln!(self.text, "\n### {heading}\n");
        for r in &kind.added {
            let _ = writeln!(self.text, "- Added {}: {}", code(r.id()), r.summary());
        }
        for r in &kind.removed {
            let _ = writeln!(self.text, "- Removed {}: {}", code(r.id()), r.summary());
        }
        for changed in &kind.changed {
            let _ = writeln!(self.text, "- Changed {}:", code(changed.new.id()));
            for field in &changed.fields {
                self.field_item("  ", field);
            }
        }
    }

    /// A list item for one changed field: `` - `path`: old → new ``, or the text with its
    /// changed words marked.
    fn field_item(&mut self, indent: &str, field: &Field) {
        let shown = if let Some((old, new)) = as_text(field) {
            self.marks(old, new)
        } else {
            format!(
                "{} → {}",
                value(field.old.as_ref()),
                value(field.new.as_ref())
            )
        };
        let _ = writeln!(self.text, "{indent}- {}: {shown}", code(&field.path));
    }
}

/// Whether a changed claim's field is shown with the claim itself, not in its list of
/// fields: the statement, and each citation's quote (or a whole citation added or removed).
fn shown_with_the_claim(path: &str) -> bool {
    if path == "statement" {
        return true;
    }
    let Some(rest) = path.strip_prefix("citations[") else {
        return false;
    };
    let Some((index, after)) = rest.split_once(']') else {
        return false;
    };
    index.bytes().all(|b| b.is_ascii_digit()) && (after.is_empty() || after == ".quote")
}

/// A one-line description of an added or removed record, in Markdown.
trait Summary: Record {
    fn summary(&self) -> String;
}

impl Summary for Entity {
    fn summary(&self) -> String {
        format!("{} ({})", escape::markdown(self.label()), self.kind)
    }
}

impl Summary for Source {
    fn summary(&self) -> String {
        escape::markdown(&self.title)
    }
}

impl Summary for Property {
    fn summary(&self) -> String {
        escape::markdown(&self.label)
    }
}

/// A value on one line: a string escaped, anything else as escaped JSON, *(none)* when
/// absent.
fn value(v: Option<&Value>) -> String {
    match v {
        None => "*(none)*".to_owned(),
        Some(Value::String(s)) if s.trim().is_empty() => format!("\"{s}\""),
        Some(Value::String(s)) => escape::markdown(s),
        Some(other) => escape::markdown(&other.to_string()),
    }
}

/// A piece of a text, escaped, keeping a space at either end (which [`escape::markdown`]
/// trims) as one space.
fn piece(text: &str) -> String {
    let core = escape::markdown(text);
    if core.is_empty() {
        return if text.is_empty() {
            String::new()
        } else {
            " ".to_owned()
        };
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{core}{trail}")
}

/// `text` as a code span, its fence longer than any run of backticks in it.
fn code(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::{code, piece, shown_with_the_claim};

    #[test]
    fn the_statement_and_quotes_are_shown_with_the_claim() {
        assert!(shown_with_the_claim("statement"));
        assert!(shown_with_the_claim("citations[0].quote"));
        assert!(shown_with_the_claim("citations[12]"));
        assert!(!shown_with_the_claim("citations[0].locator"));
        assert!(!shown_with_the_claim("citations[0].cites[1]"));
        assert!(!shown_with_the_claim("rank"));
    }

    #[test]
    fn a_code_span_holds_any_backticks() {
        assert_eq!(code("plain-id"), "`plain-id`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn a_piece_keeps_its_edge_spaces() {
        assert_eq!(piece(" of China. "), " of China. ");
        assert_eq!(piece("*x*"), "\\*x\\*");
        assert_eq!(piece("  "), " ");
        assert_eq!(piece(""), "");
    }
}
