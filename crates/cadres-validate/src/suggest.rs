//! "Did you mean": the known word nearest to a mistyped one.

/// The candidate nearest to `word` by edit distance (Levenshtein, in characters), when it
/// is near enough to be a typo: at most a third of the word's length, and at least one
/// edit. Ties go to the smaller candidate, so the answer does not depend on their order.
///
/// ```
/// use cadres_validate::closest;
///
/// assert_eq!(closest("publisher-plce", &["publisher", "publisher-place"]), Some("publisher-place"));
/// assert_eq!(closest("title", &["author", "issued"]), None);
/// ```
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}
