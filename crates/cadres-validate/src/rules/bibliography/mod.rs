//! Bibliography rules: sources are described with well-formed data.

mod accessed_before_issued;
mod date_after_as_of;
mod incomplete_name;
mod invalid_isbn;
mod invalid_lang_tag;
mod invalid_url;

pub use accessed_before_issued::ACCESSED_BEFORE_ISSUED;
pub use date_after_as_of::DATE_AFTER_AS_OF;
pub use incomplete_name::INCOMPLETE_NAME;
pub use invalid_isbn::INVALID_ISBN;
pub use invalid_lang_tag::INVALID_LANG_TAG;
pub use invalid_url::INVALID_URL;
