//! Which script a character is written in, as far as the dataset's rules need to know.

/// Whether `c` is a Han (CJK ideograph) character: the CJK Unified Ideographs, their
/// extensions A to H and the compatibility ideographs.
///
/// The validator counts these to tell a Chinese label from a Latin one
/// (`label-script-mismatch`), and each one is a word of its own when quotes are compared.
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{30000}'..='\u{3134F}'
    )
}

#[cfg(test)]
mod tests {
    use super::is_han;

    #[test]
    fn han_characters_and_others() {
        assert!("七千人大会".chars().all(is_han));
        assert!("𠀀".chars().all(is_han), "extension B");
        assert!(
            !"Liu Shaoqi, 1962。".chars().any(is_han),
            "Latin, digits, CJK punctuation"
        );
        assert!(!"ひらがな".chars().any(is_han), "kana are not Han");
    }
}
