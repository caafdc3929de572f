//! Rule `quote-not-in-archive` (E0404).

declare_rule! {
    /// A quote is only evidence if the source says it. With `--archive DIR`, the checker looks
    /// for each quote in the archived text of its source (both in NFC, whitespace folded), so
    /// that a misremembered date or a paraphrase in quotation marks is caught; it shows the
    /// closest passage it found.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; the archive's article.txt reads
    /// # "The conference met in Beijing, from 11 January 1962"
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "article", locator = "lead", quote = "The conference met in Beijing, from 12 January 1962" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "article", locator = "lead", quote = "The conference met in Beijing, from 11 January 1962" }]
    /// ```
    pub QUOTE_NOT_IN_ARCHIVE = "E0404" "quote-not-in-archive" Error Provenance "With `--archive`, a quote occurs in its source's text (after NFC and whitespace folding).";
}

use crate::Diagnostic;
use crate::archive::{closest_passage, fold};
use crate::checks::Index;
use crate::verified::Quoted;

/// The quote `q` of the source `id` occurs in `text`, its archived text already folded
/// ([`fold`]): `Ok`, or the report, which shows the closest passage.
pub(crate) fn check(
    ix: &Index<'_>,
    id: &str,
    text: &str,
    q: &Quoted<'_>,
) -> Result<(), Box<Diagnostic>> {
    let folded = fold(q.quote);
    if folded.is_empty() || text.contains(&folded) {
        return Ok(());
    }
    let d = ix
        .at(
            &QUOTE_NOT_IN_ARCHIVE,
            q.file,
            &q.pointer,
            format!("this quote does not occur in the archived text of `{id}`"),
        )
        .label("not found verbatim");
    Err(Box::new(match closest_passage(text, &folded) {
        Some(p) => d.help(format!("the closest passage is: {p:?}")),
        None => d.help("copy the words exactly as the source prints them"),
    }))
}
