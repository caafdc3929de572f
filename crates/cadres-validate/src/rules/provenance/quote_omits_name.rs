//! Rule `quote-omits-name` (E0412).

declare_rule! {
    /// A quote that does not name the claim's subject (or the entity that is its value) may be
    /// about something else: "from 11 January 1962" could be any meeting's date. The checker
    /// looks for one of the entity's labels or aliases in the quote, in any language; when the
    /// source names it otherwise ("It", "the meeting", a family name), `as-named` gives those
    /// words so that a reader sees how the quote names it.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "from 11 January - 7 February 1962" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "It met from 11 January - 7 February 1962", as-named = { example-conference = "It" } }]
    /// ```
    pub QUOTE_OMITS_NAME = "E0412" "quote-omits-name" Error Provenance "A quote names the claim's subject, and the entity that is its value if any: one of the entity's labels or aliases (any language) occurs in it as whole words, Han as a substring, after NFC and case folding; or the citation gives the words that name it as `as-named = { <entity-id> = \"…\" }` (a family name, a description, a pronoun).";
}

use cadres_model::Citation;

use super::ambiguous_name;
use super::names::{self, Naming};
use crate::Diagnostic;
use crate::checks::Index;
use crate::rules::lookup::ClaimAt;

/// How a citation's quote names the claim's subject and value entity (`quote-omits-name`,
/// `ambiguous-name`), and whether its `as-named` entries hold (`as-named-mismatch`).
pub(crate) fn check(
    ix: &Index<'_>,
    c: &ClaimAt<'_>,
    cp: &str,
    cit: &Citation,
    out: &mut Vec<Diagnostic>,
) {
    let fi = c.file;
    let subject = c.subject;
    let value = c.claim.value.as_entity();
    let quote = cit.quote.as_deref().map(names::key);
    let Some(quote) = quote else { return };
    let table = ix.names();
    // The subject's names from its own file (the table has those of the first file of each
    // id); the value's from the table.
    let first = ix
        .entities
        .get(subject.id.as_str())
        .is_some_and(|(_, e)| std::ptr::eq(*e, subject));
    let computed;
    let own = match table.entity(subject.id.as_str()) {
        Some((_, forms)) if first => forms,
        _ => {
            computed = names::forms(&subject.labels, &subject.aliases);
            &computed[..]
        }
    };
    let mut entities = vec![("subject", subject.id.as_str(), subject.kind, own, subject)];
    if let Some(v) = value
        && *v != subject.id
        && let Some((_, e)) = ix.entities.get(v.as_str())
        && let Some((kind, forms)) = table.entity(v.as_str())
    {
        entities.push(("value", v.as_str(), kind, forms, e));
    }
    for (role, id, kind, forms, e) in entities {
        if cit.as_named.keys().any(|k| k.as_str() == id) {
            continue;
        }
        let label = e.label();
        let declare = format!("`as-named = {{ {id} = \"…\" }}`");
        match names::naming(table, id, kind, forms, &quote) {
            Naming::Named => {}
            Naming::Omitted => out.push(
                ix.at(
                    &QUOTE_OMITS_NAME,
                    fi,
                    &format!("{cp}/quote"),
                    format!("the quote does not name the claim's {role} `{id}`: none of its labels and aliases occurs in it"),
                )
                .label(format!("does not name {label}"))
                .help(format!(
                    "lengthen the quote to the part of the sentence that names {label}, or declare the name form: {declare}"
                )),
            ),
            Naming::Ambiguous(name, rival) => {
                out.push(ambiguous_name::report(ix, fi, cp, role, id, e, name, rival));
            }
        }
    }
}
