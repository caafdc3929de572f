//! The committed record of verified quotes, `quotes.lock`, and what both checks ask of it.
//!
//! A quote is verified when it was found verbatim in the archived text of its source, the
//! text the source's `archived-text` pins. `cargo xtask archive verify --archive DIR`
//! finds every quote in its text and then writes the pins and this record: for each
//! source read, the SHA-256 of the text the quotes were found in, and a hash of each
//! quote found. A check without the archive compares every citation with the record, so
//! a quote added or changed since verification is caught on any machine; a check with
//! the archive also finds every quote in its text again.
//!
//! # Format
//!
//! TOML, written only by the verify step and sorted, so that it is a pure function of the
//! dataset and the archive:
//!
//! ```toml
//! version = 1
//!
//! [sources.example-article]
//! sha256 = "<the pinned text's SHA-256>"
//! quotes = """
//! <the quote's hash>
//! """
//! ```
//!
//! The hashes are one multi-line string, a hash a line: a reviewer sees each added or
//! dropped quote as one line of a diff, and a reader parses a million of them as one
//! string rather than a million (an array of strings took 0.8 GB to parse at that size).
//!
//! A quote's hash is the first 128 bits of the SHA-256 of the quote in NFC with every run
//! of whitespace folded into one space ([`crate::fold`]), as 32 hexadecimal digits: the
//! same normalization that finds a quote in its text.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest as _, Sha256 as Hasher};

use cadres_model::{Citation, Dataset, QuoteVerification, Sha256, Source, TextPin};

use crate::checks::Index;

use crate::archive::folded;
use crate::rules::provenance::unverified_quote::{Standing, standing};
use crate::{Diagnostic, rules};

/// The record's file name, in the dataset folder.
pub const LOCK_FILE: &str = "quotes.lock";

/// The version of the record's format this crate reads and writes.
const LOCK_VERSION: u32 = 1;

/// How [`lock_text`] lays out a source's table, piece by piece, and [`written`] reads it
/// back: `[sources.ID]`, its pin (`sha256 = "…"`), and its quotes' hashes in a multi-line
/// string (`quotes = """`, a hash a line, `"""`).
const TABLE_OPEN: &str = "[sources.";
const TABLE_PIN: &str = "]\nsha256 = \"";
const TABLE_QUOTES: &str = "\"\nquotes = \"\"\"\n";
const TABLE_CLOSE: &str = "\"\"\"\n";

/// The command that verifies quotes and writes the record, for help texts.
pub const VERIFY_COMMAND: &str = "cargo xtask archive verify --archive DIR";

/// A quote's hash, as the record keeps it.
pub type QuoteHash = [u8; 16];

/// The hash of `quote`: the first 128 bits of the SHA-256 of the quote as [`crate::fold`]
/// gives it (in NFC, its whitespace folded).
pub fn quote_hash(quote: &str) -> QuoteHash {
    let digest = Hasher::digest(folded(quote).as_bytes());
    let mut h = [0u8; 16];
    h.copy_from_slice(&digest[..16]);
    h
}

/// The first 64 bits of a quote's hash, as [`Locked`] holds them. A quote not verified
/// passes for one verified only if these bits equal those of a quote verified in the same
/// source: for a source of a thousand quotes, a chance of one in 10^16.
pub(crate) fn quote_key(h: &QuoteHash) -> u64 {
    let mut first = [0u8; 8];
    first.copy_from_slice(&h[..8]);
    u64::from_be_bytes(first)
}

/// The pin of an archived text: its SHA-256 and length.
pub fn pin_of(bytes: &[u8]) -> TextPin {
    TextPin {
        sha256: Sha256::from_digest(Hasher::digest(bytes).into()),
        length: bytes.len() as u64,
    }
}

