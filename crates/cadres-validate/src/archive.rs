//! Quote verification against an archive of source texts (`<source-id>.txt`).
//!
//! A quote matches when it occurs in the text after both are put in Unicode NFC and every
//! run of whitespace is folded into one space. When it does not, the closest passage is
//! found by sliding a window of the quote's length (in words; each Han character counts
//! as a word) over the text and keeping the window sharing the most words with the quote:
//! one pass, linear in the text.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use cadres_model::TextPin;
use unicode_normalization::UnicodeNormalization;

use crate::checks::Index;
use crate::rules::provenance::{missing_archived_text, pin_mismatch, quote_not_in_archive};
use crate::verified::{self, QuoteHash};
use crate::{Diagnostic, Error};
use cadres_model::is_han;

/// NFC, then whitespace runs folded to one space, ends trimmed.
pub fn fold(text: &str) -> String {
    folded(text).into_owned()
}

/// [`fold`], borrowing the text when it is folded already ([`is_folded`]).
pub(crate) fn folded(text: &str) -> Cow<'_, str> {
    if is_folded(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalized(text))
    }
}

/// [`fold`] a character at a time: what every text that is not [`is_folded`] takes.
fn normalized(text: &str) -> String {
    // Most text is already in NFC, which the quick check tells without composing.
    let quick = unicode_normalization::is_nfc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes;
    let chars: Box<dyn Iterator<Item = char>> = if quick {
        Box::new(text.chars())
    } else {
        Box::new(text.nfc())
    };
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for c in chars {
        if c.is_whitespace() {
            blank = true;
        } else {
            if blank && !out.is_empty() {
                out.push(' ');
            }
            blank = false;
            out.push(c);
        }
    }
    out
}

/// Whether [`fold`] leaves `text` as it is, judged without normalizing: its characters are
/// all [`plain`](crate::rules::text::is_plain) (in NFC whatever stands beside them), none
/// is whitespace but single spaces between words. A quick test for most text, not the
/// whole answer: `false` says only that the text has something else in it.
pub(crate) fn is_folded(text: &str) -> bool {
    if text.starts_with(' ') || text.ends_with(' ') {
        return false;
    }
    let mut space = false;
    for c in text.chars() {
        let kept = match c {
            ' ' => !space,
            // `char::is_whitespace` of ASCII but the space.
            '\t'..='\r' => false,
            c => crate::rules::text::is_plain(c),
        };
        if !kept {
            return false;
        }
        space = c == ' ';
    }
    true
}

/// The words of `text` with their byte ranges: runs of letters and digits, each Han
/// character alone; lowercased for comparison.
fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let han = is_han(c);
        if c.is_alphanumeric() && !han {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((text[s..i].to_lowercase(), s, i));
        }
        if han {
            out.push((c.to_string(), i, i + c.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push((text[s..].to_lowercase(), s, text.len()));
    }
    out
}

/// The passage of `text` (already folded) sharing the most words with `quote`: the window
/// of the quote's length in words holding most of its words, and among those the one with
/// most words in the quote's own positions, so that a misspelled word shows in place
/// ("took place in Bejing" finds "took place in Beijing", not "Conference took place in").
pub fn closest_passage<'t>(text: &'t str, quote: &str) -> Option<&'t str> {
    let q = words(quote);
    let t = words(text);
    let n = q.len();
    if n == 0 || t.is_empty() {
        return None;
    }
    let mut want: HashMap<&str, i64> = HashMap::new();
    for (w, ..) in &q {
        *want.entry(w.as_str()).or_default() += 1;
    }
    let mut have: HashMap<&str, i64> = HashMap::new();
    let mut score = 0i64;
    let (mut best, mut starts) = (-1i64, Vec::new());
    for (i, (w, ..)) in t.iter().enumerate() {
        let h = have.entry(w.as_str()).or_default();
        if *h < want.get(w.as_str()).copied().unwrap_or(0) {
            score += 1;
        }
        *h += 1;
        if i >= n {
            let old = t[i - n].0.as_str();
            let h = have.entry(old).or_default();
            *h -= 1;
            if *h < want.get(old).copied().unwrap_or(0) {
                score -= 1;
            }
        }
        let start = (i + 1).saturating_sub(n);
        if score > best {
            best = score;
            starts.clear();
        }
        if score == best && starts.last() != Some(&start) {
            starts.push(start);
        }
    }
    let aligned = |start: usize| {
        q.iter()
            .zip(&t[start..])
            .filter(|((a, ..), (b, ..))| a == b)
            .count()
    };
    let mut first = starts[0];
    for &s in &starts[1..] {
        if aligned(s) > aligned(first) {
            first = s;
        }
    }
    let last = (first + n).min(t.len()) - 1;
    Some(&text[t[first].1..t[last].2])
}

