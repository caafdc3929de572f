//! Fuzz target `markdown`: see `cadres_fuzz::markdown`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cadres_fuzz::markdown(data));
