//! Rule `invalid-lang-tag` (E0605).

declare_rule! {
    /// Labels, aliases and texts are keyed by BCP 47 language tags, which exports and screen
    /// readers pass on as they are. A tag that is not well formed (`zh_Hans` with an
    /// underscore) is understood by no tool, and the label is lost to every consumer that looks
    /// for `zh-Hans`.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh_Hans = "北京" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh-Hans = "北京" }
    /// ```
    pub INVALID_LANG_TAG = "E0605" "invalid-lang-tag" Error Bibliography "A language tag is well-formed BCP 47: `en`, `zh-Hans`, `zh-Latn-pinyin`.";
}

use cadres_model::LangTag;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// What to write instead.
const HELP: &str = "use a tag such as `en`, `zh-Hans`, `zh-Hant` or `zh-Latn-pinyin`";

/// The language tag at `pointer` is BCP 47.
pub(crate) fn check(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    let Err(e) = s.parse::<LangTag>() else {
        return GO_ON;
    };
    sink.report(&INVALID_LANG_TAG, file, || {
        Report::at(pointer, e.to_string())
            .label("not a BCP 47 tag")
            .help(HELP)
    })
}

/// The language tag that is the key at `pointer` (of a label or an alias) is BCP 47.
pub(crate) fn check_key(file: FileNo, pointer: &str, key: &str, sink: &mut impl Sink) -> Flow {
    let Err(e) = key.parse::<LangTag>() else {
        return GO_ON;
    };
    sink.report(&INVALID_LANG_TAG, file, || {
        Report::at_key(pointer, e.to_string())
            .label("not a BCP 47 tag")
            .help(HELP)
    })
}
