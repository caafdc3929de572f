//! Rule `pin-mismatch` (E0409).

declare_rule! {
    /// With `--archive DIR`, the checker compares each archived text with its source's pin. A
    /// text that differs is not the text the quotes were read from (a page saved again, a file
    /// edited), so checking the quotes against it would prove nothing; its quotes are not
    /// checked until the text that was read is restored or the quotes are verified anew.
    ///
    /// ## Fails
    /// ```text
    /// archive/
    ///   article.txt    104 bytes, sha256 3c00e814…
    /// dataset/sources/article.toml
    ///   archived-text = { sha256 = "5f70d2d7…", length = 87 }
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// archive/
    ///   article.txt    87 bytes, sha256 5f70d2d7…, the text that was read
    /// dataset/sources/article.toml
    ///   archived-text = { sha256 = "5f70d2d7…", length = 87 }
    /// ```
    pub PIN_MISMATCH = "E0409" "pin-mismatch" Error Provenance "With `--archive`, each archived text is the one its source pins: the same SHA-256 and length.";
}

use cadres_model::{Source, TextPin};

use crate::Diagnostic;
use crate::checks::Index;
use crate::render::plural;
use crate::verified::VERIFY_COMMAND;

/// The archived text `name` of `source`, in the file `fi`, is the one the source pins:
/// `pin` is that of the text in the archive; `quotes` is how many quotes wait on it.
pub(crate) fn check(
    ix: &Index<'_>,
    fi: usize,
    source: &Source,
    name: &str,
    pin: &TextPin,
    quotes: usize,
) -> Option<Diagnostic> {
    let pinned = source.archived_text.as_ref()?;
    if pinned == pin {
        return None;
    }
    let mut d = ix
        .at(
            &PIN_MISMATCH,
            fi,
            "/archived-text",
            format!(
                "the archived text `{name}` is not the text that was read: it has {pin}; the pin says {pinned}"
            ),
        )
        .label("the text that was read")
        .help(format!(
            "restore the archived text that was read; if the source was read again, verify its quotes against the new text: `{VERIFY_COMMAND}`"
        ));
    if quotes > 0 {
        d.note = Some(format!(
            "its {} are not checked against a text that was not read",
            plural(quotes, "quote")
        ));
    }
    Some(d)
}
