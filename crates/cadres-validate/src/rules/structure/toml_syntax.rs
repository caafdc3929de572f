//! Rule `toml-syntax` (E0101).

declare_rule! {
    /// A file that is not TOML cannot be read at all: nothing in it is checked, and every claim
    /// that names one of its ids has to wait on it. The checker points at the first place the
    /// parser gave up, with the parser's own words, so the mistake can be found without reading
    /// the whole file.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/shanghai.toml
    /// id = "shanghai"
    /// kind = "place"
    /// description = "A city."
    /// labels = { en = "Shanghai"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/shanghai.toml
    /// id = "shanghai"
    /// kind = "place"
    /// description = "A city."
    /// labels = { en = "Shanghai" }
    /// ```
    pub TOML_SYNTAX = "E0101" "toml-syntax" Error Structure "A file is valid TOML.";
}

use super::limit_exceeded;
use crate::Diagnostic;

/// Each syntax error the TOML parser met in `text`, the text of `file`, as a report: a
/// nesting past the parser's own bound is `limit-exceeded`'s.
pub(crate) fn check(file: &str, text: &str, errors: &[toml::de::Error], out: &mut Vec<Diagnostic>) {
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim_end();
        if limit_exceeded::is_parser_nesting(message) {
            out.push(limit_exceeded::parser_nesting(file, text, span, message));
            continue;
        }
        let mut d = Diagnostic::new(&TOML_SYNTAX, file, message)
            .at(text, span)
            .label("invalid TOML");
        if message.starts_with("duplicate key") {
            d = d.help("a key appears once in its table: remove or rename one of the two");
        }
        out.push(d);
    }
}
