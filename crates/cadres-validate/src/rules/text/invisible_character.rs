//! Rule `invisible-character` (E0702).

declare_rule! {
    /// A zero-width space or a control character cannot be seen in an editor or a review, but
    /// it breaks searches, comparisons and quotes found in the archive. They come in with
    /// copied text; a line break is the only control character kept.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml; \u200B is a zero-width space
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city,\u200B the place of the fixture's meeting."
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting."
    /// ```
    pub INVISIBLE_CHARACTER = "E0702" "invisible-character" Error Text "Text holds no control character (other than a line break) and no zero-width character.";
}

use super::Text;
use crate::rules::lookup::{Flow, GO_ON, Report, Sink};

/// The text holds no invisible character.
pub(crate) fn check(t: &Text<'_>, sink: &mut impl Sink) -> Flow {
    if t.plain {
        return GO_ON;
    }
    let Some(c) = t.s.chars().find(|c| is_invisible(*c)) else {
        return GO_ON;
    };
    sink.report(&INVISIBLE_CHARACTER, t.file, || {
        Report::at(
            t.pointer,
            format!("text holds the invisible character U+{:04X}", u32::from(c)),
        )
        .label("invisible character in here")
        .help(if c == '\r' {
            "a multi-line string keeps the carriage returns of CRLF line endings: save the file with LF line endings"
        } else {
            "delete it; write a line break only where the text has one"
        })
    })
}

/// A control character other than a line break, or a zero-width or otherwise invisible
/// formatting character.
pub(crate) fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}
