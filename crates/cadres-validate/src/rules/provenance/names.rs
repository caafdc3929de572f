//! Whether a quote names an entity: the matching behind `quote-omits-name`,
//! `ambiguous-name` and `as-named-mismatch`, shared by the full check and the streaming
//! one so that the two cannot disagree.
//!
//! # Matching
//!
//! A name (a label or an alias of the entity, or the words of an `as-named` entry) occurs
//! in a quote when, after both are put in the same [`key`] form (NFC, every run of
//! whitespace one space, case folded as [`cadres_model::label_key`] folds it), the name is
//! a substring of the quote that starts and ends on a word boundary wherever the name
//! starts or ends with a letter or digit of a script with spaces between words: `Mao`
//! occurs in `Mao's call` and not in `Maoism`. A Han character needs no boundary, since
//! Han has no spaces: `七千人大会` occurs in `七千人大会的`. A name with no letter, digit
//! or Han character names nothing.
//!
//! # Ambiguity
//!
//! A name is ambiguous when one form could name two entities. That is decided from the
//! names alone, once for the whole dataset, not from the quote: a name of entity `E` is
//! ambiguous when
//!
//! 1. it is a name of another entity too, of any kind (two people called `Zhang San`); or
//! 2. it occurs, in the sense above, inside a name of another entity of the same kind:
//!    `Deng` inside `Deng Xiaoping` and `Deng Zihui` (an alias `Deng` of either could be
//!    the other), `Chairman` inside `Vice Chairman of the Communist Party`, and
//!    `Chairman of the Chinese Communist Party` inside
//!    `Vice Chairman of the Chinese Communist Party`.
//!
//! The kind matters in the second case only: a shorter name stands for something of the
//! kind of the longer name it is part of, so `China` (a place) is not made ambiguous by
//! `President of China` (a position), nor `Mao Zedong` by `Policies of Mao Zedong`. An
//! ambiguous name still occurs in the quote, but it does not name its entity by itself:
//! the citation says which entity it means under `as-named`.

use std::hash::BuildHasher;

use cadres_model::{EntityKind, LangTag, label_key};
use foldhash::fast::FixedState;
use rayon::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use cadres_model::is_han;

use crate::Map;

/// For each name, the kinds of entity it is a name of, each with the other names of
/// entities of that kind that it occurs in, sorted.
type Within = Map<Box<str>, Vec<(EntityKind, Vec<Box<str>>)>>;

/// The form in which names and quotes are compared: NFC, every run of whitespace folded
/// into one space, the ends trimmed, then case folded: [`label_key`] of
/// [`crate::fold`]ed text.
pub(crate) fn key(text: &str) -> String {
    if let Some(key) = caseless_key(text) {
        return key;
    }
    if is_nfc_quick(text.chars()) != IsNormalized::Yes {
        return label_key(&crate::fold(text));
    }
    // Text already in NFC: the same result in one pass, whitespace folded and case folded,
    // and normalized again only if lowercasing undid NFC.
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // A whole word at a time, for the final sigma (`ΣΊΣΥΦΟΣ` ends in `ς`); a space is
        // neither cased nor case-ignorable, so no word's case looks past it.
        out.push_str(&word.to_lowercase());
    }
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

/// [`key`] of text that [`crate::archive::is_folded`] passes with no uppercase letter
/// outside ASCII, most quotes and names: it is in NFC and stays so when its ASCII is
/// lowercased, has no whitespace to fold, and nothing else in it has a lowercase of its
/// own. `None` for any other text.
fn caseless_key(text: &str) -> Option<String> {
    (crate::archive::is_folded(text) && !text.chars().any(|c| !c.is_ascii() && c.is_uppercase()))
        .then(|| text.to_ascii_lowercase())
}

/// A letter or digit of a script that puts spaces between words.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// Whether a name in [`key`] form can name anything: it has a letter, digit or Han
/// character.
fn meaningful(name: &str) -> bool {
    name.chars().any(char::is_alphanumeric)
}

