//! The cadres build system as a library, so that `tests/` can drive each task directly.
//!
//! Each task is a module with a `run` function called by `main.rs`. The xtask wires the
//! model and the validator to files, terminals and export formats; neither library knows
//! about those.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

pub mod archive;
pub mod bench;
pub mod check;
pub mod coverage;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod fuzz;
pub mod new;
pub mod rules;
pub mod schema;
pub mod synth;

/// The workspace root: the folder above this crate's manifest.
pub fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or(manifest.clone(), Path::to_path_buf)
}

/// `path` as given, or `default` under the project root when none was given, so that the
/// tasks work from any folder.
pub fn path_or_default(path: Option<PathBuf>, default: &str) -> PathBuf {
    path.unwrap_or_else(|| project_root().join(default))
}

/// Set by the `cargo xtask` binary, whose process ends when its task returns. A task then
/// leaves its largest data to be freed with the process instead of freeing it piece by
/// piece: dropping the dataset of a 1M-claim export takes 1.7 s of its 20. Left unset
/// (tests, other callers), everything is freed as usual.
pub static PROCESS_ENDS_AFTER_TASK: AtomicBool = AtomicBool::new(false);

/// Drops `value`, or leaves it to the end of the process when
/// [`PROCESS_ENDS_AFTER_TASK`] is set.
pub(crate) fn free_at_exit<T>(value: T) {
    if PROCESS_ENDS_AFTER_TASK.load(Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::{PROCESS_ENDS_AFTER_TASK, free_at_exit};

    static DROPPED: AtomicUsize = AtomicUsize::new(0);

    struct Counted;

    impl Drop for Counted {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Freed as usual unless the binary said the process ends after its task.
    #[test]
    fn data_is_left_to_the_exit_only_when_the_process_ends_after_the_task() {
        free_at_exit(Counted);
        assert_eq!(DROPPED.load(Ordering::Relaxed), 1);
        PROCESS_ENDS_AFTER_TASK.store(true, Ordering::Relaxed);
        free_at_exit(Counted);
        PROCESS_ENDS_AFTER_TASK.store(false, Ordering::Relaxed);
        assert_eq!(DROPPED.load(Ordering::Relaxed), 1);
    }
}
