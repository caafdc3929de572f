//! Structure rules: files, their syntax, their schema and their place in the folder tree.

pub(crate) mod file_name_mismatch;
pub(crate) mod file_too_large;
pub(crate) mod folder_kind_mismatch;
pub(crate) mod limit_exceeded;
pub(crate) mod missing_field;
pub(crate) mod missing_file;
pub(crate) mod non_canonical_encoding;
pub(crate) mod not_utf8;
pub(crate) mod schema;
pub(crate) mod schema_directive;
pub(crate) mod schema_mismatch;
pub(crate) mod symlink_outside;
pub(crate) mod toml_syntax;
pub(crate) mod unexpected_file;
pub(crate) mod unknown_field;
pub(crate) mod unreadable_file;

pub use file_name_mismatch::FILE_NAME_MISMATCH;
pub use file_too_large::FILE_TOO_LARGE;
pub use folder_kind_mismatch::FOLDER_KIND_MISMATCH;
pub use limit_exceeded::LIMIT_EXCEEDED;
pub use missing_field::MISSING_FIELD;
pub use missing_file::MISSING_FILE;
pub use non_canonical_encoding::NON_CANONICAL_ENCODING;
pub use not_utf8::NOT_UTF8;
pub use schema_directive::SCHEMA_DIRECTIVE;
pub use schema_mismatch::SCHEMA_MISMATCH;
pub use symlink_outside::SYMLINK_OUTSIDE;
pub use toml_syntax::TOML_SYNTAX;
pub use unexpected_file::UNEXPECTED_FILE;
pub use unknown_field::UNKNOWN_FIELD;
pub use unreadable_file::UNREADABLE_FILE;
