//! Rule `unverified-quote` (E0410).

declare_rule! {
    /// Most contributors and every CI run have no archive, so the checker cannot look a quote
    /// up in its source. `quotes.lock` records each quote found in the pinned text when `cargo
    /// xtask archive verify --archive DIR` last ran; a quote not in it was added or changed
    /// since and has not been checked against the text.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; the quote was edited, `quotes.lock` holds the old one
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing, from" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml; `cargo xtask archive verify --archive DIR`
    /// # found the quote in the pinned text and recorded it in `quotes.lock`
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing" }]
    /// ```
    pub UNVERIFIED_QUOTE = "E0410" "unverified-quote" Error Provenance "Every quote is in `quotes.lock`, the record of quotes found in the text their source pins: run `cargo xtask archive verify --archive DIR` after adding or changing one.";
}

use std::collections::BTreeSet;

use cadres_model::{Sha256, TextPin};

use super::unpinned_source;
use crate::Diagnostic;
use crate::checks::Index;
use crate::render::plural;
use crate::verified::{
    LOCK_FILE, Lock, Locked, Quoted, Read, VERIFY_COMMAND, quote_hash, read_from,
};

/// Where a source's quotes stand with the record of verified quotes.
#[derive(Clone, Copy)]
pub(crate) enum Standing<'l> {
    /// The source pins no text, so no quote of it can be verified: `unpinned-source`.
    Unpinned,
    /// There is no record, or none that can be read.
    NoRecord,
    /// The record has no entry for the source.
    NoEntry,
    /// The record's entry for the source is of another text than the one it pins.
    OtherText(&'l Locked),
    /// The record's entry is of the pinned text: each quote is verified if the entry holds
    /// it, and one it does not hold is that quote's problem alone.
    Entry(&'l Locked),
}

/// Where the quotes of the source `id`, which pins `pin`, stand with `lock`.
pub(crate) fn standing<'l>(
    lock: Option<&'l Lock>,
    id: &str,
    pin: Option<&TextPin>,
) -> Standing<'l> {
    let Some(pin) = pin else {
        return Standing::Unpinned;
    };
    let Some(lock) = lock else {
        return Standing::NoRecord;
    };
    match lock.sources.get(id) {
        None => Standing::NoEntry,
        Some(l) if l.sha256.as_ref() == Some(&pin.sha256) => Standing::Entry(l),
        Some(l) => Standing::OtherText(l),
    }
}

/// "3 quotes in 2 files".
pub(super) fn quotes_in_files(quotes: &[Quoted<'_>]) -> String {
    let files: BTreeSet<usize> = quotes.iter().map(|q| q.file).collect();
    format!(
        "{} in {}",
        plural(quotes.len(), "quote"),
        plural(files.len(), "file")
    )
}

/// The rules on pins and the record: every source read pins its text, and every quote is
/// in the record, verified against that text. With what the archive gave (`texts`), a
/// quote that is not in its text is left to `quote-not-in-archive`, and one that is gets
/// a help saying so.
pub(crate) fn check(
    ix: &Index<'_>,
    read: &Read,
    texts: Option<&crate::archive::Found>,
    out: &mut Vec<Diagnostic>,
) {
    let sources = read_from(ix);
    let all: Vec<&Quoted<'_>> = sources.values().flat_map(|s| &s.2).collect();
    match read {
        Read::Broken(d, _) => {
            let mut d = d.clone();
            if !all.is_empty() {
                d.note = Some(format!(
                    "no quote can be checked against it: {} wait on this file",
                    plural(all.len(), "quote")
                ));
            }
            out.push(*d);
        }
        Read::Missing if !all.is_empty() => {
            let files: BTreeSet<usize> = all.iter().map(|q| q.file).collect();
            out.push(
                Diagnostic::new(
                    &UNVERIFIED_QUOTE,
                    LOCK_FILE,
                    format!(
                        "there is no record of verified quotes (`{LOCK_FILE}`): none of the {} in {} is verified",
                        plural(all.len(), "quote"),
                        plural(files.len(), "file")
                    ),
                )
                .help(format!(
                    "verify every quote against the archived texts, which writes the record: `{VERIFY_COMMAND}`"
                )),
            );
        }
        Read::Missing | Read::Found(..) => {}
    }
    for (id, (fi, source, quotes)) in &sources {
        // A source the streaming driver left unloaded (`fi` is `None`) is pinned, and the
        // record holds the text it pins, or the stream sends the dataset to the full check:
        // only its quotes can be at fault, and they are pointed at in their own files.
        let standing = standing(read.lock(), id, source.archived_text.as_ref());
        if let Standing::Entry(l) = standing {
            let in_text = texts.and_then(|t| t.pins.contains_key(*id).then(|| t.quotes.get(*id)));
            for q in quotes {
                let h = quote_hash(q.quote);
                if l.holds(&h) {
                    continue;
                }
                let help = match in_text {
                    Some(found) if found.is_some_and(|f| f.contains(&h)) => {
                        format!("it occurs in the archived text: record it with `{VERIFY_COMMAND}`")
                    }
                    // Not in the text: `quote-not-in-archive` says so.
                    Some(_) => continue,
                    None => format!(
                        "check it against the text that was read, then run `{VERIFY_COMMAND}`"
                    ),
                };
                out.push(
                    ix.at(
                        &UNVERIFIED_QUOTE,
                        q.file,
                        &q.pointer,
                        format!("this quote is not verified against the archived text of `{id}`"),
                    )
                    .label("new or changed since verification")
                    .help(help),
                );
            }
            continue;
        }
        let Some(fi) = fi else { continue };
        match standing {
            Standing::Unpinned => out.push(unpinned_source::report(ix, *fi, id, quotes)),
            // Reported once, on the record, above.
            Standing::NoRecord | Standing::Entry(_) => {}
            _ if quotes.is_empty() => {}
            Standing::NoEntry => out.push(
                ix.at(
                    &UNVERIFIED_QUOTE,
                    *fi,
                    "/archived-text",
                    format!(
                        "no quote of `{id}` is verified: `{LOCK_FILE}` has no entry for it ({} unverified)",
                        quotes_in_files(quotes)
                    ),
                )
                .label("not verified against")
                .help(format!("verify them against its archived text: `{VERIFY_COMMAND}`")),
            ),
            Standing::OtherText(l) => {
                let mut d = ix
                    .at(
                        &UNVERIFIED_QUOTE,
                        *fi,
                        "/archived-text/sha256",
                        format!(
                            "the quotes of `{id}` were verified against another text than the one pinned here ({} unverified)",
                            quotes_in_files(quotes)
                        ),
                    )
                    .label("not the text of the record")
                    .help(format!("verify them against the pinned text: `{VERIFY_COMMAND}`"));
                d.note = Some(format!(
                    "`{LOCK_FILE}` says they were found in the text with sha256 {}",
                    l.sha256.as_ref().map_or("(none)", Sha256::as_str)
                ));
                out.push(d);
            }
        }
    }
}