fn hex(h: &QuoteHash) -> String {
    let mut s = String::with_capacity(32);
    for b in h {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn unhex(s: &str) -> Option<QuoteHash> {
    // Lowercase digits only, as [`hex`] writes them.
    fn nibble(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            _ => None,
        }
    }
    let bytes = s.as_bytes();
    if bytes.len() != 32 {
        return None;
    }
    let mut h = [0u8; 16];
    for (b, pair) in h.iter_mut().zip(bytes.chunks_exact(2)) {
        *b = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(h)
}

/// What the record holds for one source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Locked {
    /// The SHA-256 of the text the quotes were found in.
    pub(crate) sha256: Option<Sha256>,
    /// Each quote found, by its [`quote_key`], sorted: 8 bytes a quote, looked up by
    /// binary search. At a million quotes a map with each entry's place in the file held
    /// ten times as much, and the whole hashes (16 bytes) were the largest part of a check's
    /// memory after the sources' records.
    pub(crate) quotes: Vec<u64>,
}

impl Locked {
    /// Whether the record holds the quote of hash `h`.
    pub(crate) fn holds(&self, h: &QuoteHash) -> bool {
        self.quotes.binary_search(&quote_key(h)).is_ok()
    }
}

/// The record of verified quotes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lock {
    /// By source id, looked up once per citation.
    pub(crate) sources: crate::Map<String, Locked>,
}

/// Where the record's entries stand in its text, for the diagnostics that point into it:
/// read again, with spans, only when one is needed.
pub(crate) struct Places {
    /// Each source's table.
    pub(crate) sources: BTreeMap<String, Range<usize>>,
    /// Each quote's entry, by source.
    pub(crate) quotes: BTreeMap<String, Vec<(QuoteHash, Range<usize>)>>,
}

/// The record in `dataset` read again with the places of its entries, and its text.
pub(crate) fn places(dataset: &Path) -> Option<(Places, String)> {
    let text = text_of(dataset)?;
    Some((parse(&text).ok()?.1, text))
}

/// The record as read: what it holds, or why it cannot be used.
#[derive(Debug, Clone)]
pub(crate) enum Read {
    /// No `quotes.lock`: nothing is verified.
    Missing,
    /// The record. Its text is not kept: a diagnostic that points into it reads it again.
    Found(Lock),
    /// A record that cannot be used, with its text: every quote counts as unverified.
    Broken(Box<Diagnostic>, String),
}

impl Read {
    /// The record, if one could be read.
    pub(crate) fn lock(&self) -> Option<&Lock> {
        match self {
            Read::Found(l) => Some(l),
            _ => None,
        }
    }
}

/// The text of `quotes.lock` in `dataset`, for a diagnostic that points into it.
pub(crate) fn text_of(dataset: &Path) -> Option<String> {
    std::fs::read_to_string(dataset.join(LOCK_FILE)).ok()
}

impl Lock {
    /// Whether `quote`, cited from `source` whose text is pinned as `pin`, is verified:
    /// the record holds its hash, found in the text the pin names.
    pub(crate) fn verifies(&self, source: &str, pin: Option<&TextPin>, quote: &str) -> bool {
        match standing(Some(self), source, pin) {
            Standing::Entry(l) => l.holds(&quote_hash(quote)),
            _ => false,
        }
    }
}

/// The text of a `quotes.lock` recording `quotes` (by source id) as found in the texts
/// `pins` names: what `cargo xtask archive verify` writes.
pub fn lock_text(
    pins: &BTreeMap<String, TextPin>,
    quotes: &BTreeMap<String, BTreeSet<QuoteHash>>,
) -> String {
    let mut s = String::new();
    s.push_str(
        "# @generated by `cargo xtask archive verify --archive DIR`. Do not edit.\n\
         # The quotes found verbatim in the archived text each source was read from: for\n\
         # each source, the SHA-256 of that text (its `archived-text` pin) and the hash of\n\
         # each quote found (the first 128 bits of the SHA-256 of the quote in NFC, its\n\
         # whitespace folded). Verify again after adding or changing a quote.\n",
    );
    let _ = writeln!(s, "version = {LOCK_VERSION}");
    for (id, pin) in pins {
        for piece in [
            "\n",
            TABLE_OPEN,
            id,
            TABLE_PIN,
            pin.sha256.as_str(),
            TABLE_QUOTES,
        ] {
            s.push_str(piece);
        }
        for h in quotes.get(id).into_iter().flatten() {
            let _ = writeln!(s, "{}", hex(h));
        }
        s.push_str(TABLE_CLOSE);
    }
    s
}

