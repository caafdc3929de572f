//! Rule `invalid-url` (E0602).

declare_rule! {
    /// A URL is given so that a reader can open the source; a relative address, or another
    /// scheme (`ftp:`, `file:`), does not open in a browser or means nothing outside the
    /// contributor's machine. Only absolute `http` and `https` addresses are taken.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// URL = "ftp://example.org/conference"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// URL = "https://example.org/conference"
    /// ```
    pub INVALID_URL = "E0602" "invalid-url" Error Bibliography "A URL is an absolute http or https address.";
}

use cadres_model::Url;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// The URL at `pointer` is absolute and well formed.
pub(crate) fn check(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    let Err(e) = s.parse::<Url>() else {
        return GO_ON;
    };
    sink.report(&INVALID_URL, file, || {
        Report::at(pointer, e.to_string())
            .label("not a valid URL")
            .help("write an absolute address: https://example.org/page")
    })
}
