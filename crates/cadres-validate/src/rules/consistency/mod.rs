//! Consistency rules: disagreeing claims are ranked and classified.

mod dispute_mismatch;
mod rank_without_reason;
mod undeclared_dispute;
mod unranked_contradiction;
mod wrong_dispute_relation;

pub use dispute_mismatch::DISPUTE_MISMATCH;
pub use rank_without_reason::RANK_WITHOUT_REASON;
pub use undeclared_dispute::UNDECLARED_DISPUTE;
pub use unranked_contradiction::UNRANKED_CONTRADICTION;
pub use wrong_dispute_relation::WRONG_DISPUTE_RELATION;
