//! Fuzz target `isbn`: see `cadres_fuzz::isbn`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cadres_fuzz::isbn(data));
