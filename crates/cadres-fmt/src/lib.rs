//! The canonical form of the cadres dataset's TOML files, losing nothing: the formatter
//! behind `cargo xtask fmt`, as a library that an editor integration can call on a
//! buffer's text.
//!
//! ```
//! use cadres_model::schema::RecordKind;
//!
//! let text = "label = \"Liu Shaoqi\"\r\nid =   \"liu-shaoqi\"  # a person\r\n";
//! let formatted = cadres_fmt::format(text, Some(RecordKind::Entity))?;
//! assert!(formatted.text.starts_with("#:schema ../../../schema/entity.schema.json\n"));
//! assert!(formatted.text.contains("# a person"));
//! // The canonical form is a fixed point.
//! assert_eq!(cadres_fmt::format_text(&formatted.text, Some(RecordKind::Entity))?, formatted.text);
//! # Ok::<(), cadres_fmt::ParseError>(())
//! ```
//!
//! Everything here is a function of the text (and of the file's kind, when known): no file
//! is read or written. Walking a folder and rewriting its files is `cargo xtask fmt`'s.
//!
//! The formatter parses each file with `toml_edit` and writes it out again from the parsed
//! tree, so the result depends only on the data and the comments, never on how the file was
//! laid out. It reads every file that `cargo xtask check` reads: a byte-order mark, CRLF
//! line endings, tabs and comments anywhere. The canonical form:
//!
//! - UTF-8 without a byte-order mark, LF line endings.
//! - The `#:schema` directive (the first `#:schema` comment, wherever it was) is the first
//!   line, followed by the other comments that opened the file; a later `#:schema` comment
//!   is an ordinary comment. A file of known kind without one gets the directive of its
//!   place in the dataset ([`default_directive`]).
//! - Keys come in the order of the tables in `docs/format.md` for the file's kind (known from
//!   its path, else from its `#:schema` directive); unknown keys follow, in their order.
//!   Keys of maps (`labels`, `aliases`, `qualifiers`) are sorted.
//! - Top-level keys and the keys of each `[[claims]]` or `[[property]]` table are written one
//!   per line as `key = value`; every other table is written inline, `{ a = 1, b = 2 }`.
//!   A sub-table written as `[labels]` or `[[claims.citations]]` becomes inline, unless it
//!   holds a comment between its keys (see below).
//! - Exactly one blank line before each `[header]` or `[[header]]` (none when the header
//!   directly follows the opening comments), no other blank lines.
//! - Strings are basic strings, `"..."`, escaping only `"`, `\` and control characters.
//!   A top-level string whose line would be longer than [`MAX_WIDTH`] characters is written
//!   as a multi-line string wrapped at spaces into lines of at most [`WRAP_WIDTH`]
//!   characters, each ending in a line-ending backslash, which TOML removes together with
//!   the line break, so the value is unchanged. A string holding a line break is always
//!   multi-line. Strings inside inline tables and arrays stay on one line.
//! - `citations` arrays are written one element per line with a trailing comma; other
//!   top-level arrays too when they hold comments or do not fit on one line of
//!   [`MAX_WIDTH`] characters. Nested arrays stay on one line unless they hold comments.
//! - Numbers in their plain form (`7000`, `30.0`).
//!
//! Every comment is kept, in place: a comment above a key stays above it (and moves with
//! it when keys are sorted); a comment at the end of a line stays at the end of that line;
//! a comment before a header stays before it (or, when a blank line separated it from the
//! header, at the end of the table before). A comment inside an array stays there: the
//! array is written one element per line, at any depth. A comment inside an inline table
//! (TOML 1.1) keeps its table written across lines, one key per line. Where the canonical
//! form has no place for a comment, that part of the file stays in the form it was written
//! in, and the formatter says so ([`Formatted::notes`]): a `[labels]` or
//! `[[claims.citations]]` table with a comment between its keys stays a table (TOML 1.0
//! inline tables hold no comment), and dotted keys `labels.en = ...` with comments between
//! them stay dotted keys.
//!
//! Every result is verified before it is returned: it must parse into the same data, and
//! hold every comment of the input. A result that fails (a bug of the formatter) is a
//! [`ParseError`], as is a text that does not parse (or, for [`format_bytes`], is not
//! UTF-8): the caller leaves the file as it was.

use std::fmt::Write as _;
use std::path::Path;

use cadres_model::schema::RecordKind;
use toml_edit::{Array, Decor, DocumentMut, InlineTable, Item, Key, RawString, Table, Value};

/// The longest line the formatter writes on purpose, in characters: a longer top-level
/// string becomes multi-line, a longer top-level array one element per line.
pub const MAX_WIDTH: usize = 100;

/// The width, in characters, at which a long string is wrapped.
pub const WRAP_WIDTH: usize = 80;

/// The comment that names a file's JSON Schema, for taplo and editors.
pub const DIRECTIVE: &str = "#:schema";

/// The byte-order mark that some editors write at the start of a UTF-8 file.
const BOM: char = '\u{FEFF}';

/// Why a file could not be formatted: it is not TOML, or (a bug of the formatter, never
/// expected) its canonical form failed the check that it keeps the data and every comment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{col}: {message}")]
pub struct ParseError {
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column (in characters) of the error.
    pub col: usize,
    /// What the parser says.
    pub message: String,
}

/// One file in canonical form, and what the formatter left in another form to keep its
/// comments in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    /// The canonical text.
    pub text: String,
    /// One sentence for each part of the file kept as written rather than made canonical
    /// (a table with comments between its keys), and for a `#:schema` line added.
    pub notes: Vec<String>,
}

/// Formats one file's text. `kind` is the file's record kind when known (see
/// [`kind_from_path`]); without it, the kind is read from the `#:schema` directive, and a file
/// of unknown kind keeps its key order.
pub fn format_text(text: &str, kind: Option<RecordKind>) -> Result<String, ParseError> {
    format(text, kind).map(|f| f.text)
}

