//! Rule `not-utf8` (E0109).

declare_rule! {
    /// TOML is UTF-8, and the names in this dataset are in several scripts; a file saved in
    /// another encoding (Latin-1, GBK) cannot be read, and its characters would be garbled if
    /// it were guessed. The checker gives the offset and line of the first byte that is not
    /// UTF-8, and says which checks wait until the file loads (no source is called unused
    /// meanwhile).
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   entities/
    ///     place/
    ///       latin.toml    saved as Latin-1: "café" holds the byte 0xE9 on line 4
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   entities/
    ///     place/
    ///       latin.toml    saved as UTF-8: "café" holds the bytes 0xC3 0xA9
    /// ```
    pub NOT_UTF8 = "E0109" "not-utf8" Error Structure "A file is UTF-8 text.";
}

use crate::Diagnostic;

/// The bytes of `file` are UTF-8: its text, or the report, which says where the first
/// invalid byte is.
pub(crate) fn check(file: &str, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].split(|b| *b == b'\n').count();
        Box::new(
            Diagnostic::new(
                &NOT_UTF8,
                file,
                format!("this file is not UTF-8 text: invalid byte at offset {at}, line {line}"),
            )
            .help("save the file as UTF-8"),
        )
    })
}