/// Whether `name` occurs in `text`, both in [`key`] form: as whole words, Han characters
/// as a substring (see the module docs).
pub(crate) fn occurs(name: &str, text: &str) -> bool {
    let (Some(first), Some(last)) = (name.chars().next(), name.chars().next_back()) else {
        return false;
    };
    if !meaningful(name) {
        return false;
    }
    let (left, right) = (is_word(first), is_word(last));
    let mut from = 0;
    while let Some(at) = text[from..].find(name) {
        let start = from + at;
        let end = start + name.len();
        let open = !left
            || text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word(c));
        let close = !right
            || text[end..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c) && !is_combining_mark(c));
        if open && close {
            return true;
        }
        from = start + first.len_utf8();
    }
    false
}

/// The names of an entity in [`key`] form: its labels in tag order, then its aliases in
/// tag order, each once, leaving out those that name nothing.
pub(crate) fn forms<'a>(
    labels: impl IntoIterator<Item = (&'a LangTag, &'a String)>,
    aliases: impl IntoIterator<Item = (&'a LangTag, &'a Vec<String>)>,
) -> Vec<String> {
    let names = labels
        .into_iter()
        .map(|(_, l)| l)
        .chain(aliases.into_iter().flat_map(|(_, a)| a));
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let k = key(name);
        if meaningful(&k) && !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The runs of word characters and the single Han characters of a name in [`key`] form:
/// what two names must share for one to occur in the other.
fn tokens(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in name.char_indices() {
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&name[s..i]);
        }
        if is_han(c) {
            out.push(&name[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&name[s..]);
    }
    out
}

/// [`tokens`], each once, in order.
fn distinct_tokens(name: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for t in tokens(name) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// A name of an entity in a [`NameTable`]: the name's [`name_hash`], the entity's index
/// and the name's among its names.
type Owner = (u64, u32, u32);

/// How many of a name's hash's first bits choose its bucket in [`NameTable::owners`].
const BUCKET_BITS: u32 = 16;

/// The bucket of a name's hash.
fn bucket(h: u64) -> usize {
    usize::try_from(h >> (u64::BITS - BUCKET_BITS)).unwrap_or(0)
}

/// The hash [`NameTable::owners`] are sorted by.
fn name_hash(name: &str) -> u64 {
    FixedState::default().hash_one(name)
}

/// One entity's entry in a [`NameTable`].
struct Entry {
    id: Box<str>,
    kind: EntityKind,
    names: Vec<String>,
}

/// Another entity a name could stand for: see [`NameTable::rival`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rival<'t> {
    /// The other entity's id.
    pub(crate) id: &'t str,
    /// Its name that the ambiguous name is, or occurs in, in [`key`] form.
    pub(crate) name: &'t str,
}

/// Every entity's names, and for each name the names of the same kind it occurs in:
/// enough to tell whether a name is ambiguous (see the module docs).
pub(crate) struct NameTable {
    entities: Vec<Entry>,
    /// Every name of every entity ([`Owner`]), sorted by hash, name and entity (ascending
    /// by id): the owners of a name are one run. A map from each name to its owners held a
    /// copy of every name beside the entities' own, and was the peak of a million-claim
    /// check; sorted by name alone, each look-up compared strings at every step.
    owners: Vec<Owner>,
    /// Where in `owners` the hashes of each first [`BUCKET_BITS`] bits start, and at the
    /// end its length: a look-up searches a few owners, not all of them.
    buckets: Box<[u32]>,
    within: Within,
}

/// A name's place in the postings of one of its tokens: the hash of its kind and the token,
/// the start of its run of owners, its signature (for each of its tokens, one of sixteen
/// bits chosen by the token's hash: a name that holds another holds all its tokens, so its
/// signature has all their bits) and its kind.
type Posting = (u64, u32, u16, EntityKind);

const _: () = assert!(size_of::<Posting>() == 16, "a posting fits in 16 bytes");

/// How many names [`in_blocks`] hands to every core at once.
const NAMES_A_BLOCK: usize = 1 << 14;

/// `f` of each item on every core, a block of [`NAMES_A_BLOCK`] at a time, each item and
/// what `f` made of it then given to `each` in order: the work of the name table's
/// passes over its names shared by the cores, what waits to be gathered never more than a
/// block (gathered whole, what the names' judging found left the check 15 MB higher).
fn in_blocks<T: Sync, U: Send>(
    items: impl Iterator<Item = T>,
    f: impl Fn(&T) -> U + Sync,
    mut each: impl FnMut(T, U),
) {
    let mut items = items.peekable();
    let mut block: Vec<T> = Vec::with_capacity(NAMES_A_BLOCK);
    while items.peek().is_some() {
        block.extend(items.by_ref().take(NAMES_A_BLOCK));
        let made: Vec<U> = block.par_iter().map(&f).collect();
        for (item, made) in block.drain(..).zip(made) {
            each(item, made);
        }
    }
}

impl NameTable {
    /// The table of `entities`: each one's id, kind and [`forms`]. An id given twice keeps
    /// its first names.
    pub(crate) fn new<I: Into<Box<str>>>(
        entities: impl IntoIterator<Item = (I, EntityKind, Vec<String>)>,
    ) -> NameTable {
        let mut list: Vec<Entry> = entities
            .into_iter()
            .map(|(id, kind, names)| Entry {
                id: id.into(),
                kind,
                names,
            })
            .collect();
        // Stable: of two entries with one id, the first stays first.
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list.dedup_by(|b, a| a.id == b.id);
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let name_of = |&(_, e, n): &Owner| list[e as usize].names[n as usize].as_str();
        let mut owners: Vec<Owner> = Vec::with_capacity(list.iter().map(|e| e.names.len()).sum());
        for (i, Entry { names, .. }) in list.iter().enumerate() {
            owners.extend(
                names
                    .iter()
                    .enumerate()
                    .map(|(n, name)| (name_hash(name), index(i), index(n))),
            );
        }
        owners.par_sort_unstable_by(|a, b| {
            (a.0.cmp(&b.0))
                .then_with(|| name_of(a).cmp(name_of(b)))
                .then(a.1.cmp(&b.1))
        });
        owners.dedup_by(|b, a| a.1 == b.1 && a.0 == b.0 && name_of(a) == name_of(b));
        // Every name of each kind, once: the kinds of each run of owners, with the run's
        // start, which stands for the name below.
        let of_kind = || {
            let (list, name_of) = (&list, &name_of);
            let mut start = 0;
            owners
                .chunk_by(|a, b| a.0 == b.0 && name_of(a) == name_of(b))
                .flat_map(move |run| {
                    let mut kinds: Vec<EntityKind> =
                        run.iter().map(|&(_, e, _)| list[e as usize].kind).collect();
                    kinds.sort_unstable();
                    kinds.dedup();
                    let (name, at) = (name_of(&run[0]), index(start));
                    start += run.len();
                    kinds.into_iter().map(move |kind| (kind, name, at))
                })
        };
        // The names of each kind holding each token: (the hash of the kind and the token,
        // the name's run, the name's [`signature`], the kind), sorted, the postings of a
        // token one run. 16 bytes a posting: a map from each kind and token to its names was
        // most of a million-claim check's last allocations. Two tokens with one hash only
        // share a run: the kind and `occurs` still decide.
        let key = |kind: EntityKind, token: &str| FixedState::default().hash_one((kind, token));
        let signature = |kind: EntityKind, tokens: &[&str]| {
            tokens
                .iter()
                .fold(0u16, |s, t| s | 1 << (key(kind, t) >> 60))
        };
        // Counted first: grown by doubling, the vector was twice its size while it moved.
        let mut count = 0;
        in_blocks(
            of_kind(),
            |&(_, name, _)| distinct_tokens(name).len(),
            |_, n| count += n,
        );
        let mut postings: Vec<Posting> = Vec::with_capacity(count);
        in_blocks(
            of_kind(),
            |&(kind, name, at)| {
                let tokens = distinct_tokens(name);
                let sig = signature(kind, &tokens);
                let posted: Vec<Posting> = tokens
                    .into_iter()
                    .map(|t| (key(kind, t), at, sig, kind))
                    .collect();
                posted
            },
            |_, posted| postings.extend(posted),
        );
        postings.par_sort_unstable();
        let posted = |kind: EntityKind, token: &str| {
            let k = key(kind, token);
            let rest = &postings[postings.partition_point(|p| p.0 < k)..];
            &rest[..rest.partition_point(|p| p.0 == k)]
        };
        // The names each name occurs in, judged on every core: most of the table's time at
        // a million claims.
        let within_of = |kind: EntityKind, name: &str| -> Option<Vec<Box<str>>> {
            // The names of this kind holding the name's rarest token: only they can hold it,
            // and only those whose signature has every bit of its own (most of the others
            // are set aside without reading their text, which at a million claims was
            // most of the time, each name a cache miss or more).
            let tokens = tokens(name);
            let sig = signature(kind, &tokens);
            let candidates = tokens
                .into_iter()
                .map(|t| posted(kind, t))
                .filter(|p| !p.is_empty())
                .min_by_key(|p| p.len())?;
            let mut found: Vec<Box<str>> = candidates
                .iter()
                .filter(|&&(_, _, other, k)| k == kind && sig & !other == 0)
                .map(|&(_, at, _, _)| name_of(&owners[at as usize]))
                .filter(|other| *other != name && occurs(name, other))
                .map(Into::into)
                .collect();
            found.sort_unstable();
            found.dedup();
            (!found.is_empty()).then_some(found)
        };
        let mut within = Within::default();
        in_blocks(
            of_kind(),
            |&(kind, name, _)| within_of(kind, name),
            |(kind, name, _), found| {
                let Some(found) = found else { return };
                match within.get_mut(name) {
                    Some(kinds) => kinds.push((kind, found)),
                    None => {
                        within.insert(name.into(), vec![(kind, found)]);
                    }
                }
            },
        );
        drop(postings);
        owners.shrink_to_fit();
        let mut buckets = vec![0u32; (1 << BUCKET_BITS) + 1].into_boxed_slice();
        let mut at = 0;
        for (b, start) in buckets.iter_mut().enumerate() {
            while owners.get(at).is_some_and(|o| bucket(o.0) < b) {
                at += 1;
            }
            *start = index(at);
        }
        NameTable {
            entities: list,
            owners,
            buckets,
            within,
        }
    }

    /// The name an [`Owner`] stands for.
    fn name_of(&self, (_, e, n): Owner) -> &str {
        &self.entities[e as usize].names[n as usize]
    }

    /// The entities with the name `name`, as runs of [`NameTable::owners`]: none, or one
    /// each, ascending by id.
    fn owners(&self, name: &str) -> &[Owner] {
        let h = name_hash(name);
        let b = bucket(h);
        let (start, end) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        let bucket = self.owners.get(start..end).unwrap_or_default();
        let rest = &bucket[bucket.partition_point(|p| p.0 < h)..];
        let same = &rest[..rest.partition_point(|p| p.0 == h)];
        // Names with one hash: a run each, in name order.
        let rest = &same[same.partition_point(|p| self.name_of(*p) < name)..];
        &rest[..rest.partition_point(|p| self.name_of(*p) == name)]
    }

    /// The kind and the [`forms`] of the entity `id`, when the table has it.
    pub(crate) fn entity(&self, id: &str) -> Option<(EntityKind, &[String])> {
        self.entities
            .binary_search_by(|e| (*e.id).cmp(id))
            .ok()
            .map(|i| (self.entities[i].kind, self.entities[i].names.as_slice()))
    }

    /// Another entity that `name` (in [`key`] form), a name of the entity `id` of `kind`,
    /// could name: one with the same name (of any kind), else one of the same kind with a
    /// name that `name` occurs in. The first such entity by id and name; `None` when the
    /// name is not ambiguous.
    pub(crate) fn rival(&self, id: &str, kind: EntityKind, name: &str) -> Option<Rival<'_>> {
        let other_than = |owners: &[Owner], same_kind: bool| {
            owners
                .iter()
                .map(|&(_, i, _)| &self.entities[i as usize])
                .find(|e| *e.id != *id && (!same_kind || e.kind == kind))
        };
        let owners = self.owners(name);
        if let Some(&stored) = owners.first()
            && let Some(e) = other_than(owners, false)
        {
            return Some(Rival {
                id: &e.id,
                name: self.name_of(stored),
            });
        }
        let (_, longer_names) = self.within.get(name)?.iter().find(|(k, _)| *k == kind)?;
        for longer in longer_names {
            if let Some(e) = other_than(self.owners(longer), true) {
                return Some(Rival {
                    id: &e.id,
                    name: longer,
                });
            }
        }
        None
    }
}

