//! Escaping dataset text for the places it lands in `dataset.md`: Markdown with inline HTML
//! (GitHub Flavored Markdown), and Mermaid diagram source.
//!
//! Every string that comes from the dataset goes through one of these functions before it
//! is written; text the exporter writes itself does not. Both functions put the text on one
//! line: a newline in a quote must not end a list item, a table row or a diagram line.

use std::borrow::Cow;

/// Escapes `text` for inline GitHub Flavored Markdown: a paragraph, a list item, a table
/// cell, a heading or a footnote.
///
/// - Markdown punctuation (`\`, backticks, `*`, `_`, `[`, `]`, `#`, `|`, `~`, `$`, `@`) is
///   backslash-escaped, so no emphasis, code span, link, footnote reference, table cell
///   break, strike-through, math or mention can start inside it.
/// - `<`, `>` and `&` become HTML character references, so no tag, comment or entity can.
/// - Line breaks and other control characters become spaces, and the text is trimmed.
/// - A leading `-`, `+`, `=` or `1.`/`1)` is escaped, so the text cannot start a list or
///   a heading underline when it begins a line or a list item.
pub fn markdown(text: &str) -> String {
    // Most text needs nothing: then it is copied, not read a character at a time.
    if is_plain(text) {
        return text.to_owned();
    }
    escaped(text)
}

/// [`markdown`] character by character: what every text that is not [`is_plain`] takes.
fn escaped(text: &str) -> String {
    let flat = one_line(text);
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, c) in flat.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if starts_ordered_list(&flat, i) => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `text` between curly double quotes, as Markdown: `“…”`. Double quotes inside it, straight
/// or curly, become single ones, as quotes within quotes are printed (`“persecuted as a
/// ‘traitor’”`, not `“… a "traitor"”`). Straight ones alternate, opening first, since the
/// text around them may have no spaces (`刘少奇"三分天灾"提法`). The data keeps the text as
/// written.
pub fn quoted(text: &str) -> String {
    if plain(text, true) {
        let mut out = String::with_capacity(text.len() + 6);
        out.push('“');
        out.push_str(text);
        out.push('”');
        return out;
    }
    requoted(text)
}

/// [`quoted`] character by character: what every text that is not plain or holds a double
/// quote takes.
fn requoted(text: &str) -> String {
    let mut open = true;
    let inner: String = text
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            '"' => {
                open = !open;
                if open { '’' } else { '‘' }
            }
            c => c,
        })
        .collect();
    format!("“{}”", markdown(&inner))
}

/// Whether [`markdown`] leaves `text` as it is, judged a byte at a time: it is on one line
/// ([`is_one_line`]), holds no character that is escaped, and does not begin with one that
/// is escaped at the start (a digit is taken to begin an ordered list, to be safe). Every
/// byte of a character outside ASCII is 0x80 or more, so an ASCII byte is that character;
/// of the characters outside ASCII only the control characters (U+0080 to U+009F) and the
/// line and paragraph separators (U+2028, U+2029) are line breaks.
fn is_plain(text: &str) -> bool {
    plain(text, false)
}

/// What a byte is to [`plain`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// Left as it is.
    Kept,
    /// Escaped, or a line break: the text is not plain.
    Escaped,
    /// A space: not plain after another.
    Space,
    /// `"`: not plain inside [`quoted`], which turns it into a single quote.
    Quote,
    /// 0xC2, the lead byte of U+0080 to U+00BF, the control characters among them.
    C2,
    /// 0xE2, the lead byte of U+2000 to U+2FFF: the line and paragraph separators and the
    /// curly double quotes among them.
    E2,
}

/// [`Byte`] of each byte value.
const BYTES: [Byte; 256] = {
    let mut table = [Byte::Kept; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = Byte::Escaped;
        b += 1;
    }
    let escaped = b"\\`*_[]#|~$@<>&\x7f";
    let mut i = 0;
    while i < escaped.len() {
        table[escaped[i] as usize] = Byte::Escaped;
        i += 1;
    }
    table[b' ' as usize] = Byte::Space;
    table[b'"' as usize] = Byte::Quote;
    table[0xc2] = Byte::C2;
    table[0xe2] = Byte::E2;
    table
};

