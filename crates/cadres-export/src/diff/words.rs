//! Which words of a text changed: a Myers diff over words (the `similar` crate), for the
//! `-`/`+` lines of the human report and the `<del>`/`<ins>` marks of the Markdown one.
//!
//! A word is a run of letters and digits; every other visible character (punctuation, a
//! symbol) is a word of its own, and so is every Han or kana character, since Chinese and
//! Japanese put no spaces between words. A run of white space is a word too, so that the
//! parts put back together give the texts exactly.

use std::hash::Hash;

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// A piece of a word diff: text both sides share, or text that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// Text in both the old and the new version.
    Same(String),
    /// Text of the old version (`removed`, maybe empty) replaced by text of the new one
    /// (`added`, maybe empty).
    Changed {
        /// What the old version has here.
        removed: String,
        /// What the new version has here.
        added: String,
    },
}

/// The word diff from `old` to `new`: concatenating the `Same` and `removed` texts gives
/// `old`, the `Same` and `added` texts `new`. Changes separated only by white space are
/// joined into one, as a reader sees them: `[-in-] [-February-]` reads as `[-in February-]`.
pub(crate) fn diff(old: &str, new: &str) -> Vec<Part> {
    let (a, b) = (split(old), split(new));
    let mut parts: Vec<Part> = Vec::new();
    for pair in align(&a, &b) {
        let (removed, added) = match pair {
            Pair::Same(i, _) => {
                push_same(&mut parts, a[i]);
                continue;
            }
            Pair::Removed(i) => (a[i], ""),
            Pair::Added(j) => ("", b[j]),
            Pair::Changed(i, j) => (a[i], b[j]),
        };
        push_changed(&mut parts, removed, added);
    }
    join_changes(parts)
}

fn push_same(parts: &mut Vec<Part>, text: &str) {
    if let Some(Part::Same(s)) = parts.last_mut() {
        s.push_str(text);
    } else {
        parts.push(Part::Same(text.to_owned()));
    }
}

fn push_changed(parts: &mut Vec<Part>, removed: &str, added: &str) {
    if let Some(Part::Changed {
        removed: r,
        added: a,
    }) = parts.last_mut()
    {
        r.push_str(removed);
        a.push_str(added);
    } else {
        parts.push(Part::Changed {
            removed: removed.to_owned(),
            added: added.to_owned(),
        });
    }
}

/// Joins two changes with only white space between them into one change.
fn join_changes(parts: Vec<Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::with_capacity(parts.len());
    let mut rest = parts.into_iter().peekable();
    while let Some(part) = rest.next() {
        let between = matches!(&part, Part::Same(s) if s.chars().all(char::is_whitespace))
            && matches!(out.last(), Some(Part::Changed { .. }))
            && matches!(rest.peek(), Some(Part::Changed { .. }));
        match (between, part) {
            (true, Part::Same(space)) => {
                if let Some(Part::Changed { removed, added }) = out.last_mut() {
                    removed.push_str(&space);
                    added.push_str(&space);
                }
            }
            (_, Part::Changed { removed, added }) => {
                if let Some(Part::Changed {
                    removed: r,
                    added: a,
                }) = out.last_mut()
                {
                    r.push_str(&removed);
                    a.push_str(&added);
                } else {
                    out.push(Part::Changed { removed, added });
                }
            }
            (false, same) => out.push(same),
        }
    }
    out
}

/// `text` cut into words, white space and single characters, as the module describes;
/// the pieces put together give `text`.
pub(crate) fn split(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Single,
    }
    let class = |c: char| {
        if is_cjk(c) {
            Class::Single
        } else if c.is_whitespace() {
            Class::Space
        } else if c.is_alphanumeric() || is_mark(c) {
            Class::Word
        } else {
            Class::Single
        }
    };
    let mut words = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if current.is_some() && (current != Some(k) || k == Class::Single) {
            words.push(&text[start..i]);
            start = i;
        }
        current = Some(k);
    }
    if start < text.len() {
        words.push(&text[start..]);
    }
    words
}

/// Han characters and kana: each is a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// Combining marks, which belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// How one item of an old list lines up with one of a new list: by index into each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pair {
    /// Equal items.
    Same(usize, usize),
    /// An item only in the old list.
    Removed(usize),
    /// An item only in the new list.
    Added(usize),
    /// An old item that a new one replaces, at the same place in a run of changes.
    Changed(usize, usize),
}

