//! Quote verification against an archive of source texts (`<source-id>.txt`).
//!
//! A quote matches when it occurs in the text after both are put in Unicode NFC and every
//! run of whitespace is folded into one space. When it does not, the closest passage is
//! found by sliding a window of the quote's length (in words; each Han character counts
//! as a word) over the text and keeping the window sharing the most words with the quote:
//! one pass, linear in the text.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::checks::Index;
use crate::scan::is_han;
use crate::{Diagnostic, Error, rules};

/// NFC, then whitespace runs folded to one space, ends trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for c in text.nfc() {
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

/// The passage of `text` (already folded) sharing the most words with `quote`.
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
    let (mut best, mut best_at) = (-1i64, 0usize);
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
        if score > best {
            best = score;
            best_at = (i + 1).saturating_sub(n);
        }
    }
    let mut last = (best_at + n).min(t.len()) - 1;
    // Trim words at either end that the quote does not have.
    while best_at < last && !want.contains_key(t[best_at].0.as_str()) {
        best_at += 1;
    }
    while last > best_at && !want.contains_key(t[last].0.as_str()) {
        last -= 1;
    }
    Some(&text[t[best_at].1..t[last].2])
}

/// Checks every quote whose source has a text in `dir`.
pub(crate) fn verify(dir: &Path, ix: &Index<'_>, out: &mut Vec<Diagnostic>) -> Result<(), Error> {
    if !dir.is_dir() {
        return Err(Error::Folder {
            path: dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
        });
    }
    let mut texts: HashMap<&str, Option<String>> = HashMap::new();
    for c in &ix.claims {
        for (j, cit) in c.claim.citations.iter().enumerate() {
            let Some(quote) = &cit.quote else { continue };
            let source = cit.source.as_str();
            let text = texts.entry(source).or_insert_with(|| {
                fs::read_to_string(dir.join(format!("{source}.txt")))
                    .ok()
                    .map(|t| fold(&t))
            });
            let Some(text) = text else { continue };
            let q = fold(quote);
            if q.is_empty() || text.contains(&q) {
                continue;
            }
            let mut d = ix
                .at(
                    &rules::QUOTE_NOT_IN_ARCHIVE,
                    c.file,
                    &format!("{}/citations/{j}/quote", c.pointer()),
                    format!("this quote does not occur in the archived text of `{source}`"),
                )
                .label("not found verbatim");
            d = match closest_passage(text, &q) {
                Some(p) => d.help(format!("the closest passage is: {p:?}")),
                None => d.help("copy the words exactly as the source prints them"),
            };
            out.push(d);
        }
    }
    Ok(())
}