/// What an archive check is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `check --archive`: each text must be the one its source pins.
    Check,
    /// `archive verify`: the texts are pinned anew.
    Verify,
}

/// What the archive gave: the pin of each text read, and each quote found in it.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// By source id: the source's file and the pin of its archived text.
    pub(crate) pins: BTreeMap<String, (usize, TextPin)>,
    /// By source id: the hash of each quote found in its text.
    pub(crate) quotes: BTreeMap<String, BTreeSet<QuoteHash>>,
    /// How many citations' quotes were found.
    pub(crate) citations: usize,
}

/// Finds every quote in the archived text of its source, in `dir`: each source that
/// claims were read from must have its text there, and (in [`Mode::Check`]) that text
/// must be the one the source pins; a source whose text differs has its quotes left
/// unchecked, since the mismatch is their root.
pub(crate) fn verify(
    dir: &Path,
    ix: &Index<'_>,
    mode: Mode,
    out: &mut Vec<Diagnostic>,
) -> Result<Found, Error> {
    if !dir.is_dir() {
        return Err(Error::Folder {
            path: dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
        });
    }
    let mut found = Found::default();
    for (id, (fi, source, quotes)) in verified::read_from(ix) {
        // With an archive every file is loaded: every source read has its file.
        let Some(fi) = fi else { continue };
        let name = format!("{id}.txt");
        let path = dir.join(&name);
        let missing = |why: String| missing_archived_text::report(ix, fi, id, &why);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(missing(format!("it holds no `{name}`")));
                continue;
            }
            Err(e) => {
                out.push(missing(format!("its `{name}` cannot be read ({e})")));
                continue;
            }
        };
        let pin = verified::pin_of(&bytes);
        if mode == Mode::Check
            && let Some(d) = pin_mismatch::check(ix, fi, source, &name, &pin, quotes.len())
        {
            out.push(d);
            continue;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            out.push(missing(format!("its `{name}` is not UTF-8 text")));
            continue;
        };
        let text = fold(&text);
        let hashes = found.quotes.entry(id.to_owned()).or_default();
        for q in quotes {
            match quote_not_in_archive::check(ix, id, &text, &q) {
                Ok(()) => {
                    hashes.insert(verified::quote_hash(q.quote));
                    found.citations += 1;
                }
                Err(d) => out.push(*d),
            }
        }
        found.pins.insert(id.to_owned(), (fi, pin));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::{fold, is_folded, normalized};

    #[test]
    fn folded_text_is_what_folding_leaves_alone() {
        // Whitespace of every kind, characters that compose, and the ends of and the
        // neighbours of the shortcut's ranges.
        let alphabet = [
            'a', 'Z', '1', ' ', '\t', '\n', '\u{b}', '\u{1c}', '\u{85}', '\u{a0}', '\u{3000}',
            '\u{301}', 'e', 'Å', '\u{212b}', '\u{3001}', '\u{3011}', '\u{3012}', '\u{302a}',
            '\u{4dff}', '\u{4e00}', '\u{9fff}', '\u{a000}', '\u{f900}', '\u{ff01}', '\u{ff20}',
            'Ａ', '七',
        ];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..3 {
            last = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        let mut folded = 0;
        for text in &texts {
            if is_folded(text) {
                folded += 1;
                assert_eq!(normalized(text), *text, "{text:?}");
            }
            assert_eq!(fold(text), normalized(text), "{text:?}");
        }
        assert!(folded > 1_000, "{folded}");
    }
}
