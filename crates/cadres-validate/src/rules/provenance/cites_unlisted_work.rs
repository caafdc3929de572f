//! Rule `cites-unlisted-work` (E0406).

declare_rule! {
    /// A work under `cites` says that the source itself cites it at this point; the source's
    /// `references` list is where that is recorded once for all its citations. A cited work
    /// missing from the list is either a slip or a claim about the source that its own
    /// description does not back.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml has no `references`
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "It met from 11 January - 7 February 1962", as-named = { example-conference = "It" }, cites = ["example-book"] }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// references = ["example-book"]
    /// ```
    pub CITES_UNLISTED_WORK = "E0406" "cites-unlisted-work" Error Provenance "A work under `cites` is in the citation source's `references`.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Namespace, Report, Sink};

/// Every work a citation lists under `cites` is among its source's references.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for (j, cit) in c.claim.citations.iter().enumerate() {
        let Some((file, s)) = cx.source(cit.source.as_str()) else {
            continue;
        };
        for (k, w) in cit.cites.iter().enumerate() {
            // The source itself is `cites-own-source`'s; an unknown work `unknown-source`'s.
            if *w == cit.source || !cx.knows(Namespace::Source, w.as_str()) {
                continue;
            }
            if s.references.contains(w) {
                continue;
            }
            sink.report(&CITES_UNLISTED_WORK, c.file, || {
                Report::at(
                    format!("{}/citations/{j}/cites/{k}", c.pointer()),
                    format!("`{}` does not list `{w}` among its references", s.id),
                )
                .label("not in the source's references")
                .help(format!(
                    "add `{w}` to `references` in `{file}`, or remove it here"
                ))
            })?;
        }
    }
    GO_ON
}
