//! Words the rules' messages share.

use cadres_model::EntityKind;

/// `word` with its indefinite article: `an event`, `a place`.
pub(crate) fn article(word: &str) -> String {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {word}")
    } else {
        format!("a {word}")
    }
}

/// Entity kinds as a list of code words: `` `person`, `place` ``.
pub(crate) fn kinds(list: &[EntityKind]) -> String {
    let words: Vec<String> = list.iter().map(|k| format!("`{k}`")).collect();
    words.join(", ")
}
