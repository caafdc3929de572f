//! `cargo xtask fmt`: rewrite dataset files into one canonical form, keeping their comments.
//!
//! The formatter parses each file with `toml_edit` and writes it out again from the parsed
//! tree, so the result depends only on the data and the comments, never on how the file was
//! laid out. The canonical form:
//!
//! - The `#:schema` directive is the first line, followed by the other comments that
//!   opened the file.
//! - Keys come in the order of the tables in `docs/format.md` for the file's kind (known from
//!   its path, else from its `#:schema` directive); unknown keys follow, in their order.
//!   Keys of maps (`labels`, `aliases`, `qualifiers`) are sorted.
//! - Top-level keys and the keys of each `[[claims]]` or `[[property]]` table are written one
//!   per line as `key = value`; every other table is written inline, `{ a = 1, b = 2 }`.
//!   A sub-table written as `[labels]` or `[[claims.citations]]` becomes inline.
//! - Exactly one blank line before each `[[claims]]` or `[[property]]` header (none when
//!   the header directly follows the opening comments), no other blank lines.
//! - Strings are basic strings, `"..."`, escaping only `"`, `\` and control characters.
//!   A top-level string whose line would be longer than [`MAX_WIDTH`] characters is written
//!   as a multi-line string wrapped at spaces into lines of at most [`WRAP_WIDTH`]
//!   characters, each ending in a line-ending backslash, which TOML removes together with
//!   the line break, so the value is unchanged. A string holding a line break is always
//!   multi-line. Strings inside inline tables and arrays stay on one line.
//! - `citations` arrays are written one element per line with a trailing comma; other
//!   top-level arrays too when they hold comments or do not fit on one line of
//!   [`MAX_WIDTH`] characters. Nested arrays stay on one line.
//! - Numbers in their plain form (`7000`, `30.0`).
//! - Comments are kept: a comment above a key stays above it (and moves with it); a
//!   comment at the end of a line stays there; a comment inside an inline value moves above
//!   its key.
//!
//! A file that does not parse (or is not UTF-8) is reported with its line and column and left
//! untouched; a symbolic link is skipped.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use cadres_model::schema::RecordKind;
use toml_edit::{DocumentMut, InlineTable, Item, Key, RawString, Table, Value};

/// The longest line the formatter writes on purpose, in characters: a longer top-level
/// string becomes multi-line, a longer top-level array one element per line.
pub const MAX_WIDTH: usize = 100;

/// The width, in characters, at which a long string is wrapped.
pub const WRAP_WIDTH: usize = 80;

/// The comment that names a file's JSON Schema, for taplo and editors.
pub const DIRECTIVE: &str = "#:schema";

