//! Rule `not-nfc` (E0701).

declare_rule! {
    /// One word can be written with different code points: `é` as one character or as `e` and a
    /// combining accent. Text in NFC, the composed form, compares and searches the same
    /// everywhere; decomposed text would fail to match a quote or a label that looks identical.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml; \u0301 is the combining acute accent
    /// id = "beijing"
    /// kind = "place"
    /// description = "A cite\u0301, the place of the fixture's meeting."
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A cité, the place of the fixture's meeting."
    /// ```
    pub NOT_NFC = "E0701" "not-nfc" Error Text "Text is in Unicode normalization form C.";
}

use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::Text;
use crate::rules::lookup::{Flow, GO_ON, Report, Sink};

/// The text is in NFC.
pub(crate) fn check(t: &Text<'_>, sink: &mut impl Sink) -> Flow {
    if t.plain || is_nfc(t.s) {
        return GO_ON;
    }
    sink.report(&NOT_NFC, t.file, || {
        let nfc: String = t.s.nfc().collect();
        Report::at(t.pointer, "text is not in Unicode normalization form C")
            .label("decomposed characters here")
            .help(format!("write it composed: {nfc:?}"))
    })
}