/// How a quote names one entity, by its names alone (without `as-named`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Naming<'n, 't> {
    /// A name occurs that names no other entity.
    Named,
    /// Names occur, every one ambiguous: the first of them and what else it could name.
    Ambiguous(&'n str, Rival<'t>),
    /// None of its names occurs.
    Omitted,
}

impl Naming<'_, '_> {
    /// The rule a quote breaks by naming its entity so: `ambiguous-name` or
    /// `quote-omits-name`, or none.
    pub(crate) fn rule(self) -> Option<&'static crate::rules::Rule> {
        match self {
            Naming::Named => None,
            Naming::Ambiguous(..) => Some(&super::ambiguous_name::AMBIGUOUS_NAME),
            Naming::Omitted => Some(&super::quote_omits_name::QUOTE_OMITS_NAME),
        }
    }
}

/// How `quote` (in [`key`] form) names the entity `id` of `kind` with the names `names`
/// (its [`forms`]).
pub(crate) fn naming<'n, 't>(
    table: &'t NameTable,
    id: &str,
    kind: EntityKind,
    names: &'n [String],
    quote: &str,
) -> Naming<'n, 't> {
    naming_by(table, id, kind, names, |i| occurs(&names[i], quote))
}

/// How a quote names the entity `id` of `kind` with the names `names`, given which of
/// them occur in it (`occurring(i)` for `names[i]`): named when one that occurs names no
/// other entity, ambiguous when every one that occurs could, omitted when none occurs.
/// [`naming`] asks [`occurs`]; the streaming driver, which keeps only [`occurring`] of a
/// quote until every entity's names are known, asks its bits.
pub(crate) fn naming_by<'n, 't>(
    table: &'t NameTable,
    id: &str,
    kind: EntityKind,
    names: &'n [String],
    occurring: impl Fn(usize) -> bool,
) -> Naming<'n, 't> {
    let mut ambiguous = None;
    for (i, name) in names.iter().enumerate() {
        if !occurring(i) {
            continue;
        }
        match table.rival(id, kind, name) {
            None => return Naming::Named,
            Some(r) => {
                ambiguous.get_or_insert((name.as_str(), r));
            }
        }
    }
    ambiguous.map_or(Naming::Omitted, |(n, r)| Naming::Ambiguous(n, r))
}

