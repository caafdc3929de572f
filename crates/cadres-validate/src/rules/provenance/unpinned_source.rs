//! Rule `unpinned-source` (E0408).

declare_rule! {
    /// A web page changes and a book has editions; a quote can only be verified against the
    /// text that was actually read. The pin, `archived-text = { sha256, length }`, records that
    /// text, so that anyone holding the archive can check every quote against it. `cargo xtask
    /// archive verify` writes it; a source only named under `cites` needs none.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml, the `source` of the conference's citations
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// archived-text = { sha256 = "7613cb7aff6e0f9dd07126901b3deb5247c3435efc19160ef2be764e452c1297", length = 605 }
    /// ```
    pub UNPINNED_SOURCE = "E0408" "unpinned-source" Error Provenance "Every source a citation names as its `source` pins the text that was read: `archived-text = { sha256, length }`, written by `cargo xtask archive verify`.";
}

use crate::Diagnostic;
use crate::checks::Index;
use crate::verified::{Quoted, VERIFY_COMMAND};

/// The report on the source `id`, in the file `fi`, that claims were read from but that
/// pins no text; its `quotes` wait on the pin.
pub(crate) fn report(ix: &Index<'_>, fi: usize, id: &str, quotes: &[Quoted<'_>]) -> Diagnostic {
    let mut d = ix
        .at_key(
            &UNPINNED_SOURCE,
            fi,
            "/id",
            format!("claims were read from `{id}`, but it does not pin the text that was read"),
        )
        .label("no `archived-text`")
        .help(format!(
            "put the text that was read in the archive as `{id}.txt` and run `{VERIFY_COMMAND}`, which writes `archived-text`"
        ));
    if !quotes.is_empty() {
        d.note = Some(format!(
            "{} cannot be verified until it is pinned",
            super::unverified_quote::quotes_in_files(quotes)
        ));
    }
    d
}
