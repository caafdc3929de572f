//! Identity rules: ids: unique and well formed.

mod duplicate_id;
mod invalid_id;

pub use duplicate_id::DUPLICATE_ID;
pub use invalid_id::INVALID_ID;
