//! Rule `limit-exceeded` (E0113).

declare_rule! {
    /// A hand-edited dataset never comes near these limits, so a file that does is broken or
    /// hostile: a string of 10000 characters is not a sentence, tables nested 17 deep are not a
    /// record. Holding the limits of `docs/format.md` keeps every tool that reads the dataset
    /// fast and safe; record files beyond the millionth are not read.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   entities/
    ///     place/
    ///       beijing.toml    description = "Beijing.Beijing.Beijing.…", 10001 characters
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   entities/
    ///     place/
    ///       beijing.toml    description = "A city, the place of the fixture's meeting."
    /// ```
    pub LIMIT_EXCEEDED = "E0113" "limit-exceeded" Error Structure "A dataset stays within the limits of `docs/format.md`: at most 1000000 record files, tables and lists nested at most 16 deep, strings of at most 10000 characters.";
}

use crate::limits::{MAX_DEPTH, MAX_STRING_CHARS};
use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// Whether a table or list at `depth` (the top table is depth 0) nests too deep.
pub(crate) fn too_deep(depth: usize) -> bool {
    depth > MAX_DEPTH
}

/// Whether a string value holds more than [`MAX_STRING_CHARS`] characters. Its length in
/// bytes bounds its count of characters, so most strings are judged without decoding.
pub(crate) fn too_long(s: &str) -> bool {
    s.len() > MAX_STRING_CHARS && s.chars().nth(MAX_STRING_CHARS).is_some()
}

/// The table or list at `pointer`, `depth` deep, nests no deeper than the limit.
pub(crate) fn check_depth(file: FileNo, pointer: &str, depth: usize, sink: &mut impl Sink) -> Flow {
    if !too_deep(depth) {
        return GO_ON;
    }
    sink.report(&LIMIT_EXCEEDED, file, || {
        Report::at(
            pointer,
            format!("tables and lists nest {depth} deep here, more than the limit of {MAX_DEPTH}"),
        )
        .label("nested too deep")
        .help("records nest a few levels deep: flatten this value")
    })
}

/// The string at `pointer` is no longer than the limit.
pub(crate) fn check_length(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    if !too_long(s) {
        return GO_ON;
    }
    sink.report(&LIMIT_EXCEEDED, file, || {
        Report::at(
            pointer,
            format!(
                "this text has {} characters, more than the limit of {MAX_STRING_CHARS}",
                s.chars().count()
            ),
        )
        .label("text too long")
        .help("a field holds a sentence or a paragraph: shorten it")
    })
}

/// The walk found at most `max_files` record files; if it found more, the report, made on
/// `last`, the last file it keeps.
pub(crate) fn check_file_count(
    found: usize,
    max_files: usize,
    last: &str,
) -> Option<crate::Diagnostic> {
    let over = found.checked_sub(max_files).filter(|&over| over > 0)?;
    Some(
        crate::Diagnostic::new(
            &LIMIT_EXCEEDED,
            last,
            format!(
                "the dataset holds more than {max_files} record files; the {over} after this one were not read"
            ),
        )
        .help("a dataset this large is not what the tools are built for: split it"),
    )
}

/// Whether a TOML parser error is its own nesting bound, met before ours could be measured.
pub(crate) fn is_parser_nesting(message: &str) -> bool {
    message.contains("recursion limit")
}

/// The report on a nesting past the TOML parser's bound, at `span` of `text`.
pub(crate) fn parser_nesting(
    file: &str,
    text: &str,
    span: std::ops::Range<usize>,
    message: &str,
) -> crate::Diagnostic {
    crate::Diagnostic::new(
        &LIMIT_EXCEEDED,
        file,
        format!(
            "tables, lists or dotted keys nest too deep for the TOML parser ({message}); the limit is {MAX_DEPTH}"
        ),
    )
    .at(text, span)
    .label("nesting too deep")
    .help("records nest a few levels deep: flatten this value")
}