/// Reads `quotes.lock` in `dataset`.
pub(crate) fn read(dataset: &Path) -> Read {
    let text = match std::fs::read(dataset.join(LOCK_FILE)) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Read::Missing,
        Err(e) => {
            return Read::Broken(
                Diagnostic::new(
                    &rules::UNREADABLE_FILE,
                    LOCK_FILE,
                    format!("the record of verified quotes cannot be read: {e}"),
                )
                .help("check the file's permissions")
                .into(),
                String::new(),
            );
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                return Read::Broken(
                    Diagnostic::new(
                        &rules::NOT_UTF8,
                        LOCK_FILE,
                        "the record of verified quotes is not UTF-8 text",
                    )
                    .help(format!("write it again: `{VERIFY_COMMAND}`"))
                    .into(),
                    String::new(),
                );
            }
        },
    };
    match fast(&text) {
        Some(lock) => Read::Found(lock),
        // The slow way says what is wrong, and where.
        None => match parse(&text) {
            Ok((lock, _)) => Read::Found(lock),
            Err(d) => Read::Broken(d, text),
        },
    }
}

/// The record read the fast way: no places kept; `None` at the first thing out of its
/// format, for [`parse`] to explain.
///
/// It is read one table at a time ([`tables`]): toml's lexer holds several times the text
/// it reads in tokens (six at the time of writing), and the record of a million quotes is
/// tens of megabytes. Read whole, it was the check's peak of memory.
fn fast(text: &str) -> Option<Lock> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Head {
        version: u32,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Tables {
        sources: BTreeMap<String, Entry>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        sha256: Sha256,
        #[serde(default)]
        quotes: String,
    }
    let mut chunks = tables(text);
    let head: Head = toml::from_str(chunks.next()?).ok()?;
    if head.version != LOCK_VERSION {
        return None;
    }
    let mut sources = crate::Map::default();
    for chunk in chunks {
        // A table as `lock_text` writes it is read by its layout; any other, by toml.
        let tables: Vec<(String, Sha256, Cow<'_, str>)> = match written(chunk) {
            Some((id, sha256, text)) => vec![(id, sha256, Cow::Borrowed(text))],
            None => toml::from_str::<Tables>(chunk)
                .ok()?
                .sources
                .into_iter()
                .map(|(id, e)| (id, e.sha256, Cow::Owned(e.quotes)))
                .collect(),
        };
        for (id, sha256, text) in tables {
            let locked = Locked {
                sha256: Some(sha256),
                quotes: quote_keys(&text)?,
            };
            // A table given twice is an error of the whole document: [`parse`] says so.
            if sources.insert(id, locked).is_some() {
                return None;
            }
        }
    }
    Some(Lock { sources })
}

/// A source's table exactly as [`lock_text`] writes it: its id (a bare key), pin and
/// quotes' text (`"""` and the newline after it left out, as toml leaves them). `None` for
/// a table laid out in any other way, which toml then reads (and judges). toml's lexer
/// looks for the end of a multi-line string one byte at a time, and the record of a million
/// quotes took most of a second to read that way.
fn written(chunk: &str) -> Option<(String, Sha256, &str)> {
    let rest = chunk.strip_prefix(TABLE_OPEN)?;
    let (id, rest) = rest.split_once(TABLE_PIN)?;
    let bare = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    if id.is_empty() || !id.bytes().all(bare) {
        return None;
    }
    let (sha256, rest) = rest.split_once(TABLE_QUOTES)?;
    // The blank line before the next table, if any, goes with this one.
    let text = rest
        .trim_end_matches('\n')
        .strip_suffix(TABLE_CLOSE.trim_end_matches('\n'))?;
    // Only hash lines, each ended: no quote mark, escape or other line inside the string.
    if !text.is_empty() && !text.ends_with('\n') || text.contains(['"', '\\', '\r']) {
        return None;
    }
    let sha256 = Sha256::try_from(sha256.to_owned()).ok()?;
    Some((id.to_owned(), sha256, text))
}

