//! The end-to-end tests of the cadres libraries (model, validator, exporter, formatter),
//! one module per task, built as one test binary so that they link once. The tests of the
//! xtask's own commands live beside their code in `xtask/src/`.

#[path = "../../fuzz/src/lib.rs"]
#[allow(unreachable_pub, dead_code)]
mod harness;
mod support;

mod archive;
mod check;
mod compat;
mod dataset;
mod diff;
mod editor;
mod export;
mod exports;
mod fmt;
mod fuzz_regressions;
mod hostile;
mod model;
mod network;
mod rules;
mod schema;