/// Why a file could not be formatted: it is not TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column (in characters) of the error.
    pub col: usize,
    /// What the parser says.
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Formats one file's text. `kind` is the file's record kind when known (see
/// [`kind_from_path`]); without it, the kind is read from the `#:schema` directive, and a file
/// of unknown kind keeps its key order.
pub fn format_text(text: &str, kind: Option<RecordKind>) -> Result<String, ParseError> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        let offset = e.span().map_or(0, |s| s.start);
        let (line, col) = line_col(text, offset);
        let message = e.message().lines().next().unwrap_or("invalid TOML").trim();
        ParseError {
            line,
            col,
            message: message.to_owned(),
        }
    })?;
    let kind = kind.or_else(|| kind_from_directive(text));
    let root_ctx = match kind {
        Some(RecordKind::Metadata) => Ctx::Metadata,
        Some(RecordKind::Properties) => Ctx::PropertiesFile,
        Some(RecordKind::Source) => Ctx::Source,
        Some(RecordKind::Entity) => Ctx::Entity,
        Some(RecordKind::Dataset) | None => Ctx::Any,
    };

    let mut preamble = take_preamble(&mut doc);
    let mut trailing = Vec::new();
    comments(Some(doc.trailing()), &mut trailing);

    let mut out = String::new();
    // The directive first, wherever it was: `comments` leaves it out everywhere else.
    if let Some(directive) = text
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(DIRECTIVE))
    {
        preamble.insert(0, directive.to_owned());
    }
    for c in &preamble {
        out.push_str(c);
        out.push('\n');
    }

    let root = doc.as_table();
    let list_key = root_ctx.record_list();
    let is_record_list = |key: &str, item: &Item| {
        if root_ctx == Ctx::Any {
            item.is_array_of_tables()
        } else {
            list_key == Some(key) && record_elements(item).is_some()
        }
    };
    let entries: Vec<(&Key, &Item)> = ordered(root, root_ctx)
        .into_iter()
        .filter(|(k, item)| !is_record_list(k.get(), item))
        .collect();
    write_body(&mut out, &entries, root_ctx);

    // A blank line before each header, unless only the opening comments precede it.
    let mut content = !entries.is_empty();
    for (key, item) in ordered(root, root_ctx) {
        if !is_record_list(key.get(), item) {
            continue;
        }
        let child = root_ctx.child(key.get());
        let mut key_comments = Vec::new();
        comments(key.leaf_decor().prefix(), &mut key_comments);
        for element in record_elements(item).unwrap_or_default() {
            if content {
                out.push('\n');
            }
            content = true;
            let (header_comments, suffix, body) = match element {
                Element::Table(t) => {
                    let mut before = Vec::new();
                    comments(t.decor().prefix(), &mut before);
                    let mut after = Vec::new();
                    comments(t.decor().suffix(), &mut after);
                    (before, after, ordered(t, child))
                }
                Element::Inline(t) => {
                    let mut before = Vec::new();
                    comments(t.decor().prefix(), &mut before);
                    let mut after = Vec::new();
                    comments(t.decor().suffix(), &mut after);
                    comments(Some(t.trailing()), &mut after);
                    (before, after, ordered_inline(t, child))
                }
            };
            for c in key_comments.drain(..).chain(header_comments) {
                out.push_str(&c);
                out.push('\n');
            }
            let _ = write!(out, "[[{}]]", render_key(key.get()));
            push_suffix(&mut out, &suffix);
            out.push('\n');
            write_body(&mut out, &body, child);
        }
    }
    for c in &trailing {
        out.push_str(c);
        out.push('\n');
    }
    Ok(out)
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
        .find_map(|l| l.trim().strip_prefix(DIRECTIVE))?
        .trim();
    let file = target.rsplit('/').next()?;
    RecordKind::ALL
        .into_iter()
        .find(|k| file == k.schema_file_name())
}

/// What `run` did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Already canonical.
    Unchanged,
    /// Differs from its canonical form (and was rewritten unless checking).
    Changed,
    /// Does not parse; left as it was.
    Invalid(ParseError),
    /// A symbolic link, left alone (the validator reports links).
    Link,
}

/// Formats one file in place (or only compares, when `check`).
pub fn format_file(path: &Path, check: bool) -> anyhow::Result<Outcome> {
    let meta = fs::symlink_metadata(path).with_context(|| format!("reading {}", path.display()))?;
    if meta.file_type().is_symlink() {
        return Ok(Outcome::Link);
    }
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let (line, col) = line_col(&valid, valid.len());
            return Ok(Outcome::Invalid(ParseError {
                line,
                col,
                message: "not UTF-8".to_owned(),
            }));
        }
    };
    let formatted = match format_text(&text, kind_from_path(path)) {
        Ok(f) => f,
        Err(e) => return Ok(Outcome::Invalid(e)),
    };
    if formatted == text {
        return Ok(Outcome::Unchanged);
    }
    if !check {
        write_atomically(path, &formatted)?;
    }
    Ok(Outcome::Changed)
}