/// [`format_text`], with the notes on what was kept as written.
pub fn format(text: &str, kind: Option<RecordKind>) -> Result<Formatted, ParseError> {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let parsed: Result<DocumentMut, _> = body.parse();
    parsed.map_err(|e: toml_edit::TomlError| {
        let offset = e.span().map_or(0, |s| s.start);
        let (line, col) = line_col(body, offset);
        let message = e.message().lines().next().unwrap_or("invalid TOML").trim();
        ParseError {
            line,
            col,
            message: message.to_owned(),
        }
    })?;
    // The directive goes first, wherever it was: the first `#:schema` comment, else the
    // default of the file's kind. Any other is an ordinary comment.
    let (rest, directive) = split_directive(body);
    let mut doc: DocumentMut = rest.parse().map_err(|_| ParseError {
        line: 1,
        col: 1,
        message: "does not parse without its `#:schema` line".to_owned(),
    })?;
    let kind = kind.or_else(|| kind_from_directive(body));
    let root_ctx = match kind {
        Some(RecordKind::Metadata) => Ctx::Metadata,
        Some(RecordKind::Properties) => Ctx::PropertiesFile,
        Some(RecordKind::Source) => Ctx::Source,
        Some(RecordKind::Entity) => Ctx::Entity,
        Some(RecordKind::Dataset) | None => Ctx::Any,
    };

    let preamble = take_preamble(&mut doc);
    let trailing = comments(Some(doc.trailing()));
    let mut w = Writer::default();
    let added = match directive {
        Some(_) => None,
        None => kind.and_then(default_directive),
    };
    if let Some(directive) = &added {
        w.notes.push(format!("added the line `{directive}`"));
    }
    if let Some(directive) = directive.or(added.as_deref()) {
        w.lines(0, &[directive.to_owned()]);
    }
    w.lines(0, &preamble);
    w.content = false;

    let entries = table_entries(doc.as_table());
    w.body(&[], root_ctx.arrange(entries), root_ctx, true);
    w.lines(0, &trailing);
    let Writer { out, mut notes, .. } = w;
    verify(body, &out, added.as_deref())?;
    notes.dedup();
    Ok(Formatted { text: out, notes })
}

/// The text without its first `#:schema` comment, and that comment: the whole line when the
/// comment stands on a line of its own, else the comment and the blanks before it.
fn split_directive(text: &str) -> (std::borrow::Cow<'_, str>, Option<&str>) {
    let Some((offset, comment)) = comments_in(text)
        .into_iter()
        .find(|(_, c)| c.starts_with(DIRECTIVE))
    else {
        return (text.into(), None);
    };
    let start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |n| offset + n);
    let rest = if text[start..offset].trim().is_empty() {
        let end = (end + 1).min(text.len());
        format!("{}{}", &text[..start], &text[end..])
    } else {
        format!(
            "{}{}",
            text[..offset].trim_end_matches([' ', '\t']),
            &text[end..]
        )
    };
    (rest.into(), Some(comment))
}

/// The `#:schema` line of a file of `kind` in its place in the dataset (`metadata.toml`,
/// `sources/<id>.toml`, `entities/<kind>/<id>.toml`), with `dataset/` next to `schema/`:
/// the line that `cargo xtask check` asks for. `None` for the dataset as a whole.
pub fn default_directive(kind: RecordKind) -> Option<String> {
    let depth = match kind {
        RecordKind::Metadata | RecordKind::Properties => 1,
        RecordKind::Source => 2,
        RecordKind::Entity => 3,
        RecordKind::Dataset => return None,
    };
    Some(format!(
        "{DIRECTIVE} {}schema/{}",
        "../".repeat(depth),
        kind.schema_file_name()
    ))
}

/// The record kind of a dataset file from its path: `metadata.toml`, `properties.toml`,
/// `sources/<id>.toml`, `entities/<kind>/<id>.toml`.
pub fn kind_from_path(path: &Path) -> Option<RecordKind> {
    let name = path.file_name()?.to_str()?;
    let parent = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str());
    let grandparent = path
        .parent()
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .and_then(|n| n.to_str());
    match (name, parent, grandparent) {
        (_, Some("sources"), _) => Some(RecordKind::Source),
        (_, _, Some("entities")) => Some(RecordKind::Entity),
        ("metadata.toml", _, _) => Some(RecordKind::Metadata),
        ("properties.toml", _, _) => Some(RecordKind::Properties),
        _ => None,
    }
}

/// The record kind named by the text's `#:schema` directive.
pub fn kind_from_directive(text: &str) -> Option<RecordKind> {
    let target = text
        .lines()
        .find_map(|l| l.trim().trim_start_matches(BOM).strip_prefix(DIRECTIVE))?
        .trim();
    let file = target.rsplit('/').next()?;
    RecordKind::ALL
        .into_iter()
        .find(|k| file == k.schema_file_name())
}

/// [`format()`] on a file's bytes: a [`ParseError`] at the first byte that is not UTF-8.
pub fn format_bytes(bytes: &[u8], kind: Option<RecordKind>) -> Result<Formatted, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => format(text, kind),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let (line, col) = line_col(&valid, valid.len());
            Err(ParseError {
                line,
                col,
                message: "not UTF-8".to_owned(),
            })
        }
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Where a key's value sits in the file: the shape that decides key order and children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Any,
    Metadata,
    PropertiesFile,
    Property,
    Source,
    Name,
    Entity,
    Labels,
    Aliases,
    Claim,
    Qualifiers,
    AsNamed,
    Value,
    Quantity,
    SharePart,
    LangText,
    Citation,
    Dispute,
}

