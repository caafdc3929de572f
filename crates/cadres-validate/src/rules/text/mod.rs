//! Text rules: free text is clean.

mod invisible_character;
mod label_script_mismatch;
mod not_nfc;
mod placeholder_left;
mod untrimmed_text;

pub use invisible_character::INVISIBLE_CHARACTER;
pub use label_script_mismatch::LABEL_SCRIPT_MISMATCH;
pub use not_nfc::NOT_NFC;
pub use placeholder_left::PLACEHOLDER_LEFT;
pub use untrimmed_text::UNTRIMMED_TEXT;
