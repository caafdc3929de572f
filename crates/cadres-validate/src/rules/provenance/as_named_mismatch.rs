//! Rule `as-named-mismatch` (E0414).

declare_rule! {
    /// `as-named` says how a quote names the claim's subject or value, so its key must be one
    /// of those two entities and its words must be in the quote. An entry keyed by another
    /// entity, or with words the quote does not hold (a spelling of our own, "Peking" for
    /// "Beijing"), would vouch for a name the source never gave.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing", as-named = { beijing = "Peking" } }]
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
    pub AS_NAMED_MISMATCH = "E0414" "as-named-mismatch" Error Provenance "An `as-named` entry is keyed by the claim's subject or by the entity that is its value, and its words occur in the citation's quote (matched as names are).";
}

use super::names;
use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Report, Sink};

/// Every `as-named` entry of the claim's citations is keyed by the claim's subject or value
/// entity, and its words occur in the quote.
pub(crate) fn check(c: &ClaimAt<'_>, sink: &mut impl Sink) -> Flow {
    let subject = &c.subject.id;
    let value = c.claim.value.as_entity();
    for (j, cit) in c.claim.citations.iter().enumerate() {
        if cit.as_named.is_empty() {
            continue;
        }
        let quote = cit.quote.as_deref().map(names::key);
        for (id, words) in &cit.as_named {
            let pointer = || format!("{}/citations/{j}/as-named/{id}", c.pointer());
            if id != subject && Some(id) != value {
                sink.report(&AS_NAMED_MISMATCH, c.file, || {
                    let message = match value {
                        Some(v) => format!(
                            "`{id}` is neither the claim's subject `{subject}` nor its value `{v}`"
                        ),
                        None => format!(
                            "`{id}` is not the claim's subject `{subject}`, and its value is no entity"
                        ),
                    };
                    Report::at_key(pointer(), message)
                        .label("not an entity of this claim")
                        .help(
                            "key `as-named` by the subject's or the value's id, or remove the entry",
                        )
                })?;
            } else if !quote
                .as_deref()
                .is_some_and(|q| names::occurs(&names::key(words), q))
            {
                sink.report(&AS_NAMED_MISMATCH, c.file, || {
                    let (message, help) = if quote.is_some() {
                        (
                            format!("the quote does not contain the words {words:?}"),
                            "copy the words that name it from the quote, as the quote writes them",
                        )
                    } else {
                        (
                            format!(
                                "this citation has no quote for the words {words:?} to occur in"
                            ),
                            "add the quote that names it, or remove the entry",
                        )
                    };
                    Report::at(pointer(), message)
                        .label("not in the quote")
                        .help(help)
                })?;
            }
        }
    }
    GO_ON
}