impl Ctx {
    fn order(self) -> &'static [&'static str] {
        match self {
            Ctx::Metadata => &["title", "description", "version", "as-of", "license"],
            Ctx::PropertiesFile => &["property"],
            Ctx::Property => &[
                "id",
                "label",
                "description",
                "value-type",
                "cardinality",
                "subject-kinds",
                "value-kinds",
            ],
            Ctx::Source => &[
                "id",
                "type",
                "title",
                "author",
                "editor",
                "container-title",
                "publisher",
                "publisher-place",
                "issued",
                "accessed",
                "archive-date",
                "ISBN",
                "URL",
                "language",
                "volume",
                "issue",
                "page",
                "medium",
                "note",
                "references",
            ],
            Ctx::Name => &["family", "given", "literal", "as-cited"],
            Ctx::Entity => &["id", "kind", "labels", "aliases", "description", "claims"],
            Ctx::Claim => &[
                "id",
                "property",
                "value",
                "qualifiers",
                "rank",
                "rank-reason",
                "disputes",
                "statement",
                "citations",
            ],
            Ctx::Value => &["entity", "date", "quantity", "share", "text"],
            Ctx::Quantity => &["amount", "approximation", "unit"],
            Ctx::SharePart => &["percent", "of"],
            Ctx::LangText => &["lang", "text"],
            Ctx::Citation => &["source", "locator", "quote", "as-named", "cites"],
            Ctx::Dispute => &["with", "relation"],
            Ctx::Any | Ctx::Labels | Ctx::Aliases | Ctx::Qualifiers | Ctx::AsNamed => &[],
        }
    }

    /// Maps keyed by data (language tags, property ids, entity ids) are sorted by key.
    fn sorted(self) -> bool {
        matches!(
            self,
            Ctx::Labels | Ctx::Aliases | Ctx::Qualifiers | Ctx::AsNamed
        )
    }

    /// The key whose elements are written as `[[key]]` tables.
    fn record_list(self) -> Option<&'static str> {
        match self {
            Ctx::PropertiesFile => Some("property"),
            Ctx::Entity => Some("claims"),
            _ => None,
        }
    }

    fn child(self, key: &str) -> Ctx {
        match (self, key) {
            (Ctx::PropertiesFile, "property") => Ctx::Property,
            (Ctx::Source, "author" | "editor") => Ctx::Name,
            (Ctx::Entity, "labels") => Ctx::Labels,
            (Ctx::Entity, "aliases") => Ctx::Aliases,
            (Ctx::Entity, "claims") => Ctx::Claim,
            (Ctx::Claim, "value") | (Ctx::Qualifiers, _) => Ctx::Value,
            (Ctx::Claim, "qualifiers") => Ctx::Qualifiers,
            (Ctx::Claim, "disputes") => Ctx::Dispute,
            (Ctx::Claim, "citations") => Ctx::Citation,
            (Ctx::Citation, "as-named") => Ctx::AsNamed,
            (Ctx::Value, "quantity") => Ctx::Quantity,
            (Ctx::Value, "share") => Ctx::SharePart,
            (Ctx::Value, "text") => Ctx::LangText,
            _ => Ctx::Any,
        }
    }

    /// Sorts `keys` (given in file order) into canonical order.
    fn arrange<T>(self, mut entries: Vec<(String, T)>) -> Vec<(String, T)> {
        if self.sorted() {
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            return entries;
        }
        let order = self.order();
        // A stable sort: known keys by their rank, unknown keys after them in file order.
        entries.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(order.len()));
        entries
    }
}

/// The item of a key, with the comments of its line: those on the lines above it, and
/// those at the end of it (the first on the line, any more on lines of their own below).
struct Entry<'a> {
    item: &'a Item,
    before: Vec<String>,
    after: Vec<String>,
    below: Vec<String>,
}

/// One element of an array, or one key of an inline table, on a line of its own.
struct Line {
    before: Vec<String>,
    text: String,
    after: Vec<String>,
    /// Comments between it and its comma, on lines of their own.
    below: Vec<String>,
}

/// An array or inline table written across lines: the comment after its opening bracket,
/// its elements, and the comments before its closing bracket.
#[derive(Default)]
struct Block {
    open: Vec<String>,
    lines: Vec<Line>,
    trailing: Vec<String>,
}

impl Block {
    /// Whether the block holds a comment, or an element written across lines.
    fn has_comments(&self) -> bool {
        !self.open.is_empty()
            || !self.trailing.is_empty()
            || self.lines.iter().any(|l| {
                !l.before.is_empty()
                    || !l.after.is_empty()
                    || !l.below.is_empty()
                    || l.text.contains('\n')
            })
    }

    /// Written across lines, each element `indent + 2` deep and followed by a comma, the
    /// closing bracket `indent` deep.
    fn render(&self, open: char, close: char, indent: usize) -> String {
        let pad = " ".repeat(indent + 2);
        let mut s = String::from(open);
        push_after(&mut s, &self.open, &pad);
        s.push('\n');
        for line in &self.lines {
            for c in &line.before {
                let _ = writeln!(s, "{pad}{c}");
            }
            let _ = write!(s, "{pad}{},", line.text);
            push_after(&mut s, &line.after, &pad);
            s.push('\n');
            for c in &line.below {
                let _ = writeln!(s, "{pad}{c}");
            }
        }
        for c in &self.trailing {
            let _ = writeln!(s, "{pad}{c}");
        }
        s.push_str(&" ".repeat(indent));
        s.push(close);
        s
    }
}

/// Adds the comments that follow an element: those of `head` at the end of its line unless
/// comments already stand below it, those of `rest` below it.
fn follow(after: &mut Vec<String>, below: &mut Vec<String>, head: Vec<String>, rest: Vec<String>) {
    if below.is_empty() {
        after.extend(head);
    } else {
        below.extend(head);
    }
    below.extend(rest);
}

/// The comments at the end of a line: the first on it, two spaces after the code, any more
/// on lines of their own below it, after `pad`.
fn push_after(s: &mut String, after: &[String], pad: &str) {
    let mut rest = after.iter();
    if let Some(first) = rest.next() {
        s.push_str("  ");
        s.push_str(first);
    }
    for c in rest {
        s.push('\n');
        s.push_str(pad);
        s.push_str(c);
    }
}

/// The canonical text, written line by line.
#[derive(Default)]
struct Writer {
    out: String,
    notes: Vec<String>,
    /// Whether anything but the opening comments has been written.
    content: bool,
}

