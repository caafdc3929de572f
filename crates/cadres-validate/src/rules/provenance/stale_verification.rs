//! Rule `stale-verification` (W0415).

declare_rule! {
    /// An entry of `quotes.lock` that matches no quote of any citation is left over from a
    /// quote since changed or removed. It is a warning, since no claim rests on it; with
    /// `--archive DIR` the checker finds it, and `cargo xtask archive verify` writes the record
    /// again without it.
    ///
    /// ## Fails
    /// ```toml
    /// # quotes.lock: the first hash is of a quote no citation holds any more
    /// [sources.article]
    /// sha256 = "5f70d2d7996866fc679aaee593abb4755239606608110c1b969344f9f07d7e8a"
    /// quotes = """
    /// 13e18cd62ee5381cabb8ac044af11768
    /// 9e4afe44ce83ba8993de3116302bccea
    /// """
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # quotes.lock, as `cargo xtask archive verify --archive DIR` writes it again
    /// [sources.article]
    /// sha256 = "5f70d2d7996866fc679aaee593abb4755239606608110c1b969344f9f07d7e8a"
    /// quotes = """
    /// 9e4afe44ce83ba8993de3116302bccea
    /// """
    /// ```
    pub STALE_VERIFICATION = "W0415" "stale-verification" Warning Provenance "With `--archive`, every entry of `quotes.lock` matches a quote of a citation; `cargo xtask archive verify` drops the others.";
}

use std::collections::BTreeSet;
use std::path::Path;

use crate::Diagnostic;
use crate::checks::Index;
use crate::verified::{LOCK_FILE, Read, VERIFY_COMMAND, places, quote_hash, quote_key, read_from};

/// Entries of the record that match no citation any more: a quote changed or removed, a
/// source no longer read. Only with the archive, since only then can the record be
/// written again; never while an entity file is unread, whose quotes are not known.
pub(crate) fn check(ix: &Index<'_>, read: &Read, dataset: &Path, out: &mut Vec<Diagnostic>) {
    let Read::Found(lock) = read else {
        return;
    };
    if crate::roots::entity_unread(ix.roots) {
        return;
    }
    let sources = read_from(ix);
    // The places, read again only now that an entry may have to be pointed at.
    let places = places(dataset);
    let mut entries: Vec<_> = lock.sources.iter().collect();
    entries.sort_unstable_by_key(|(id, _)| id.as_str());
    for (id, locked) in entries {
        let Some((_, _, quotes)) = sources.get(id.as_str()) else {
            let d = Diagnostic::new(
                &STALE_VERIFICATION,
                LOCK_FILE,
                format!(
                    "`{LOCK_FILE}` verifies quotes of `{id}`, but no claim is read from it any more"
                ),
            );
            let d = match places
                .as_ref()
                .and_then(|(p, t)| Some((p.sources.get(id)?, t)))
            {
                Some((r, text)) => d.at(text, r.clone()).label("no claim read from it"),
                None => d,
            };
            out.push(d.help(format!("write the record again: `{VERIFY_COMMAND}`")));
            continue;
        };
        let cited: BTreeSet<u64> = quotes
            .iter()
            .map(|q| quote_key(&quote_hash(q.quote)))
            .collect();
        for h in &locked.quotes {
            if cited.contains(h) {
                continue;
            }
            let d = Diagnostic::new(
                &STALE_VERIFICATION,
                LOCK_FILE,
                format!("this entry verifies a quote of `{id}` that no citation holds any more"),
            );
            let at = places.as_ref().and_then(|(p, t)| {
                let r = p.quotes.get(id)?.iter().find(|(x, _)| quote_key(x) == *h)?;
                Some((r.1.clone(), t))
            });
            let d = match at {
                Some((r, text)) => d.at(text, r).label("matches no quote"),
                None => d,
            };
            out.push(d.help(format!(
                "write the record again, which drops it: `{VERIFY_COMMAND}`"
            )));
        }
    }
}