/// The keys of a source's quotes' text, one hash a line, sorted; `None` at a line that is
/// not a hash.
fn quote_keys(text: &str) -> Option<Vec<u64>> {
    // A line a quote, 32 hex digits and a newline: the vector's exact size, where growing
    // by doubling left up to half of it unused (tens of megabytes at a million quotes).
    let mut quotes: Vec<u64> = Vec::with_capacity(text.len().div_ceil(33));
    for line in text.lines() {
        quotes.push(quote_key(&unhex(line)?));
    }
    quotes.sort_unstable();
    quotes.dedup();
    Some(quotes)
}

/// `text` cut before each line that opens a table (`[`): the keys before the first table,
/// then each table with its keys. A `[` that starts a line inside a multi-line string cuts
/// the string, and its pieces do not parse: the fast way then gives way to [`parse`], which
/// reads the whole document.
fn tables(text: &str) -> impl Iterator<Item = &str> {
    let starts = std::iter::once(0).chain(text.match_indices("\n[").map(|(at, _)| at + 1));
    let ends = starts.clone().skip(1).chain(std::iter::once(text.len()));
    starts.zip(ends).map(|(from, to)| &text[from..to])
}

/// Parses the record's text with the place of every entry, or says what is wrong in it
/// and where.
fn parse(text: &str) -> Result<(Lock, Places), Box<Diagnostic>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        version: u32,
        #[serde(default)]
        sources: BTreeMap<toml::Spanned<String>, Entry>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        sha256: toml::Spanned<String>,
        #[serde(default)]
        quotes: Option<toml::Spanned<String>>,
    }
    let broken = |rule: &'static rules::Rule, message: String, at: Option<Range<usize>>| {
        let d = Diagnostic::new(rule, LOCK_FILE, message).help(format!(
            "do not edit it by hand; write it again: `{VERIFY_COMMAND}`"
        ));
        Box::new(match at {
            Some(r) => d.at(text, r).label("here"),
            None => d,
        })
    };
    let file: File = toml::from_str(text).map_err(|e| {
        broken(
            &rules::SCHEMA_MISMATCH,
            format!(
                "the record of verified quotes is not in its format: {}",
                e.message()
            ),
            e.span(),
        )
    })?;
    if file.version != LOCK_VERSION {
        return Err(broken(
            &rules::SCHEMA_MISMATCH,
            format!(
                "the record of verified quotes has version {}; this checker reads version {LOCK_VERSION}",
                file.version
            ),
            None,
        ));
    }
    let mut lock = Lock::default();
    let mut places = Places {
        sources: BTreeMap::new(),
        quotes: BTreeMap::new(),
    };
    for (id, entry) in file.sources {
        let sha256 = entry.sha256.get_ref().parse::<Sha256>().map_err(|e| {
            broken(
                &rules::SCHEMA_MISMATCH,
                e.to_string(),
                Some(entry.sha256.span()),
            )
        })?;
        let mut quotes = Vec::new();
        let mut at = Vec::new();
        if let Some(q) = &entry.quotes {
            // The string's text starts after its opening `"""` and the line break TOML
            // drops there; a hash holds no escape, so its place in the string is its place
            // in the file from there.
            let opening = q.span().start + 3;
            let start = opening
                + match text.get(opening..) {
                    Some(t) if t.starts_with("\r\n") => 2,
                    Some(t) if t.starts_with('\n') => 1,
                    _ => 0,
                };
            let mut offset = 0;
            for line in q.get_ref().split_inclusive('\n') {
                let hash = line.trim_end_matches(['\n', '\r']);
                let range = start + offset..start + offset + hash.len();
                offset += line.len();
                let h = unhex(hash).ok_or_else(|| {
                    broken(
                        &rules::SCHEMA_MISMATCH,
                        format!(
                            "{hash:?} is not a quote's hash (32 lowercase hexadecimal digits, one a line)"
                        ),
                        Some(range.clone()),
                    )
                })?;
                quotes.push(quote_key(&h));
                at.push((h, range));
            }
        }
        quotes.sort_unstable();
        quotes.dedup();
        places.sources.insert(id.get_ref().clone(), id.span());
        places.quotes.insert(id.get_ref().clone(), at);
        lock.sources.insert(
            id.into_inner(),
            Locked {
                sha256: Some(sha256),
                quotes,
            },
        );
    }
    Ok((lock, places))
}

