//! The limits a dataset stays within (rule `limit-exceeded`, and `file-too-large`), in one
//! place: the walk, the loader and the text scan all read them here.

/// The largest file the loader reads.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The most record files a dataset may hold; the walk loads the first ones in sorted order
/// and reports the rest under `limit-exceeded`. A guard against a mistaken `--dataset /`,
/// set far above the largest dataset the tools are built for (a thousand times the real
/// one, and the benchmark's 150,002 files at a million claims); `--max-files` changes it.
pub const MAX_FILES: usize = 1_000_000;

/// The deepest a file's tables and lists may nest (the top table is depth 0); deeper
/// values are reported under `limit-exceeded` and not checked further.
pub const MAX_DEPTH: usize = 16;

/// The most characters (Unicode scalar values) a string value may hold.
pub const MAX_STRING_CHARS: usize = 10_000;