/// Every `.toml` file under `dir`, sorted.
pub fn toml_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `cargo xtask fmt`: formats `files`, or every `.toml` file under `dataset` when none is
/// given. With `check`, only lists the files that differ. Exit 1 when a file differs (with
/// `check`) or does not parse.
pub fn run(dataset: &Path, files: &[PathBuf], check: bool) -> anyhow::Result<ExitCode> {
    let files = if files.is_empty() {
        toml_files(dataset)?
    } else {
        files.to_vec()
    };
    let (mut changed, mut invalid) = (0, 0);
    for path in &files {
        match format_file(path, check)? {
            Outcome::Unchanged => {}
            Outcome::Changed => {
                changed += 1;
                if check {
                    println!("{}", path.display());
                } else {
                    eprintln!("formatted {}", path.display());
                }
            }
            Outcome::Invalid(e) => {
                invalid += 1;
                eprintln!("error: {}:{e}", path.display());
            }
            Outcome::Link => eprintln!("skipped {}: a symbolic link", path.display()),
        }
    }
    if check && changed > 0 {
        eprintln!(
            "{changed} of {} files are not formatted: run `cargo xtask fmt`",
            files.len()
        );
    }
    if invalid > 0 {
        eprintln!("{invalid} files do not parse and were left as they are");
    }
    Ok(if invalid > 0 || (check && changed > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Replaces `path` with `text` through a temporary file in the same folder, so that the file
/// is never half written; keeps the file's permissions.
pub(crate) fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, text.as_bytes())?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(tmp.path(), meta.permissions())
            .with_context(|| format!("copying the permissions of {}", path.display()))?;
    }
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
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
            Ctx::Citation => &["source", "locator", "quote", "cites"],
            Ctx::Dispute => &["with", "relation"],
            Ctx::Any | Ctx::Labels | Ctx::Aliases | Ctx::Qualifiers => &[],
        }
    }

    /// Maps keyed by data (language tags, property ids) are sorted by key.
    fn sorted(self) -> bool {
        matches!(self, Ctx::Labels | Ctx::Aliases | Ctx::Qualifiers)
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

fn ordered(table: &Table, ctx: Ctx) -> Vec<(&Key, &Item)> {
    let entries: Vec<(String, (&Key, &Item))> = table
        .iter()
        .filter_map(|(k, _)| table.get_key_value(k).map(|kv| (k.to_owned(), kv)))
        .collect();
    ctx.arrange(entries).into_iter().map(|(_, kv)| kv).collect()
}

fn ordered_inline(table: &InlineTable, ctx: Ctx) -> Vec<(&Key, &Item)> {
    let entries: Vec<(String, (&Key, &Item))> = table
        .iter()
        .filter_map(|(k, _)| table.get_key_value(k).map(|kv| (k.to_owned(), kv)))
        .collect();
    ctx.arrange(entries).into_iter().map(|(_, kv)| kv).collect()
}

enum Element<'a> {
    Table(&'a Table),
    Inline(&'a InlineTable),
}

/// The elements of a record list, when every element is a table.
fn record_elements(item: &Item) -> Option<Vec<Element<'_>>> {
    match item {
        Item::ArrayOfTables(a) => Some(a.iter().map(Element::Table).collect()),
        Item::Value(Value::Array(a)) if !a.is_empty() => a
            .iter()
            .map(|v| v.as_inline_table().map(Element::Inline))
            .collect(),
        _ => None,
    }
}

/// Removes and returns the comments that open the file: those before its first key or header.
fn take_preamble(doc: &mut DocumentMut) -> Vec<String> {
    let mut out = Vec::new();
    let root = doc.as_table_mut();
    let first_value = root
        .iter()
        .find(|(_, item)| item.is_value() || item.as_table().is_some_and(Table::is_dotted))
        .map(|(k, _)| k.to_owned());
    if let Some(k) = first_value {
        if let Some(mut key) = root.key_mut(&k) {
            comments(key.leaf_decor().prefix(), &mut out);
            key.leaf_decor_mut().set_prefix("");
            comments(key.dotted_decor().prefix(), &mut out);
            key.dotted_decor_mut().set_prefix("");
        }
        return out;
    }
    // No top-level key: the comments sit before the first header.
    let mut first: Option<(isize, &mut Table)> = None;
    for (_, item) in root.iter_mut() {
        let tables: Vec<&mut Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter_mut().collect(),
            _ => Vec::new(),
        };
        for t in tables {
            if let Some(p) = t.position()
                && first.as_ref().is_none_or(|(q, _)| p < *q)
            {
                first = Some((p, t));
            }
        }
    }
    if let Some((_, t)) = first {
        comments(t.decor().prefix(), &mut out);
        t.decor_mut().set_prefix("");
    }
    out
}