impl Writer {
    /// Comment lines, `indent` deep.
    fn lines(&mut self, indent: usize, comments: &[String]) {
        for c in comments {
            self.out.push_str(&" ".repeat(indent));
            self.out.push_str(c);
            self.out.push('\n');
            self.content = true;
        }
    }

    /// The body of a table at `path` (the root when empty): a `key = value` line for each
    /// entry, then the entries written as tables under headers.
    fn body(&mut self, path: &[String], entries: Vec<(String, Entry<'_>)>, ctx: Ctx, root: bool) {
        let mut sections = Vec::new();
        for (name, e) in entries {
            let child = ctx.child(&name);
            let record = root && is_record_list(ctx, &name, e.item);
            let section = match e.item {
                Item::Table(t) if t.is_dotted() => {
                    if needs_table(t) {
                        let mut full = path.to_vec();
                        full.push(render_key(&name));
                        self.notes.push(format!(
                            "kept the dotted keys `{}.*` as written: an inline table cannot \
                             hold the comments between them",
                            full.join(".")
                        ));
                        self.dotted(&render_key(&name), t, child, &e);
                        continue;
                    }
                    false
                }
                Item::Table(t) => needs_table(t),
                Item::ArrayOfTables(a) => record || a.iter().any(needs_table),
                Item::Value(_) => record,
                Item::None => continue,
            };
            if section {
                sections.push((name, e, record));
            } else {
                self.key_value(&render_key(&name), &name, child, e);
            }
        }
        for (name, e, record) in sections {
            self.section(path, &name, e, ctx.child(&name), record);
        }
    }

    /// One `key = value` line (or more, for a value written across lines).
    fn key_value(&mut self, lhs_key: &str, name: &str, ctx: Ctx, e: Entry<'_>) {
        let lhs = format!("{lhs_key} = ");
        let Entry {
            item,
            mut before,
            mut after,
            below,
        } = e;
        let rhs = match item {
            Item::Value(Value::String(s)) => render_top_string(&lhs, s.value()),
            Item::Value(Value::Array(a)) => top_array(&lhs, name, &array_block(a, ctx, 0)),
            Item::Value(v) => render(v, ctx, 0),
            Item::Table(t) => {
                before.extend(comments(t.decor().prefix()));
                before.extend(lead_comments(t));
                after.splice(0..0, comments(t.decor().suffix()));
                render_table(t, ctx, 0)
            }
            Item::ArrayOfTables(a) => top_array(&lhs, name, &tables_block(a, ctx, 0)),
            Item::None => return,
        };
        self.lines(0, &before);
        self.out.push_str(&lhs);
        self.out.push_str(&rhs);
        push_after(&mut self.out, &after, "");
        self.out.push('\n');
        self.content = true;
        self.lines(0, &below);
    }

    /// A header line: the comments that end the table before it, a blank line, the
    /// comments above it, and the header with its end-of-line comment.
    fn header(&mut self, tail: &[String], above: &[String], header: &str, after: &[String]) {
        self.lines(0, tail);
        if self.content {
            self.out.push('\n');
        }
        self.lines(0, above);
        self.out.push_str(header);
        push_after(&mut self.out, after, "");
        self.out.push('\n');
        self.content = true;
    }

    /// An entry written as a table: `[path.name]` and its body, or `[[path.name]]` for
    /// each element of an array of tables (a record list like `claims`, or a sub-table
    /// kept as written because of its comments).
    fn section(&mut self, path: &[String], name: &str, e: Entry<'_>, ctx: Ctx, record: bool) {
        let mut path = path.to_vec();
        path.push(render_key(name));
        let header = path.join(".");
        match e.item {
            Item::Table(t) => {
                self.notes.push(format!(
                    "kept `[{header}]` as a table: an inline table cannot hold the comments \
                     between its keys"
                ));
                let (tail, above) = split_at_blank(t.decor().prefix());
                let above: Vec<String> = e.before.into_iter().chain(above).collect();
                let after = comments(t.decor().suffix());
                self.header(&tail, &above, &format!("[{header}]"), &after);
                self.body(&path, ctx.arrange(table_entries(t)), ctx, false);
                self.lines(0, &e.after);
                self.lines(0, &e.below);
            }
            Item::ArrayOfTables(a) => {
                if !record {
                    self.notes.push(format!(
                        "kept `[[{header}]]` as tables: an inline table cannot hold the \
                         comments between their keys"
                    ));
                }
                let mut pending = e.before;
                for t in a {
                    let (tail, above) = split_at_blank(t.decor().prefix());
                    let above: Vec<String> = pending.drain(..).chain(above).collect();
                    let after = comments(t.decor().suffix());
                    self.header(&tail, &above, &format!("[[{header}]]"), &after);
                    self.body(&path, ctx.arrange(table_entries(t)), ctx, false);
                }
                self.lines(0, &pending);
                self.lines(0, &e.after);
                self.lines(0, &e.below);
            }
            // A record list written as an array of inline tables.
            Item::Value(Value::Array(a)) => {
                let mut pending = e.before;
                for (i, v) in a.iter().enumerate() {
                    let (head, rest) = split_head(v.decor().prefix());
                    // A comment after the previous element's comma ends its table.
                    if i == 0 {
                        pending.extend(head);
                    } else {
                        self.lines(0, &head);
                    }
                    pending.extend(rest);
                    let Some(t) = v.as_inline_table() else {
                        continue;
                    };
                    let (open, entries, trailing) = inline_entries(t);
                    self.header(&[], &pending, &format!("[[{header}]]"), &open);
                    pending.clear();
                    self.body(&path, ctx.arrange(entries), ctx, false);
                    self.lines(0, &trailing);
                    self.lines(0, &comments(v.decor().suffix()));
                }
                self.lines(0, &pending);
                self.lines(0, &comments(Some(a.trailing())));
                self.lines(0, &e.after);
                self.lines(0, &e.below);
            }
            Item::Value(_) | Item::None => {}
        }
    }

    /// A dotted table kept as written, `prefix.key = value` lines.
    fn dotted(&mut self, prefix: &str, t: &Table, ctx: Ctx, parent: &Entry<'_>) {
        self.lines(0, &parent.before);
        for (name, e) in ctx.arrange(table_entries(t)) {
            let lhs_key = format!("{prefix}.{}", render_key(&name));
            let child = ctx.child(&name);
            match e.item {
                Item::Table(c) if c.is_dotted() && needs_table(c) => {
                    self.dotted(&lhs_key, c, child, &e);
                }
                _ => self.key_value(&lhs_key, &name, child, e),
            }
        }
        self.lines(0, &parent.after);
        self.lines(0, &parent.below);
    }
}

/// Whether `item` under `name` is the file's list of records, written as `[[name]]` tables:
/// `claims` in an entity file, `property` in `properties.toml`, any array of tables in a
/// file of unknown kind.
fn is_record_list(ctx: Ctx, name: &str, item: &Item) -> bool {
    if ctx == Ctx::Any {
        return item.is_array_of_tables();
    }
    if ctx.record_list() != Some(name) {
        return false;
    }
    match item {
        Item::ArrayOfTables(_) => true,
        Item::Value(Value::Array(a)) => !a.is_empty() && a.iter().all(Value::is_inline_table),
        _ => false,
    }
}

/// An entry for `item`, whose key carries the comments `before`: a value's own comments
/// join them (those before it), or end its line and follow it (those after it).
fn entry(item: &Item, mut before: Vec<String>) -> Entry<'_> {
    let (mut after, mut below) = (Vec::new(), Vec::new());
    if let Item::Value(v) = item {
        before.extend(comments(v.decor().prefix()));
        let (head, rest) = split_head(v.decor().suffix());
        follow(&mut after, &mut below, head, rest);
    }
    Entry {
        item,
        before,
        after,
        below,
    }
}

