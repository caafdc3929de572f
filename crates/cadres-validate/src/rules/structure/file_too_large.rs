//! Rule `file-too-large` (E0108).

declare_rule! {
    /// A record is a few kilobytes of hand-edited TOML; a file over 1 MiB is a mistake (a
    /// pasted book, a generated dump) that would slow every check and every editor. The checker
    /// does not read past the limit, so a huge file cannot exhaust its memory; git cannot
    /// easily hold such a fixture, so a test of its own covers the rule.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    1,300,000 bytes: the book's whole text pasted into `note`
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    2,000 bytes: the book described, its text kept in the archive
    /// ```
    pub FILE_TOO_LARGE = "E0108" "file-too-large" Error Structure "A file is at most 1 MiB.";
}

use crate::Diagnostic;
use crate::limits::MAX_FILE_BYTES;

/// Whether a file of `len` bytes is over the limit, and so is not read.
pub(crate) fn too_large(len: u64) -> bool {
    len > MAX_FILE_BYTES
}

/// The report on `file`, of `len` bytes, when [`too_large`].
pub(crate) fn report(file: &str, len: u64) -> Diagnostic {
    Diagnostic::new(
        &FILE_TOO_LARGE,
        file,
        format!("this file has {len} bytes, more than the limit of 1 MiB"),
    )
    .help("a record is a few kilobytes; split it, or move long text out of the dataset")
}