/// The comment lines in a stretch of whitespace and comments, trimmed.
fn comments(raw: Option<&RawString>, out: &mut Vec<String>) {
    if let Some(s) = raw.and_then(RawString::as_str) {
        out.extend(
            s.lines()
                .map(str::trim)
                .filter(|l| l.starts_with('#') && !l.starts_with(DIRECTIVE))
                .map(str::to_owned),
        );
    }
}

/// Every comment inside a value, in file order.
fn value_comments(value: &Value, out: &mut Vec<String>) {
    comments(value.decor().prefix(), out);
    match value {
        Value::Array(a) => {
            for v in a {
                value_comments(v, out);
            }
            comments(Some(a.trailing()), out);
        }
        Value::InlineTable(t) => value_comments_shallow(t, out),
        _ => {}
    }
    comments(value.decor().suffix(), out);
}

/// Every comment inside an inline table, but not around it.
fn value_comments_shallow(t: &InlineTable, out: &mut Vec<String>) {
    for (k, _) in t {
        if let Some((key, item)) = t.get_key_value(k) {
            key_comments(key, out);
            item_comments(item, out);
        }
    }
    comments(Some(t.trailing()), out);
}

fn key_comments(key: &Key, out: &mut Vec<String>) {
    comments(key.leaf_decor().prefix(), out);
    comments(key.dotted_decor().prefix(), out);
    comments(key.dotted_decor().suffix(), out);
    comments(key.leaf_decor().suffix(), out);
}

/// Every comment inside an item, headers included, in file order.
fn item_comments(item: &Item, out: &mut Vec<String>) {
    match item {
        Item::None => {}
        Item::Value(v) => value_comments(v, out),
        Item::Table(t) => table_comments(t, out),
        Item::ArrayOfTables(a) => {
            for t in a {
                table_comments(t, out);
            }
        }
    }
}

fn table_comments(t: &Table, out: &mut Vec<String>) {
    comments(t.decor().prefix(), out);
    comments(t.decor().suffix(), out);
    for (k, _) in t {
        if let Some((key, item)) = t.get_key_value(k) {
            key_comments(key, out);
            item_comments(item, out);
        }
    }
}

/// Comments at the end of a line, two spaces after the code.
fn push_suffix(out: &mut String, suffix: &[String]) {
    for c in suffix {
        out.push_str("  ");
        out.push_str(c);
    }
}

/// Writes `key = value` lines.
fn write_body(out: &mut String, entries: &[(&Key, &Item)], ctx: Ctx) {
    for (key, item) in entries {
        let name = key.get();
        let child = ctx.child(name);
        let mut before = Vec::new();
        comments(key.leaf_decor().prefix(), &mut before);
        comments(key.dotted_decor().prefix(), &mut before);
        let mut after = Vec::new();
        let lhs = format!("{} = ", render_key(name));
        let rhs = match item {
            Item::Value(Value::String(s)) => {
                comments(item.as_value().and_then(|v| v.decor().suffix()), &mut after);
                render_top_string(&lhs, s.value())
            }
            Item::Value(Value::Array(a)) => {
                comments(a.decor().suffix(), &mut after);
                let (elements, trailing) = array_elements(a);
                render_top_array(&lhs, name, &elements, &trailing, child)
            }
            Item::ArrayOfTables(a) => {
                let elements = a
                    .iter()
                    .map(|t| {
                        let mut c = Vec::new();
                        table_comments(t, &mut c);
                        Line {
                            before: c,
                            after: Vec::new(),
                            value: Value::InlineTable(t.clone().into_inline_table()),
                        }
                    })
                    .collect::<Vec<_>>();
                render_top_array(&lhs, name, &elements, &[], child)
            }
            Item::Value(v) => {
                comments(v.decor().prefix(), &mut before);
                if let Value::InlineTable(t) = v {
                    value_comments_shallow(t, &mut before);
                }
                comments(v.decor().suffix(), &mut after);
                render_value(v, child)
            }
            Item::Table(t) => {
                table_comments(t, &mut before);
                render_value(&Value::InlineTable(t.clone().into_inline_table()), child)
            }
            Item::None => continue,
        };
        for c in &before {
            out.push_str(c);
            out.push('\n');
        }
        out.push_str(&lhs);
        out.push_str(&rhs);
        push_suffix(out, &after);
        out.push('\n');
    }
}