/// The most names [`occurring`] can hold.
pub(crate) const MAX_BITS: usize = 64;

/// Which of `names` (at most [`MAX_BITS`]) occur in `quote`, as bits: bit `i` for
/// `names[i]`. No bit set: the quote omits the entity's every name.
pub(crate) fn occurring(names: &[String], quote: &str) -> u64 {
    debug_assert!(names.len() <= MAX_BITS);
    names
        .iter()
        .enumerate()
        .filter(|(_, name)| occurs(name, quote))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

#[cfg(test)]
mod tests {
    use cadres_model::{EntityKind, label_key};

    use super::{NameTable, Naming, caseless_key, key, naming, occurs};

    #[test]
    fn the_shortcut_gives_the_general_key() {
        for text in [
            "  Liu  Shaoqi\n together ",
            "CCP chairman Mao Zedong",
            "\tA\u{b}B\u{c}C\r\n",
            "",
            "七千人大会 (七千人大會)\u{3000}Zhōu Ēnlái",
            "ZHO\u{304}U  E\u{304}NLA\u{301}I",
            "İstanbul ΣΊΣΥΦΟΣ \u{212b}ngström",
            "\u{1e9e} \u{0130}\u{0307}",
        ] {
            assert_eq!(key(text), label_key(&crate::fold(text)), "{text:?}");
        }
        assert_eq!(key("ZHO\u{304}U  E\u{304}NLA\u{301}I"), "zhōu ēnlái");
        // Latin and Han text takes the shortcut; a character it does not know leaves it.
        assert_eq!(
            caseless_key("Lin Jing 312: Output 林静312号：批评、自我批评").as_deref(),
            Some("lin jing 312: output 林静312号：批评、自我批评")
        );
        assert_eq!(caseless_key("Zhōu").as_deref(), Some("zhōu"));
        assert_eq!(caseless_key("ZHŌU"), None);
        assert_eq!(caseless_key("Lin  Jing"), None);
        // Every string of up to three characters that need care.
        let alphabet = [
            'a', 'Z', ' ', '\n', '\u{b}', '\u{3000}', '\u{301}', '\u{304}', '\u{323}', 'O', 'ō',
            'Å', '\u{212b}', 'İ', 'Σ', 'ß', '\u{1e9e}', '七', '會', '\u{f900}', 'ǅ',
            // At and beside the ends of the shortcut's ranges.
            '\u{3001}', '\u{3011}', '\u{3012}', '\u{302a}', '\u{4dff}', '\u{4e00}', '\u{9fff}',
            '\u{a000}', '\u{ff01}', '\u{ff20}', 'Ａ', 'ａ', '\u{85}', 'Ō', 'à', 'À', '\u{130}',
            '\u{17f}',
        ];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let text: String = [a, b, c].iter().collect();
                    assert_eq!(key(&text), label_key(&crate::fold(&text)), "{text:?}");
                    assert_eq!(
                        key(&text[..a.len_utf8()]),
                        label_key(&crate::fold(&text[..a.len_utf8()]))
                    );
                }
            }
        }
    }

    #[test]
    fn names_occur_as_whole_words_and_han_as_a_substring() {
        let yes = [
            ("mao", "mao's call"),
            ("mao", "between mao and liu"),
            ("liu shaoqi", "(liu shaoqi)"),
            (
                "7,000 cadres conference",
                "after the 7,000 cadres conference, liu",
            ),
            ("七千人大会", "七千人大会的现代启示录"),
            ("八届十中全会", "party (八届十中全会)."),
            ("ab ab", "xab ab ab"),
            ("mao", "毛mao"),
        ];
        for (name, text) in yes {
            assert!(occurs(name, text), "{name:?} in {text:?}");
        }
        let no = [
            ("mao", "maoism"),
            ("mao", "chairmao"),
            ("deng", "dengxiaoping"),
            ("liu", "liú"),
            ("zhou", "zhou\u{301}"),
            ("", "anything"),
            ("-", "a - b"),
        ];
        for (name, text) in no {
            assert!(!occurs(name, text), "{name:?} in {text:?}");
        }
    }

    fn table() -> NameTable {
        let person = EntityKind::Person;
        let position = EntityKind::Position;
        let owned = |names: &[&str]| names.iter().map(|n| key(n)).collect::<Vec<_>>();
        NameTable::new([
            ("deng-xiaoping", person, owned(&["Deng Xiaoping", "Deng"])),
            ("deng-zihui", person, owned(&["Deng Zihui"])),
            ("china", EntityKind::Place, owned(&["China"])),
            ("president", position, owned(&["President of China"])),
            ("chairman", position, owned(&["Chairman", "CCP chairman"])),
            ("vice-chairman", position, owned(&["CCP vice chairman"])),
            ("zhang-a", person, owned(&["Zhang San"])),
            ("zhang-b", EntityKind::Place, owned(&["Zhang San"])),
        ])
    }

    #[test]
    fn a_name_is_ambiguous_when_another_entity_has_it_or_one_of_its_kind_holds_it() {
        let t = table();
        let person = EntityKind::Person;
        let rival = t.rival("deng-xiaoping", person, "deng").expect("ambiguous");
        assert_eq!((rival.id, rival.name), ("deng-zihui", "deng zihui"));
        assert_eq!(t.rival("deng-xiaoping", person, "deng xiaoping"), None);
        // Another kind does not count when the name is only part of the other's name...
        assert_eq!(t.rival("china", EntityKind::Place, "china"), None);
        // ...but does when the two names are the same.
        let rival = t.rival("zhang-a", person, "zhang san").expect("ambiguous");
        assert_eq!(rival.id, "zhang-b");
        // A name inside the entity's own longer name is not ambiguous; inside another's is.
        let position = EntityKind::Position;
        let rival = t
            .rival("chairman", position, "chairman")
            .expect("ambiguous");
        assert_eq!(rival.id, "vice-chairman");
        assert_eq!(t.rival("chairman", position, "ccp chairman"), None);
        assert_eq!(
            t.entity("deng-zihui"),
            Some((person, &[key("Deng Zihui")][..]))
        );
        assert_eq!(t.entity("nobody"), None);
    }

    /// On a table of more names than a block ([`super::NAMES_A_BLOCK`]), built from a few
    /// words, numbers and Han characters so that names hold one another often, a name is
    /// ambiguous exactly when a search through every other name says so, and the rival
    /// given is one: the postings, their signatures and the blocks lose no candidate.
    #[test]
    fn the_table_finds_every_rival_a_search_of_all_names_finds() {
        let words = [
            "hu", "fang", "jie", "luo", "zhang", "san", "胡", "芳", "杰", "罗",
        ];
        let kinds = [EntityKind::Person, EntityKind::Place];
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            usize::try_from(seed >> 33).unwrap_or(0) % n
        };
        let entities: Vec<(String, EntityKind, Vec<String>)> = (0..super::NAMES_A_BLOCK + 3000)
            .map(|i| {
                let mut name: Vec<String> = (0..=next(3))
                    .map(|_| words[next(words.len())].to_owned())
                    .collect();
                if next(2) == 0 {
                    name.push(next(400).to_string());
                }
                (
                    format!("e-{i:05}"),
                    kinds[next(2)],
                    vec![key(&name.join(" "))],
                )
            })
            .collect();
        let table = NameTable::new(entities.clone());
        let mut ambiguous = 0;
        for (id, kind, names) in entities.iter().step_by(97) {
            let name = names[0].as_str();
            let searched = entities.iter().any(|(other, k, others)| {
                other != id
                    && others
                        .iter()
                        .any(|o| o == name || (k == kind && occurs(name, o)))
            });
            let rival = table.rival(id, *kind, name);
            assert_eq!(rival.is_some(), searched, "{id} {name:?}");
            if let Some(r) = rival {
                ambiguous += 1;
                assert_ne!(r.id, id);
                assert!(r.name == name || occurs(name, r.name), "{name:?} in {r:?}");
            }
        }
        assert!(ambiguous > 20, "few names were ambiguous: {ambiguous}");
    }

    #[test]
    fn a_quote_names_an_entity_by_an_unambiguous_name() {
        let t = table();
        let position = EntityKind::Position;
        let names = [key("Chairman"), key("CCP chairman")];
        let q = key("CCP chairman Mao Zedong");
        assert_eq!(naming(&t, "chairman", position, &names, &q), Naming::Named);
        let q = key("Chairman Mao Zedong (1964)");
        let Naming::Ambiguous(name, rival) = naming(&t, "chairman", position, &names, &q) else {
            panic!("ambiguous");
        };
        assert_eq!((name, rival.id), ("chairman", "vice-chairman"));
        let q = key("Mao Zedong made self-criticism");
        assert_eq!(
            naming(&t, "chairman", position, &names, &q),
            Naming::Omitted
        );
    }
}