/// [`is_plain`], and with `quotes` also free of double quotes, straight or curly (`“` is
/// E2 80 9C, `”` E2 80 9D).
fn plain(text: &str, quotes: bool) -> bool {
    let bytes = text.as_bytes();
    if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last())
        && (matches!(first, b'-' | b'+' | b'=' | b' ' | b'0'..=b'9') || last == b' ')
    {
        return false;
    }
    let mut space = false;
    for (i, &b) in bytes.iter().enumerate() {
        let stop = match BYTES[b as usize] {
            Byte::Kept => false,
            Byte::Escaped => true,
            Byte::Space => space,
            Byte::Quote => quotes,
            // U+0080 to U+009F: C2 80 to C2 9F.
            Byte::C2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; `“` and `”` E2 80 9C and 9D.
            Byte::E2 => {
                bytes.get(i + 1) == Some(&0x80)
                    && match bytes.get(i + 2) {
                        Some(0xa8 | 0xa9) => true,
                        Some(0x9c | 0x9d) => quotes,
                        _ => false,
                    }
            }
        };
        if stop {
            return false;
        }
        space = b == b' ';
    }
    true
}

/// Whether the `.` or `)` at byte `i` ends a run of up to nine digits that begins the text
/// and is followed by a space or the end: what `CommonMark` reads as an ordered list marker.
fn starts_ordered_list(text: &str, i: usize) -> bool {
    i > 0
        && i <= 9
        && text[..i].bytes().all(|b| b.is_ascii_digit())
        && matches!(text.as_bytes().get(i + 1), None | Some(b' '))
}

/// Escapes `text` for a Mermaid diagram: a timeline's title, period or event.
///
/// Mermaid decodes its own entity codes (`#58;` is a colon) in every diagram type, so the
/// characters that mean something to a diagram's grammar or to HTML become codes: `:`
/// (which separates a timeline's events), `;`, `#` (which starts a code), `%` (`%%` starts
/// a comment), `<`, `>` (so `-->` and tags are inert), `&`, `"`, backticks, braces and
/// brackets. Line breaks and other control characters become spaces.
pub fn mermaid(text: &str) -> String {
    let flat = one_line(text);
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        match c {
            '#' | ':' | ';' | '%' | '<' | '>' | '&' | '"' | '`' | '{' | '}' | '[' | ']' | '\\'
            | '|' => {
                out.push('#');
                out.push_str(&u32::from(c).to_string());
                out.push(';');
            }
            _ => out.push(c),
        }
    }
    out
}

/// `text` on one line: every control character (line breaks included, and the Unicode line
/// and paragraph separators) becomes a space; runs of spaces collapse; ends are trimmed.
fn one_line(text: &str) -> Cow<'_, str> {
    // Most text is on one line already: then it is returned as it is, not copied.
    if is_one_line(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(flatten(text))
    }
}

