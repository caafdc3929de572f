//! Text rules: free text is clean.

pub(super) mod invisible_character;
pub(super) mod label_script_mismatch;
pub(super) mod not_nfc;
pub(super) mod placeholder_left;
pub(super) mod untrimmed_text;

pub use invisible_character::INVISIBLE_CHARACTER;
pub use label_script_mismatch::LABEL_SCRIPT_MISMATCH;
pub use not_nfc::NOT_NFC;
pub use placeholder_left::PLACEHOLDER_LEFT;
pub use untrimmed_text::UNTRIMMED_TEXT;