/// The entries of a table, in file order, with their comments.
fn table_entries(t: &Table) -> Vec<(String, Entry<'_>)> {
    t.iter()
        .filter_map(|(k, _)| t.get_key_value(k))
        .map(|(key, item)| (key.get().to_owned(), entry(item, key_comments(key))))
        .collect()
}

/// The entries of an inline table, in file order, with their comments; and the comments
/// after its `{` and before its `}`. A comment after an entry's comma (which the parser
/// puts before the next key) ends that entry's line.
fn inline_entries(t: &InlineTable) -> (Vec<String>, Vec<(String, Entry<'_>)>, Vec<String>) {
    let mut open = Vec::new();
    let mut entries: Vec<(String, Entry<'_>)> = Vec::new();
    for (k, _) in t {
        let Some((key, item)) = t.get_key_value(k) else {
            continue;
        };
        let (head, mut before) = split_head(key.leaf_decor().prefix());
        match entries.last_mut() {
            Some((_, p)) => follow(&mut p.after, &mut p.below, head, Vec::new()),
            None => open.extend(head),
        }
        before.extend(comments(key.dotted_decor().prefix()));
        before.extend(comments(key.dotted_decor().suffix()));
        before.extend(comments(key.leaf_decor().suffix()));
        entries.push((key.get().to_owned(), entry(item, before)));
    }
    let (head, trailing) = split_head(Some(t.trailing()));
    match entries.last_mut() {
        Some((_, last)) => follow(&mut last.after, &mut last.below, head, Vec::new()),
        None => open.extend(head),
    }
    (open, entries, trailing)
}

/// The elements of an array, each rendered `indent + 2` deep, with their comments. A
/// comment after an element's comma (which the parser puts before the next element) ends
/// that element's line.
fn array_block(a: &Array, ctx: Ctx, indent: usize) -> Block {
    let mut block = Block::default();
    for v in a {
        let (head, before) = split_head(v.decor().prefix());
        match block.lines.last_mut() {
            Some(p) => follow(&mut p.after, &mut p.below, head, Vec::new()),
            None => block.open.extend(head),
        }
        let (mut after, mut below) = (Vec::new(), Vec::new());
        let (head, rest) = split_head(v.decor().suffix());
        follow(&mut after, &mut below, head, rest);
        block.lines.push(Line {
            before,
            text: render(v, ctx, indent + 2),
            after,
            below,
        });
    }
    let (head, trailing) = split_head(Some(a.trailing()));
    match block.lines.last_mut() {
        Some(last) => follow(&mut last.after, &mut last.below, head, Vec::new()),
        None => block.open.extend(head),
    }
    block.trailing = trailing;
    block
}

/// The tables of an array of tables as inline tables, each `indent + 2` deep, with the
/// comments of their headers and before their first keys.
fn tables_block(a: &toml_edit::ArrayOfTables, ctx: Ctx, indent: usize) -> Block {
    Block {
        lines: a
            .iter()
            .map(|t| Line {
                before: [comments(t.decor().prefix()), lead_comments(t)].concat(),
                text: render_table(t, ctx, indent + 2),
                after: comments(t.decor().suffix()),
                below: Vec::new(),
            })
            .collect(),
        ..Block::default()
    }
}

/// The inline table's keys, one per line, `indent + 2` deep.
fn inline_block(t: &InlineTable, ctx: Ctx, indent: usize) -> Block {
    let (open, entries, trailing) = inline_entries(t);
    let lines = ctx
        .arrange(entries)
        .into_iter()
        .map(|(name, e)| {
            let value = match e.item {
                Item::Value(v) => render(v, ctx.child(&name), indent + 2),
                _ => String::new(),
            };
            Line {
                before: e.before,
                text: format!("{} = {value}", render_key(&name)),
                after: e.after,
                below: e.below,
            }
        })
        .collect();
    Block {
        open,
        lines,
        trailing,
    }
}

/// Whether a table, made inline, would have to hold a comment between its keys: then it
/// stays a table. The comments before its first key (or first sub-table) come before
/// everything in it, and may stand above the line of the inline table
/// ([`lead_comments`]); comments inside its arrays are not in the way either, as an inline
/// table may hold an array written across lines.
fn needs_table(t: &Table) -> bool {
    holds_comments(t, true)
}

/// Whether a table holds comments that an inline table could not keep in place; with
/// `lead`, the comments before its first entry are allowed.
fn holds_comments(t: &Table, lead: bool) -> bool {
    let lead = lead && !raw_has_comments(t.decor().suffix());
    t.iter().enumerate().any(|(i, (k, item))| {
        let first = lead && i == 0;
        let key = t.key(k).is_some_and(|key| {
            if first {
                raw_has_comments(key.leaf_decor().suffix())
                    || decor_has_comments(key.dotted_decor())
            } else {
                key_has_comments(key)
            }
        });
        key || match item {
            Item::None => false,
            Item::Value(v) => decor_has_comments(v.decor()),
            Item::Table(c) => header_has_comments(c, first) || holds_comments(c, first),
            // Written as an array, which holds the comments of each table's header and
            // before its first key.
            Item::ArrayOfTables(a) => a.iter().any(|e| holds_comments(e, true)),
        }
    })
}

/// Whether a table's header has comments: before it (unless `lead` allows them) or at the
/// end of its line.
fn header_has_comments(t: &Table, lead: bool) -> bool {
    raw_has_comments(t.decor().suffix()) || (!lead && raw_has_comments(t.decor().prefix()))
}

/// The comments before a table's first entry, which [`holds_comments`] allows, when its
/// header has no comment at the end of its line.
fn lead_comments(t: &Table) -> Vec<String> {
    if raw_has_comments(t.decor().suffix()) {
        return Vec::new();
    }
    let Some((k, item)) = t.iter().next() else {
        return Vec::new();
    };
    let mut out = t
        .key(k)
        .map_or_else(Vec::new, |key| comments(key.leaf_decor().prefix()));
    // (An array of tables first keeps its comments itself: see `tables_block`.)
    if let Item::Table(c) = item {
        out.extend(comments(c.decor().prefix()));
        out.extend(lead_comments(c));
    }
    out
}

/// Whether an inline table holds a comment between its own keys (TOML 1.1): then it is
/// written across lines.
fn inline_has_comments(t: &InlineTable) -> bool {
    raw_has_comments(Some(t.trailing()))
        || t.iter().any(|(k, v)| {
            t.key(k).is_some_and(key_has_comments)
                || decor_has_comments(v.decor())
                || matches!(v, Value::InlineTable(d) if d.is_dotted() && inline_has_comments(d))
        })
}

/// Whether a value holds a comment anywhere inside it.
fn value_has_comments(v: &Value) -> bool {
    match v {
        Value::Array(a) => {
            raw_has_comments(Some(a.trailing()))
                || a.iter()
                    .any(|e| decor_has_comments(e.decor()) || value_has_comments(e))
        }
        Value::InlineTable(t) => {
            inline_has_comments(t) || t.iter().any(|(_, v)| value_has_comments(v))
        }
        _ => false,
    }
}

fn raw_has_comments(raw: Option<&RawString>) -> bool {
    // Decor holds only blanks and comments.
    raw.and_then(RawString::as_str)
        .is_some_and(|s| s.contains('#'))
}

fn decor_has_comments(d: &Decor) -> bool {
    raw_has_comments(d.prefix()) || raw_has_comments(d.suffix())
}

fn key_has_comments(k: &Key) -> bool {
    decor_has_comments(k.leaf_decor()) || decor_has_comments(k.dotted_decor())
}

fn key_comments(key: &Key) -> Vec<String> {
    let mut out = comments(key.leaf_decor().prefix());
    out.extend(comments(key.dotted_decor().prefix()));
    out.extend(comments(key.dotted_decor().suffix()));
    out.extend(comments(key.leaf_decor().suffix()));
    out
}

/// The comment lines in a stretch of blanks and comments, trimmed.
fn comments(raw: Option<&RawString>) -> Vec<String> {
    comment_lines(raw.and_then(RawString::as_str).unwrap_or(""))
}

fn comment_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// The comments of a stretch that starts on the line of the code before it: those on that
/// line, and those on the lines after.
fn split_head(raw: Option<&RawString>) -> (Vec<String>, Vec<String>) {
    let s = raw.and_then(RawString::as_str).unwrap_or("");
    match s.split_once('\n') {
        Some((head, rest)) => (comment_lines(head), comment_lines(rest)),
        None => (comment_lines(s), Vec::new()),
    }
}

/// The comments before a header, split at the last blank line among them: those before it
/// end the table above, those after it belong to the header.
fn split_at_blank(raw: Option<&RawString>) -> (Vec<String>, Vec<String>) {
    let s = raw.and_then(RawString::as_str).unwrap_or("");
    let lines: Vec<&str> = s.split('\n').collect();
    // The last piece is the start of the header's own line.
    let blank = lines[..lines.len() - 1]
        .iter()
        .rposition(|l| l.trim().is_empty());
    match blank {
        Some(i) => (
            comment_lines(&lines[..i].join("\n")),
            comment_lines(&lines[i + 1..].join("\n")),
        ),
        None => (Vec::new(), comment_lines(s)),
    }
}

/// Removes and returns the comments that open the file: those before its first key or
/// header (all of them, in a file of comments only).
fn take_preamble(doc: &mut DocumentMut) -> Vec<String> {
    if doc.as_table().is_empty() {
        let out = comments(Some(doc.trailing()));
        doc.set_trailing("");
        return out;
    }
    if let Some(out) = take_first_value_prefix(doc.as_table_mut()) {
        return out;
    }
    // No top-level key: the comments sit before the first header.
    match first_header(doc.as_table()) {
        Some(position) => take_header_prefix(doc.as_table_mut(), position).unwrap_or_default(),
        None => Vec::new(),
    }
}

/// The comments before the table's first `key = value` line, removed; through dotted keys.
fn take_first_value_prefix(t: &mut Table) -> Option<Vec<String>> {
    let k = t
        .iter()
        .find(|(_, item)| item.is_value() || item.as_table().is_some_and(Table::is_dotted))
        .map(|(k, _)| k.to_owned())?;
    let mut out = Vec::new();
    if let Some(mut key) = t.key_mut(&k) {
        out.extend(comments(key.leaf_decor().prefix()));
        key.leaf_decor_mut().set_prefix("");
        out.extend(comments(key.dotted_decor().prefix()));
        key.dotted_decor_mut().set_prefix("");
    }
    if let Some(Item::Table(d)) = t.get_mut(&k)
        && d.is_dotted()
        && let Some(more) = take_first_value_prefix(d)
    {
        out.extend(more);
    }
    Some(out)
}

/// The position of the first header in the file.
fn first_header(t: &Table) -> Option<isize> {
    let mut first: Option<isize> = None;
    let mut see = |p: Option<isize>| {
        if let Some(p) = p {
            first = Some(first.map_or(p, |f| f.min(p)));
        }
    };
    for (_, item) in t {
        match item {
            Item::Table(c) => {
                see(c.position());
                see(first_header(c));
            }
            Item::ArrayOfTables(a) => {
                for c in a {
                    see(c.position());
                    see(first_header(c));
                }
            }
            _ => {}
        }
    }
    first
}

/// The comments before the header at `position`, removed.
fn take_header_prefix(t: &mut Table, position: isize) -> Option<Vec<String>> {
    for (_, item) in t.iter_mut() {
        let tables: Vec<&mut Table> = match item {
            Item::Table(c) => vec![c],
            Item::ArrayOfTables(a) => a.iter_mut().collect(),
            _ => Vec::new(),
        };
        for c in tables {
            if c.position() == Some(position) {
                let out = comments(c.decor().prefix());
                c.decor_mut().set_prefix("");
                return Some(out);
            }
            if let Some(out) = take_header_prefix(c, position) {
                return Some(out);
            }
        }
    }
    None
}

/// A top-level array: on one line when it fits and holds no comment (never `citations`),
/// else one element per line.
fn top_array(lhs: &str, name: &str, block: &Block) -> String {
    if !block.has_comments() && (name != "citations" || block.lines.is_empty()) {
        let parts: Vec<&str> = block.lines.iter().map(|l| l.text.as_str()).collect();
        let one_line = format!("[{}]", parts.join(", "));
        if lhs.chars().count() + one_line.chars().count() <= MAX_WIDTH {
            return one_line;
        }
    }
    block.render('[', ']', 0)
}

fn render_top_string(lhs: &str, s: &str) -> String {
    let one_line = quote(s);
    let breakable = s.contains('\n')
        || (lhs.chars().count() + one_line.chars().count() > MAX_WIDTH && break_points(s));
    if breakable { multi_line(s) } else { one_line }
}

/// Whether `s` has a space the wrapper may break after.
fn break_points(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == ' ' && !w[1].is_whitespace())
}

/// A multi-line basic string: real line breaks kept, long lines wrapped after a space with a
/// line-ending backslash.
fn multi_line(s: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Words end after a space that is followed by a non-blank character.
        let chars: Vec<char> = line.chars().collect();
        let mut words: Vec<String> = Vec::new();
        let mut word = String::new();
        for (j, &c) in chars.iter().enumerate() {
            escape_into(&mut word, c, true);
            let next_is_text = chars.get(j + 1).is_some_and(|n| !n.is_whitespace());
            if c == ' ' && next_is_text {
                words.push(std::mem::take(&mut word));
            }
        }
        words.push(word);
        let mut width = 0;
        for (j, w) in words.iter().enumerate() {
            let len = w.chars().count();
            if j > 0 && width + len + 1 > WRAP_WIDTH {
                out.push_str("\\\n");
                width = 0;
            }
            out.push_str(w);
            width += len;
        }
    }
    out.push_str("\"\"\"");
    out
}

