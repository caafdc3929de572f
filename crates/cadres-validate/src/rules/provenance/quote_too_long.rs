//! Rule `quote-too-long` (E0403).

declare_rule! {
    /// A quote is evidence for one claim, not a copy of the source: the words that support the
    /// claim, and no more. Short quotes are easy to verify and stay within fair use of texts
    /// under copyright. More than 300 characters is a passage, and the claim is likely better
    /// split or the quote cut.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// # the quote goes on to 341 characters
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Conference met in Beijing, in Beijing, in Beijing, in Beijing, …" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing" }]
    /// ```
    pub QUOTE_TOO_LONG = "E0403" "quote-too-long" Error Provenance "A quote is short: at most 300 characters.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Report, Sink};

/// The longest quote, in characters.
pub const MAX_QUOTE_CHARS: usize = 300;

/// No quote of the claim's citations is longer than [`MAX_QUOTE_CHARS`].
pub(crate) fn check(c: &ClaimAt<'_>, sink: &mut impl Sink) -> Flow {
    for (j, cit) in c.claim.citations.iter().enumerate() {
        let Some(q) = &cit.quote else { continue };
        if q.chars().nth(MAX_QUOTE_CHARS).is_none() {
            continue;
        }
        sink.report(&QUOTE_TOO_LONG, c.file, || {
            let n = q.chars().count();
            Report::at(
                format!("{}/citations/{j}/quote", c.pointer()),
                format!("this quote has {n} characters, more than {MAX_QUOTE_CHARS}"),
            )
            .label("too long")
            .help("quote only the words that support the claim")
        })?;
    }
    GO_ON
}
