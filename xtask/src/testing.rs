//! Helpers shared by the tests of the tasks: where the fixtures are, and copies of them.

pub(crate) use cadres_testkit::{copy_dir, fixture, release_of, root, rule_fixture};
pub(crate) use cadres_validate::testing::relock;
