//! Rule `label-script-mismatch` (E0704).

declare_rule! {
    /// A label under `zh-Hans` or `zh-Hant` is read as Chinese characters by every export and
    /// every reader; romanized text there belongs under `en` or `zh-Latn-pinyin`, and Han
    /// characters under `en` belong under a Chinese tag. The checker looks at labels and
    /// aliases.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh-Hans = "Beijing" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh-Hans = "北京" }
    /// ```
    pub LABEL_SCRIPT_MISMATCH = "E0704" "label-script-mismatch" Error Text "A `zh-Hans` or `zh-Hant` label holds Han characters; an `en` label holds none.";
}

use super::Text;
use crate::rules::lookup::{Flow, GO_ON, Report, Sink};
use cadres_model::is_han;

/// A label or alias is written in the script of its tag: a `zh-Hans` or `zh-Hant` one
/// holds a Han character, an `en` one holds none.
pub(crate) fn check(t: &Text<'_>, sink: &mut impl Sink) -> Flow {
    let Some(tag) = t.tag else { return GO_ON };
    let han = t.s.chars().any(is_han);
    let tag_script = tag.split('-').nth(1);
    let message = if tag.starts_with("zh") && matches!(tag_script, Some("Hans" | "Hant")) && !han {
        format!("a `{tag}` label holds no Han character")
    } else if tag == "en" && han {
        "an `en` label holds Han characters".to_owned()
    } else {
        return GO_ON;
    };
    sink.report(&LABEL_SCRIPT_MISMATCH, t.file, || {
        Report::at(t.pointer, message)
            .label(format!("under `{tag}`"))
            .help("put the text under the tag of its script: `en`, `zh-Hans`, `zh-Hant` or `zh-Latn-pinyin`")
    })
}
