//! Fuzz target `id`: see `cadres_fuzz::id`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cadres_fuzz::id(data));
