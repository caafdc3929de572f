//! Rule `missing-archived-text` (E0411).

declare_rule! {
    /// With `--archive DIR`, every source a citation reads from must have its text in the
    /// archive as `<source-id>.txt`, in UTF-8; otherwise its quotes cannot be checked at all
    /// and the check would pass for want of evidence. A text under another name counts as
    /// missing.
    ///
    /// ## Fails
    /// ```text
    /// archive/
    ///   another-source.txt
    /// dataset/sources/article.toml    the `source` of two citations
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// archive/
    ///   article.txt    the text that was read, as archived
    /// dataset/sources/article.toml
    /// ```
    pub MISSING_ARCHIVED_TEXT = "E0411" "missing-archived-text" Error Provenance "With `--archive`, the archive holds the text (`<source-id>.txt`, UTF-8) of every source a citation names as its `source`.";
}

use crate::Diagnostic;
use crate::checks::Index;

/// The report on the source `id`, in the file `fi`, whose text the archive does not have
/// in a usable form: `why` says what it has instead.
pub(crate) fn report(ix: &Index<'_>, fi: usize, id: &str, why: &str) -> Diagnostic {
    ix.at_key(
        &MISSING_ARCHIVED_TEXT,
        fi,
        "/id",
        format!("the archive has no usable text of `{id}`: {why}"),
    )
    .label("read, but not in the archive")
    .help(format!(
        "put the text that was read in the archive as `{id}.txt`, exactly as archived"
    ))
}
