//! Text rules: free text is clean.

pub(crate) mod invisible_character;
pub(crate) mod label_script_mismatch;
pub(crate) mod not_nfc;
pub(crate) mod placeholder_left;
pub(crate) mod untrimmed_text;

pub use invisible_character::INVISIBLE_CHARACTER;
pub use label_script_mismatch::LABEL_SCRIPT_MISMATCH;
pub use not_nfc::NOT_NFC;
pub use placeholder_left::PLACEHOLDER_LEFT;
pub use untrimmed_text::UNTRIMMED_TEXT;

use crate::rules::lookup::{FileNo, Flow, Sink};

/// One string value of a file, as the text rules see it.
pub(crate) struct Text<'a> {
    /// The text.
    pub(crate) s: &'a str,
    /// Its file; a sink made for one file may ignore it.
    pub(crate) file: FileNo,
    /// Its JSON pointer in the file, for a report; a sink that builds no report never
    /// reads it, so a caller that only asks yes or no may leave it empty.
    pub(crate) pointer: &'a str,
    /// The language tag it is under, if it is a label or an alias.
    pub(crate) tag: Option<&'a str>,
    /// Whether every character is one that no rule on characters objects to: see
    /// [`plain`]. Worked out once, for [`not_nfc`] and [`invisible_character`].
    plain: bool,
}

impl<'a> Text<'a> {
    pub(crate) fn new(s: &'a str, file: FileNo, pointer: &'a str, tag: Option<&'a str>) -> Self {
        Text {
            s,
            file,
            pointer,
            tag,
            plain: plain(s),
        }
    }
}

/// Every text rule on one string value, in the order they are reported. A placeholder is
/// judged by nothing after its own rule: its blanks and its script are the marker's.
pub(crate) fn check(t: &Text<'_>, sink: &mut impl Sink) -> Flow {
    not_nfc::check(t, sink)?;
    invisible_character::check(t, sink)?;
    if placeholder_left::is_placeholder(t.s) {
        return placeholder_left::check(t, sink);
    }
    untrimmed_text::check(t, sink)?;
    label_script_mismatch::check(t, sink)
}

/// Whether `s` is made only of characters that pass both rules on characters: it is in
/// NFC ([`not_nfc`]) and holds no invisible character ([`invisible_character`]). A
/// shortcut for the common case, exact for what it accepts; a `false` only means the two
/// rules look for themselves.
///
/// One pass over the bytes decides ASCII text, with no early exit so that it runs on whole
/// vectors of bytes; other text is decoded and each character tried with [`is_plain`].
fn plain(s: &str) -> bool {
    let (high, control) = s.bytes().fold((0u8, 0u8), |(high, control), b| {
        (
            high | (b & 0x80),
            control | u8::from((b < 0x20 && b != b'\n') || b == 0x7f),
        )
    });
    control == 0 && (high == 0 || s.chars().all(is_plain))
}

/// A visible character that is its own NFC and combines with nothing (quick check `Yes`,
/// combining class 0): ASCII, the Latin-1 and Latin Extended-A letters, general
/// punctuation (dashes, quotation marks), CJK punctuation and brackets, the CJK unified
/// ideographs of the basic block and extension A (not the compatibility ideographs, which
/// NFC changes), and the fullwidth ASCII forms. A test checks every one. (ASCII control
/// characters are invisible: [`plain`] excludes them before it asks.) None outside ASCII
/// is whitespace, and none but the uppercase letters has a lowercase other than itself, so
/// folding (`crate::archive::is_folded`) and names' keys lean on the set too.
pub(crate) fn is_plain(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '\u{C0}'..='\u{17F}'
                | '\u{2010}'..='\u{2027}'
                | '\u{3001}'..='\u{3003}'
                | '\u{3008}'..='\u{3011}'
                | '\u{3400}'..='\u{4DBF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{FF01}'..='\u{FF5E}'
        )
}

#[cfg(test)]
mod tests {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc, is_nfc_quick};

    use super::invisible_character::is_invisible;
    use super::{Text, check, is_plain, plain};
    use crate::rules::lookup::First;

    /// Every character the shortcut trusts passes the quick check with combining class 0
    /// and is visible, so that any string of them is in NFC.
    #[test]
    fn every_plain_character_is_its_own_nfc_and_visible() {
        let plain: Vec<char> = ('\0'..=char::MAX)
            .filter(|c| is_plain(*c) && !c.is_ascii_control())
            .collect();
        assert!(plain.len() > 25_000, "{}", plain.len());
        for c in plain {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert!(!is_invisible(c), "{c:?}");
            assert!(c.is_ascii() || !c.is_whitespace(), "{c:?}");
            if !c.is_uppercase() {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
        }
    }

    /// The text rules pass a string exactly when it is in NFC with no invisible or
    /// control character (it has no blank at an end, no marker and no tag here), and the
    /// shortcut accepts only such strings.
    #[test]
    fn the_plain_text_shortcut_agrees_with_the_normalization_check() {
        let alphabet = [
            "a",
            " ",
            "中",
            "國",
            "\u{3400}",
            "\u{9FFF}",
            "\u{F900}",
            "\u{FA11}",
            "\u{2F800}",
            "e",
            "\u{301}",
            "\u{3099}",
            "か",
            "\u{200B}",
            "\u{FEFF}",
            "\t",
            "\n",
            "é",
            "\u{1100}",
            "\u{1161}",
            "。",
            "ō",
            "o",
            "\u{304}",
            "“",
            "\u{2028}",
            "，",
            "\u{FF9E}",
            "\u{AD}",
            "\u{7f}",
        ];
        let (mut checked, mut shortcut) = (0, 0);
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let s = format!("x{a}{b}{c}x");
                    let expected = is_nfc(&s) && !s.chars().any(is_invisible);
                    let t = Text::new(&s, 0, "", None);
                    assert_eq!(
                        check(&t, &mut First::default()).is_continue(),
                        expected,
                        "{s:?}"
                    );
                    if plain(&s) {
                        assert!(expected, "{s:?}");
                        shortcut += 1;
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, alphabet.len().pow(3));
        assert!(
            shortcut > checked / 20,
            "the shortcut took only {shortcut} of {checked}"
        );
    }
}