/// One element of an array written one per line, with the comments above it and at the end
/// of its line.
struct Line {
    before: Vec<String>,
    after: Vec<String>,
    value: Value,
}

/// The elements of an array with their comments, and the comments before its `]`. A comment
/// on the same line as an element, after its comma, is parsed into the next element's
/// prefix; it is given back to the element whose line it ends.
fn array_elements(a: &toml_edit::Array) -> (Vec<Line>, Vec<String>) {
    let mut lines: Vec<Line> = Vec::new();
    for v in a {
        let prefix = v.decor().prefix().and_then(RawString::as_str).unwrap_or("");
        let (head, tail) = prefix.split_once('\n').unwrap_or((prefix, ""));
        let mut before = Vec::new();
        match lines.last_mut() {
            Some(previous) => comments(Some(&RawString::from(head)), &mut previous.after),
            None => comments(Some(&RawString::from(head)), &mut before),
        }
        comments(Some(&RawString::from(tail)), &mut before);
        match v {
            Value::Array(inner) => {
                for e in inner {
                    value_comments(e, &mut before);
                }
                comments(Some(inner.trailing()), &mut before);
            }
            Value::InlineTable(t) => value_comments_shallow(t, &mut before),
            _ => {}
        }
        comments(v.decor().suffix(), &mut before);
        lines.push(Line {
            before,
            after: Vec::new(),
            value: v.clone(),
        });
    }
    let trailing = a.trailing().as_str().unwrap_or("");
    let (head, tail) = trailing.split_once('\n').unwrap_or((trailing, ""));
    let mut rest = Vec::new();
    match lines.last_mut() {
        Some(last) => comments(Some(&RawString::from(head)), &mut last.after),
        None => comments(Some(&RawString::from(head)), &mut rest),
    }
    comments(Some(&RawString::from(tail)), &mut rest);
    (lines, rest)
}

/// A top-level array: on one line when it fits and holds no comment (never `citations`),
/// else one element per line.
fn render_top_array(
    lhs: &str,
    name: &str,
    elements: &[Line],
    trailing: &[String],
    ctx: Ctx,
) -> String {
    let has_comments = !trailing.is_empty()
        || elements
            .iter()
            .any(|l| !l.before.is_empty() || !l.after.is_empty());
    if !has_comments && (name != "citations" || elements.is_empty()) {
        let parts: Vec<String> = elements
            .iter()
            .map(|l| render_value(&l.value, ctx))
            .collect();
        let one_line = format!("[{}]", parts.join(", "));
        if lhs.chars().count() + one_line.chars().count() <= MAX_WIDTH {
            return one_line;
        }
    }
    let mut s = String::from("[\n");
    for line in elements {
        for c in &line.before {
            let _ = writeln!(s, "  {c}");
        }
        let _ = write!(s, "  {},", render_value(&line.value, ctx));
        push_suffix(&mut s, &line.after);
        s.push('\n');
    }
    for c in trailing {
        let _ = writeln!(s, "  {c}");
    }
    s.push(']');
    s
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

/// A value on one line.
fn render_value(value: &Value, ctx: Ctx) -> String {
    match value {
        Value::String(s) => quote(s.value()),
        Value::Integer(i) => i.value().to_string(),
        Value::Float(f) => Value::from(*f.value()).to_string().trim().to_owned(),
        Value::Boolean(b) => b.value().to_string(),
        Value::Datetime(d) => d.value().to_string(),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(|v| render_value(v, ctx)).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::InlineTable(t) => {
            let entries: Vec<(String, &Value)> = t.iter().map(|(k, v)| (k.to_owned(), v)).collect();
            let entries = ctx.arrange(entries);
            if entries.is_empty() {
                return "{}".to_owned();
            }
            let parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{} = {}", render_key(k), render_value(v, ctx.child(k))))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
    }
}