/// The quotes of `citations`, by the source they were read from.
fn read_sources<'a>(
    citations: impl Iterator<Item = &'a Citation>,
) -> BTreeMap<&'a str, (u64, Vec<&'a str>)> {
    let mut out: BTreeMap<&str, (u64, Vec<&str>)> = BTreeMap::new();
    for c in citations {
        let e = out.entry(c.source.as_str()).or_default();
        if let Some(q) = &c.quote {
            e.0 += 1;
            e.1.push(q);
        }
    }
    out
}

/// For each source that claims of `dataset` were read from, how many of its quotes the
/// record verifies against its pin: what a release says about verification.
pub(crate) fn summarize(dataset: &Dataset, lock: Option<&Lock>) -> Vec<QuoteVerification> {
    let sources: BTreeMap<&str, &Source> =
        dataset.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let read = read_sources(dataset.claims.iter().flat_map(|c| &c.citations));
    summary(read.into_iter().filter_map(|(id, (quotes, list))| {
        let source = sources.get(id)?;
        let pin = source.archived_text.as_ref();
        let verified = lock.map_or(0, |l| {
            list.iter().filter(|q| l.verifies(id, pin, q)).count() as u64
        });
        Some((*source, quotes, verified))
    }))
}

/// The release's summary of verification from each source read with its count of quoted
/// citations and of those verified, in any order: one entry per source, by source id.
/// The full driver counts from the assembled dataset ([`summarize`]), the streaming
/// driver as it judges each quote.
pub(crate) fn summary<'a>(
    read: impl IntoIterator<Item = (&'a Source, u64, u64)>,
) -> Vec<QuoteVerification> {
    let mut out: Vec<QuoteVerification> = read
        .into_iter()
        .map(|(source, quotes, verified)| QuoteVerification {
            source: source.id.clone(),
            quotes,
            verified,
        })
        .collect();
    out.sort_by(|a, b| a.source.as_str().cmp(b.source.as_str()));
    out
}

/// A citation's quote, where it is.
pub(crate) struct Quoted<'a> {
    pub(crate) file: usize,
    pub(crate) pointer: String,
    pub(crate) quote: &'a str,
}

