//! Fuzz target `edtf`: see `cadres_fuzz::edtf`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cadres_fuzz::edtf(data));