/// Lines up two lists with the fewest insertions and deletions (Myers): equal items pair
/// as `Same`; within a run of changes, the old and new items pair in order as `Changed`
/// and what is left over is `Removed` or `Added`. In the order of the lists.
pub(crate) fn align<T: Hash + Eq + Ord>(old: &[T], new: &[T]) -> Vec<Pair> {
    let mut pairs = Vec::with_capacity(old.len().max(new.len()));
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => pairs.extend((0..len).map(|k| Pair::Same(old_index + k, new_index + k))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => pairs.extend((old_index..old_index + old_len).map(Pair::Removed)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => pairs.extend((new_index..new_index + new_len).map(Pair::Added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let both = old_len.min(new_len);
                pairs.extend((0..both).map(|k| Pair::Changed(old_index + k, new_index + k)));
                pairs.extend((old_index + both..old_index + old_len).map(Pair::Removed));
                pairs.extend((new_index + both..new_index + new_len).map(Pair::Added));
            }
        }
    }
    pairs
}

/// `text` with its white space at either end outside the marks: `(" ", "on 7", " ")`, so
/// that a mark never opens or closes on a space. A text of white space alone stays whole.
pub(crate) fn trim_ends(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    if core.is_empty() {
        return ("", text, "");
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    (&text[..start], core, &text[end..])
}

#[cfg(test)]
mod tests {
    use super::{Part, diff, split, trim_ends};

    fn same(s: &str) -> Part {
        Part::Same(s.to_owned())
    }

    fn changed(removed: &str, added: &str) -> Part {
        Part::Changed {
            removed: removed.to_owned(),
            added: added.to_owned(),
        }
    }

    #[test]
    fn words_punctuation_and_han_characters_are_each_a_word() {
        assert_eq!(
            split("It ended, 7,000 of them."),
            [
                "It", " ", "ended", ",", " ", "7", ",", "000", " ", "of", " ", "them", "."
            ]
        );
        assert_eq!(
            split("七千人大会 (1962)"),
            ["七", "千", "人", "大", "会", " ", "(", "1962", ")"]
        );
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("  a\n\tb"), ["  ", "a", "\n\t", "b"]);
    }

    #[test]
    fn a_changed_word_is_all_that_is_marked() {
        assert_eq!(
            diff(
                "Liu Shaoqi was President of China.",
                "Liu Shaoqi was Chairman of China."
            ),
            [
                same("Liu Shaoqi was "),
                changed("President", "Chairman"),
                same(" of China.")
            ]
        );
    }

    #[test]
    fn changes_with_only_space_between_them_are_one() {
        assert_eq!(
            diff("It ended in February 1962.", "It ended on 7 February 1962."),
            [
                same("It ended "),
                changed("in", "on 7"),
                same(" February 1962.")
            ]
        );
        assert_eq!(
            diff("It met in one two places.", "It met in 1 2 places."),
            [
                same("It met in "),
                changed("one two", "1 2"),
                same(" places.")
            ]
        );
    }

    #[test]
    fn the_parts_give_back_both_texts() {
        let cases = [
            ("", "new text"),
            ("old text", ""),
            ("a b c d", "a x c y"),
            ("七千人大会", "七千人的大会"),
            ("same", "same"),
            ("  spaced  out ", "spaced out"),
        ];
        for (old, new) in cases {
            let parts = diff(old, new);
            let (mut a, mut b) = (String::new(), String::new());
            for part in &parts {
                match part {
                    Part::Same(s) => {
                        a.push_str(s);
                        b.push_str(s);
                    }
                    Part::Changed { removed, added } => {
                        a.push_str(removed);
                        b.push_str(added);
                    }
                }
            }
            assert_eq!((a.as_str(), b.as_str()), (old, new), "{parts:?}");
        }
    }

    #[test]
    fn han_text_is_compared_character_by_character() {
        assert_eq!(
            diff("七千人大会", "七千人的大会"),
            [same("七千人"), changed("", "的"), same("大会")]
        );
    }

    #[test]
    fn space_at_the_ends_stays_outside_the_marks() {
        assert_eq!(trim_ends(" on 7 "), (" ", "on 7", " "));
        assert_eq!(trim_ends("the"), ("", "the", ""));
        assert_eq!(trim_ends("  "), ("", "  ", ""));
    }
}
