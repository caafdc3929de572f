//! Replays, under `cargo test`, every input kept in `fuzz/regressions/<target>/`: each
//! crash the fuzz targets found, after its fix. The properties are the fuzz targets' own
//! (`fuzz/src/lib.rs`, compiled here as a module); a few fixed inputs run too, so that
//! each target is exercised even with no regression kept.

use std::fs;

use crate::support::root;

use crate::harness;

#[test]
fn every_kept_input_passes_its_target() {
    let kept = root().join("fuzz/regressions");
    let mut replayed = 0;
    for (name, property) in harness::TARGETS {
        let dir = kept.join(name);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            let bytes = fs::read(&path).expect("read a kept input");
            property(&bytes);
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} kept inputs");
    for dir in fs::read_dir(&kept).into_iter().flatten() {
        let dir = dir.expect("entry");
        if !dir.path().is_dir() {
            continue; // README.md says what each kept input was
        }
        let name = dir.file_name().to_string_lossy().into_owned();
        assert!(
            harness::TARGETS.iter().any(|(t, _)| *t == name),
            "fuzz/regressions/{name}/ names no target"
        );
    }
}

#[test]
fn fixed_inputs_pass_every_target() {
    let inputs: [&[u8]; 6] = [
        b"",
        b"\x03#:schema x\nid = \"a\"\n",
        b"1962-02-07/1962-01~",
        "zh-Hans\u{ff}x\u{301}".as_bytes(),
        b"A | [^1] `x` <b> %% --> #\xffsecond\ntext\xff\xff  ",
        b"978-0-231-11083-9",
    ];
    for (_, property) in harness::TARGETS {
        for input in inputs {
            property(input);
        }
    }
}