fn is_line_break(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Whether [`flatten`] would leave `text` as it is.
fn is_one_line(text: &str) -> bool {
    !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(is_line_break)
}

fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if is_line_break(c) { ' ' } else { c };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escaped, flatten, is_one_line, is_plain, markdown, mermaid, quoted, requoted};

    /// Every string of up to `n` characters of `alphabet`.
    fn strings(alphabet: &[char], n: usize) -> Vec<String> {
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..n {
            last = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts
    }

    #[test]
    fn plain_text_is_what_escaping_leaves_alone() {
        // Every character that is escaped or breaks a line, beside ones that are not, and
        // the neighbours of the multi-byte line breaks in UTF-8 (U+00A0 is C2 A0, U+2027
        // is E2 80 A7, U+2030 is E2 80 B0, U+201C is E2 80 9C).
        let alphabet = [
            ' ', 'a', '1', '.', ')', '-', '+', '=', '\\', '`', '*', '_', '[', ']', '#', '|', '~',
            '$', '@', '<', '>', '&', '"', '\n', '\t', '\u{7f}', '\u{85}', '\u{9f}', '\u{a0}',
            '\u{2027}', '\u{2028}', '\u{2029}', '\u{2030}', '“', '”', '七',
        ];
        let texts = strings(&alphabet, 3);
        assert!(texts.len() > 45_000);
        let mut plain = 0;
        for text in &texts {
            if is_plain(text) {
                plain += 1;
                assert_eq!(escaped(text), *text, "{text:?}");
            }
            assert_eq!(markdown(text), escaped(text), "{text:?}");
        }
        // The shortcut is taken, and not only for the empty text.
        assert!(plain > 1_000, "{plain}");
    }

    #[test]
    fn quoting_plain_text_takes_the_shortcut_to_the_same_text() {
        let alphabet = [' ', 'a', '"', '“', '”', '‘', '*', '\n', '七'];
        let mut plain = 0;
        for text in strings(&alphabet, 4) {
            if super::plain(&text, true) {
                plain += 1;
            }
            assert_eq!(quoted(&text), requoted(&text), "{text:?}");
        }
        // The shortcut is taken, and not only for the empty text.
        assert!(plain > 100, "{plain}");
    }

    #[test]
    fn text_on_one_line_is_what_flatten_leaves_alone() {
        // Every string of up to five characters from an alphabet of spaces, line breaks
        // and letters.
        let alphabet = [' ', 'a', '\n', '\t', '\u{85}', '\u{2028}', '\u{2029}', '七'];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        assert!(texts.len() > 30_000);
        for text in &texts {
            assert_eq!(is_one_line(text), flatten(text) == *text, "{text:?}");
        }
    }

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            markdown("The conference ended in February 1962."),
            "The conference ended in February 1962."
        );
        assert_eq!(markdown("七千人大会"), "七千人大会");
        assert_eq!(
            mermaid("The conference began, 11 January 1962."),
            "The conference began, 11 January 1962."
        );
    }

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(markdown("a|b"), r"a\|b");
        assert_eq!(markdown("[^1] [x](y)"), r"\[^1\] \[x\](y)");
        assert_eq!(markdown("*bold* _it_"), r"\*bold\* \_it\_");
        assert_eq!(markdown("`code`"), r"\`code\`");
        assert_eq!(markdown(r"back\slash"), r"back\\slash");
        assert_eq!(markdown("~~gone~~"), r"\~\~gone\~\~");
        assert_eq!(markdown("$x$ and @someone"), r"\$x\$ and \@someone");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(markdown("a & b &amp;"), "a &amp; b &amp;amp;");
        assert_eq!(markdown("<!-- hidden -->"), "&lt;!-- hidden --&gt;");
    }

    #[test]
    fn line_starts_are_escaped() {
        assert_eq!(markdown("# not a heading"), r"\# not a heading");
        assert_eq!(markdown("- not a list"), r"\- not a list");
        assert_eq!(markdown("+ not a list"), r"\+ not a list");
        assert_eq!(markdown("=== not an underline"), r"\=== not an underline");
        assert_eq!(markdown("1962. not a list"), r"1962\. not a list");
        assert_eq!(markdown("3) not a list"), r"3\) not a list");
        assert_eq!(markdown("> not a quote"), "&gt; not a quote");
        assert_eq!(markdown("a - b. 3) c"), "a - b. 3) c");
        assert_eq!(markdown("0.1.0"), "0.1.0");
        assert_eq!(markdown("1962."), r"1962\.");
    }

    #[test]
    fn newlines_become_spaces() {
        assert_eq!(markdown("one\ntwo\r\n\r\n# three"), r"one two \# three");
        assert_eq!(markdown("  padded\t"), "padded");
        assert_eq!(markdown("line\u{2028}separator"), "line separator");
        assert_eq!(mermaid("a\n    section x"), "a section x");
    }

    #[test]
    fn quotes_within_quotes_become_single() {
        assert_eq!(
            quoted("persecuted to death as a \"traitor\""),
            "“persecuted to death as a ‘traitor’”"
        );
        assert_eq!(quoted("刘少奇\"三分天灾\"提法"), "“刘少奇‘三分天灾’提法”");
        assert_eq!(quoted("an “inner” word"), "“an ‘inner’ word”");
        // An excerpt that cuts a quotation short keeps its opening mark.
        assert_eq!(
            quoted("talked about \"every year"),
            "“talked about ‘every year”"
        );
        assert_eq!(quoted("Mao's *call*"), "“Mao's \\*call\\*”");
    }

    #[test]
    fn mermaid_grammar_is_escaped() {
        assert_eq!(mermaid("a: b; c"), "a#58; b#59; c");
        assert_eq!(mermaid("%% comment"), "#37;#37; comment");
        assert_eq!(mermaid("a --> b"), "a --#62; b");
        assert_eq!(mermaid("#58;"), "#35;58#59;");
        assert_eq!(mermaid("<b>&\"`"), "#60;b#62;#38;#34;#96;");
        assert_eq!(mermaid("{x} [y]"), "#123;x#125; #91;y#93;");
    }
}
