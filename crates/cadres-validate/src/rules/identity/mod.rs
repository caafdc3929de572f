//! Identity rules: ids: unique and well formed.

pub(crate) mod duplicate_id;
pub(crate) mod invalid_id;

pub use duplicate_id::DUPLICATE_ID;
pub use invalid_id::INVALID_ID;