/// The sources that claims were read from, with their file and the quotes read from each,
/// in source id order; a citation naming an unknown source is another rule's.
pub(crate) fn read_from<'a>(
    ix: &Index<'a>,
) -> BTreeMap<&'a str, (Option<usize>, &'a Source, Vec<Quoted<'a>>)> {
    let mut out: BTreeMap<&str, (Option<usize>, &Source, Vec<Quoted<'_>>)> = BTreeMap::new();
    for c in &ix.claims {
        for (j, cit) in c.claim.citations.iter().enumerate() {
            let Some((fi, source)) = ix.source_anywhere(cit.source.as_str()) else {
                continue;
            };
            let e = out
                .entry(source.id.as_str())
                .or_insert_with(|| (fi, source, Vec::new()));
            if let Some(q) = &cit.quote {
                e.2.push(Quoted {
                    file: c.file,
                    pointer: format!("{}/citations/{j}/quote", c.pointer()),
                    quote: q,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use cadres_model::TextPin;

    use super::{fast, hex, lock_text, parse, pin_of, quote_hash, unhex};

    fn record() -> String {
        let pins: BTreeMap<String, TextPin> = ["a-source", "b-source"]
            .into_iter()
            .map(|id| (id.to_owned(), pin_of(id.as_bytes())))
            .collect();
        let quotes: BTreeMap<String, BTreeSet<_>> = [
            ("a-source", vec!["one", "two"]),
            ("b-source", vec!["three"]),
        ]
        .into_iter()
        .map(|(id, q)| (id.to_owned(), q.into_iter().map(quote_hash).collect()))
        .collect();
        lock_text(&pins, &quotes)
    }

    /// Read a table at a time, the record is what the whole document says.
    #[test]
    fn the_fast_way_reads_what_the_slow_way_reads() {
        let text = record();
        let slow = parse(&text).expect("a record in its format").0;
        assert_eq!(fast(&text), Some(slow));
        assert_eq!(fast(&text).map(|l| l.sources.len()), Some(2));
    }

    /// A table laid out otherwise than `lock_text` writes it (a comment, a literal string,
    /// CRLF line ends, keys in another order, a quoted key) is read by toml, to the same
    /// record as the slow way; one as it writes it is read by its layout.
    #[test]
    fn a_table_in_another_layout_reads_as_toml_reads_it() {
        let text = record();
        let b = text.find("[sources.b-source]").expect("a table");
        assert!(super::written(&text[b..]).is_some());
        let (head, table) = text.split_at(b);
        let (id_line, rest) = table.split_once('\n').expect("the table's lines");
        let (sha_line, quotes) = rest.split_once('\n').expect("its pin");
        let layouts = [
            format!("{head}{id_line}\n# a comment\n{rest}"),
            format!("{head}{}", table.replace('\n', "\r\n")),
            format!("{head}{}", table.replace("\"\"\"", "'''")),
            format!("{head}{id_line}\n{quotes}{sha_line}\n"),
            format!("{head}[sources.\"b-source\"]\n{rest}"),
        ];
        let slow = parse(&text).expect("a record in its format").0;
        for other in layouts {
            assert!(super::written(&other[b..]).is_none(), "{other}");
            assert_eq!(
                parse(&other).map(|p| p.0).ok().as_ref(),
                Some(&slow),
                "{other}"
            );
            assert_eq!(fast(&other).as_ref(), Some(&slow), "{other}");
        }
    }

    /// A quote's hash reads back from the digits `hex` writes, and from nothing else:
    /// uppercase, a digit short or one too many, a character outside the hex digits.
    #[test]
    fn a_hash_reads_back_only_from_its_own_digits() {
        let h = quote_hash("七千人大会 one");
        assert_eq!(unhex(&hex(&h)), Some(h));
        let digits = hex(&h);
        assert_eq!(
            unhex(&digits.to_uppercase()),
            (digits == digits.to_uppercase()).then_some(h)
        );
        assert_eq!(unhex(&digits[1..]), None);
        assert_eq!(unhex(&format!("{digits}0")), None);
        assert_eq!(unhex(&format!("g{}", &digits[1..])), None);
        assert_eq!(unhex(&format!("é{}", &digits[2..])), None);
        assert_eq!(unhex("00000000000000000000000000000000"), Some([0; 16]));
        assert_eq!(unhex("ffffffffffffffffffffffffffffffff"), Some([0xff; 16]));
    }

    /// What only the whole document shows gives way to the slow way: a table given twice,
    /// a line opening a table inside a string, a version missing.
    #[test]
    fn what_the_tables_alone_cannot_tell_goes_the_slow_way() {
        let text = record();
        let a = text.find("[sources.a-source]").expect("a table");
        let b = text.find("[sources.b-source]").expect("another");
        let twice = format!("{text}\n{}", &text[a..b]);
        assert_eq!(fast(&twice), None);
        assert!(parse(&twice).is_err());
        let cut = text.replacen("quotes = \"\"\"\n", "quotes = \"\"\"\n[x]\n", 1);
        assert_eq!(fast(&cut), None);
        assert_eq!(fast(&text[a..]), None);
        assert!(parse(&text[a..]).is_err());
    }
}