/// `s` as a TOML basic string on one line, `"..."`, escaping only `"`, `\` and control
/// characters.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        escape_into(&mut out, c, false);
    }
    out.push('"');
    out
}

fn escape_into(out: &mut String, c: char, multi_line: bool) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' if multi_line => out.push('\n'),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        c if c.is_control() => {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        }
        c => out.push(c),
    }
}

fn render_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        key.to_owned()
    } else {
        quote(key)
    }
}

/// A value inside a line `indent` deep: on one line unless it holds a comment.
fn render(value: &Value, ctx: Ctx, indent: usize) -> String {
    match value {
        Value::String(s) => quote(s.value()),
        Value::Integer(i) => i.value().to_string(),
        Value::Float(f) => Value::from(*f.value()).to_string().trim().to_owned(),
        Value::Boolean(b) => b.value().to_string(),
        Value::Datetime(d) => d.value().to_string(),
        Value::Array(a) => {
            if value_has_comments(value) {
                return array_block(a, ctx, indent).render('[', ']', indent);
            }
            let parts: Vec<String> = a.iter().map(|v| render(v, ctx, indent)).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::InlineTable(t) => {
            if inline_has_comments(t) {
                return inline_block(t, ctx, indent).render('{', '}', indent);
            }
            let entries: Vec<(String, &Value)> = t.iter().map(|(k, v)| (k.to_owned(), v)).collect();
            let parts: Vec<String> = ctx
                .arrange(entries)
                .iter()
                .map(|(k, v)| format!("{} = {}", render_key(k), render(v, ctx.child(k), indent)))
                .collect();
            inline(&parts)
        }
    }
}

/// A table (a `[header]` table or dotted keys) as an inline table.
fn render_table(t: &Table, ctx: Ctx, indent: usize) -> String {
    let entries: Vec<(String, &Item)> = t.iter().map(|(k, v)| (k.to_owned(), v)).collect();
    let parts: Vec<String> = ctx
        .arrange(entries)
        .into_iter()
        .filter_map(|(k, item)| {
            let child = ctx.child(&k);
            let value = match item {
                Item::None => return None,
                Item::Value(v) => render(v, child, indent),
                Item::Table(c) => render_table(c, child, indent),
                Item::ArrayOfTables(a) => {
                    let block = tables_block(a, child, indent);
                    if block.has_comments() {
                        block.render('[', ']', indent)
                    } else {
                        let parts: Vec<&str> =
                            block.lines.iter().map(|l| l.text.as_str()).collect();
                        format!("[{}]", parts.join(", "))
                    }
                }
            };
            Some(format!("{} = {value}", render_key(&k)))
        })
        .collect();
    inline(&parts)
}

fn inline(parts: &[String]) -> String {
    if parts.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}

/// Checks that `after`, the canonical form of `before`, parses into the same data and holds
/// every comment of `before` (and the directive `added`, if one was), each as often.
fn verify(before: &str, after: &str, added: Option<&str>) -> Result<(), ParseError> {
    let refuse = |line, col, what: String| ParseError {
        line,
        col,
        message: format!(
            "its canonical form {what}, so it is left as it was (a bug of `cargo xtask fmt`: \
             please report it)"
        ),
    };
    let data_before: toml::Table = toml::from_str(before).map_err(|e| {
        let (line, col) = line_col(before, e.span().map_or(0, |s| s.start));
        ParseError {
            line,
            col,
            message: e.message().trim().to_owned(),
        }
    })?;
    let data_after: toml::Table = toml::from_str(after)
        .map_err(|e| refuse(1, 1, format!("does not parse ({})", e.message().trim())))?;
    if !same_table(&data_before, &data_after) {
        return Err(refuse(1, 1, "changes the data".to_owned()));
    }
    let found = comments_in(before);
    let mut want: Vec<&str> = found.iter().map(|(_, c)| *c).chain(added).collect();
    let mut got: Vec<&str> = comments_in(after).into_iter().map(|(_, c)| c).collect();
    want.sort_unstable();
    got.sort_unstable();
    if want == got {
        return Ok(());
    }
    let count = |list: &[&str], c: &str| list.iter().filter(|x| **x == c).count();
    match found
        .iter()
        .find(|(_, c)| count(&want, c) != count(&got, c))
    {
        Some((offset, c)) => {
            let (line, col) = line_col(before, *offset);
            Err(refuse(
                line,
                col,
                format!("loses or repeats the comment `{c}`"),
            ))
        }
        None => Err(refuse(1, 1, "adds a comment".to_owned())),
    }
}

fn same_table(a: &toml::Table, b: &toml::Table) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| same_value(v, w)))
}

