//! The process's one allocator setting, made before any task runs.
//!
//! glibc's `malloc` maps each block of 128 KiB or more on its own, so that freeing it
//! gives the memory back, but it raises that threshold to the size of every larger block
//! freed, up to 32 MiB. The check frees a few such blocks early (the ids' hashes of a
//! large dataset, 18 MB at a million claims), and from then on its tables of several
//! megabytes come from the heap, where what is freed stays resident between them. Fixing
//! the threshold at its default keeps it: at a million claims, a check with one error
//! peaks at 321 MB instead of 350 MB (`BENCHMARKS.md`), at the same speed. Other
//! platforms and allocators are left as they are.

/// Fixes glibc's mmap threshold at its default, 128 KiB (setting it turns off the
/// raising). Call it first in `main`: it is the process's setting, which no library of
/// the workspace makes for the program that uses it.
pub(crate) fn return_large_blocks_when_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const THRESHOLD: libc::c_int = 128 * 1024;
        // SAFETY: `mallopt` sets a tunable of the allocator; glibc allows it at any time
        // and from any thread, and this runs before any other thread starts. A refusal
        // (0) leaves glibc's default behaviour, which is correct, only larger.
        #[allow(unsafe_code)]
        let _ = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD) };
    }
}
