//! Fuzz target `loader`: see `cadres_fuzz::loader`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cadres_fuzz::loader(data));
