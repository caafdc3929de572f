//! Fuzz target `lang`: see `cadres_fuzz::lang`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cadres_fuzz::lang(data));