/// Equal values; floats bit for bit (so that `nan` equals `nan`, and `-0.0` differs from
/// `0.0`).
fn same_value(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value as V;
    match (a, b) {
        (V::Float(x), V::Float(y)) => x.to_bits() == y.to_bits(),
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_value(v, w))
        }
        (V::Table(x), V::Table(y)) => same_table(x, y),
        _ => a == b,
    }
}

/// Every comment of a TOML text, in order: its byte offset and its text from `#` to the end
/// of its line (trailing blanks removed). A `#` inside a string is not a comment.
pub fn comments_in(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                out.push((i, text[i..end].trim_end()));
                i = end;
            }
            q @ (b'"' | b'\'') => {
                let triple = [q, q, q];
                if b[i..].starts_with(&triple) {
                    i += 3;
                    while i < b.len() {
                        if q == b'"' && b[i] == b'\\' {
                            i += 2;
                        } else if b[i..].starts_with(&triple) {
                            // Up to two quotes before the closing three belong to the string.
                            i += 3;
                            while i < b.len() && b[i] == q {
                                i += 1;
                            }
                            break;
                        } else {
                            i += 1;
                        }
                    }
                } else {
                    i += 1;
                    while i < b.len() && b[i] != b'\n' {
                        if q == b'"' && b[i] == b'\\' {
                            i += 2;
                        } else if b[i] == q {
                            i += 1;
                            break;
                        } else {
                            i += 1;
                        }
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_strings_only() {
        let text = "a = \"# no\" # yes 1\nb = '''\n# no\n''' # yes 2\nc = \"\"\"x\"\"\"\"\" # yes 3\n\
                    d = \"\\\"# no\"\n# yes 4\r\n[e] #yes 5";
        let found: Vec<&str> = comments_in(text).into_iter().map(|(_, c)| c).collect();
        assert_eq!(
            found,
            ["# yes 1", "# yes 2", "# yes 3", "# yes 4", "#yes 5"]
        );
    }

    /// The last guard: a canonical form that would lose a comment or change the data is
    /// refused, with the place of what it would lose.
    #[test]
    fn a_lossy_result_is_refused() {
        let before = "a = 1\n# keep me\nb = 2\n";
        assert_eq!(verify(before, "a = 1\n# keep me\nb = 2\n", None), Ok(()));
        assert_eq!(verify(before, "# keep me\nb = 2\na = 1\n", None), Ok(()));
        let lost = verify(before, "a = 1\nb = 2\n", None).expect_err("a comment is lost");
        assert_eq!((lost.line, lost.col), (2, 1));
        assert!(lost.message.contains("`# keep me`"), "{}", lost.message);
        let changed = verify(before, "a = 1\n# keep me\nb = 3\n", None).expect_err("changed");
        assert!(
            changed.message.contains("changes the data"),
            "{}",
            changed.message
        );
        let added = verify(before, "#:schema x\na = 1\n# keep me\nb = 2\n", None);
        assert!(added.is_err(), "an unexpected comment is refused too");
        assert_eq!(
            verify(
                before,
                "#:schema x\na = 1\n# keep me\nb = 2\n",
                Some("#:schema x")
            ),
            Ok(())
        );
        assert_eq!(verify("x = nan\n", "x = nan\n", None), Ok(()));
        assert!(verify("x = 0.0\n", "x = -0.0\n", None).is_err());
    }

    #[test]
    fn the_default_directive_matches_the_dataset_layout() {
        assert_eq!(
            default_directive(RecordKind::Entity).as_deref(),
            Some("#:schema ../../../schema/entity.schema.json")
        );
        assert_eq!(default_directive(RecordKind::Dataset), None);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_where_it_stops_being_utf8() {
        let err = format_bytes(b"a = 1\nb = \"\xff\"\n", None).expect_err("not UTF-8");
        assert_eq!(
            (err.line, err.col, err.message.as_str()),
            (2, 6, "not UTF-8")
        );
    }
}
