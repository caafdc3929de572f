//! Rule `non-canonical-encoding` (W0115).

declare_rule! {
    /// `cargo xtask fmt` saves every file the same way, so that a diff shows only what changed.
    /// A file with CRLF line endings or a byte-order mark reads the same, but each of its lines
    /// shows as changed when it is saved again, and a multi-line string keeps its carriage
    /// returns. It is a warning: the checker reads the file all the same.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     article.toml    CRLF line endings (5 of 5 lines)
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     article.toml    LF line endings, no byte-order mark: as `cargo xtask fmt` writes it
    /// ```
    pub NON_CANONICAL_ENCODING = "W0115" "non-canonical-encoding" Warning Structure "A file is saved as `cargo xtask fmt` writes it: UTF-8 without a byte-order mark, with LF line endings.";
}

use crate::Diagnostic;

/// `non-canonical-encoding`: no byte-order mark, no CRLF line ending. TOML allows both, and
/// the formatter removes them.
pub(crate) fn check(file: &str, text: &str, out: &mut Vec<Diagnostic>) {
    if text.starts_with('\u{FEFF}') {
        out.push(
            Diagnostic::new(
                &NON_CANONICAL_ENCODING,
                file,
                "the file starts with a byte-order mark (U+FEFF)",
            )
            .at(text, 0..'\u{FEFF}'.len_utf8())
            .label("byte-order mark here")
            .help("run `cargo xtask fmt` to save it without one, or save it as UTF-8 without BOM"),
        );
    }
    // A `\r` is found by `memchr`, much faster than a two-byte search on every file.
    let crlf = text
        .match_indices('\r')
        .map(|(at, _)| at)
        .find(|&at| text.as_bytes().get(at + 1) == Some(&b'\n'));
    if let Some(at) = crlf {
        let lines = text.matches("\r\n").count();
        out.push(
            Diagnostic::new(
                &NON_CANONICAL_ENCODING,
                file,
                format!(
                    "the file has CRLF line endings ({lines} of {} lines)",
                    text.lines().count()
                ),
            )
            // The `\r` alone, so that the span stays on its line.
            .at(text, at..at + 1)
            .label("this line ends in CRLF")
            .help("run `cargo xtask fmt` to save it with LF line endings"),
        );
    }
}
