//! Identity rules: ids: unique and well formed.

pub(super) mod duplicate_id;
pub(super) mod invalid_id;

pub use duplicate_id::DUPLICATE_ID;
pub use invalid_id::INVALID_ID;
