//! The process's allocator: mimalloc, for every task.
//!
//! The check and the export make millions of small allocations on both cores (the records'
//! strings and vectors, the parser's tokens, the renderers' lines) and free most of them
//! from another thread than the one that made them, or at the end. Against glibc's
//! `malloc` (with its mmap threshold fixed at 128 KiB, this module's setting before), one
//! run each on the 1M synthetic dataset: export 43.6 s and 1650 MB to 26.1 s and 1536 MB,
//! check 11.3 s and 289 MB to 9.0 s and 269 MB (`BENCHMARKS.md` has the medians). The
//! libraries of the workspace leave the allocator to the program that uses them.

/// The global allocator of the xtask binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
