//! `cargo xtask export`: the same bytes from another folder, an invalid dataset leaves the
//! output untouched, a valid one replaces an earlier release whole, and the committed copies
//! of the release (cadres-data, `docs/dataset.md`) equal a fresh export and are refreshed
//! only by an export of the project's own dataset into the default `dist/`. The release's
//! bytes and the renderers are `tests/it/export.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::export;
use crate::testing::release_of;
use cadres_export::Release;
use cadres_model::Dataset;

mod interrupt;

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("readable folder") {
            let path = entry.expect("entry").path();
            let rel = path
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                walk(root, &path, out);
            } else {
                out.insert(rel, fs::read(&path).expect("readable file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The files of [`tree`], without its folder entries: what a release's file list names.
fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    tree(dir)
        .into_iter()
        .filter(|(name, _)| !name.ends_with('/'))
        .collect()
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("readable folder") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("named"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy file");
        }
    }
}

/// Sets the modification time of every file under `dir`.
fn touch_all(dir: &Path, when: std::time::SystemTime) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            touch_all(&path, when);
        } else {
            fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_modified(when))
                .expect("set the modification time");
        }
    }
}

// ---------------------------------------------------------------------------------------
// The valid fixture

fn valid() -> (Dataset, Release) {
    release_of(&crate::testing::fixture("valid"))
}

#[test]
fn same_dataset_in_another_folder_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a = tmp.path().join("first copy");
    let b = tmp.path().join("zz").join("другая");
    copy_tree(&crate::testing::fixture("valid"), &a);
    copy_tree(&crate::testing::fixture("valid"), &b);
    // Other modification times: the export never reads them.
    touch_all(
        &b,
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86_400),
    );
    let (out_a, out_b) = (
        tmp.path().join("out-a"),
        tmp.path().join("elsewhere").join("dist"),
    );
    assert_eq!(
        export::run(&a, &out_a).expect("export runs"),
        ExitCode::SUCCESS
    );
    assert_eq!(
        export::run(&b, &out_b).expect("export runs"),
        ExitCode::SUCCESS
    );
    // A second export over the first gives the same bytes again.
    assert_eq!(
        export::run(&a, &out_a).expect("export runs"),
        ExitCode::SUCCESS
    );
    assert_eq!(tree(&out_a), tree(&out_b));
    let root = tmp.path().to_string_lossy().into_owned();
    for (name, bytes) in tree(&out_a) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&root),
            "{name} holds an absolute path"
        );
    }
    let (_, release) = valid();
    let expected: BTreeMap<String, Vec<u8>> = release.files.into_iter().collect();
    assert_eq!(files_of(&out_a), expected);
}

// ---------------------------------------------------------------------------------------
// Writing the release

fn leftovers(parent: &Path, out: &Path) -> Vec<PathBuf> {
    fs::read_dir(parent)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p != out)
        .collect()
}

#[test]
fn invalid_dataset_leaves_out_untouched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dataset = tmp.path().join("dataset");
    copy_tree(&crate::testing::fixture("valid"), &dataset);
    fs::write(
        dataset.join("entities/person/zhang-san.toml"),
        "#:schema ../../../../../schema/entity.schema.json\nid = \"zhang-san\"\nkind = [\n",
    )
    .expect("break a file");
    let out = tmp.path().join("dist");
    fs::create_dir_all(out.join("nested")).expect("create out");
    fs::write(out.join("dataset.md"), "an earlier release\n").expect("write");
    fs::write(out.join("nested/keep.txt"), "kept").expect("write");
    let before = tree(&out);

    assert_eq!(
        export::run(&dataset, &out).expect("export runs"),
        ExitCode::FAILURE
    );
    assert_eq!(tree(&out), before, "out is byte for byte as it was");
    assert_eq!(
        leftovers(tmp.path(), &out),
        vec![dataset.clone()],
        "no temporary folder is left"
    );

    // Without an out folder, nothing is created either.
    let missing = tmp.path().join("never").join("dist");
    assert_eq!(
        export::run(&dataset, &missing).expect("export runs"),
        ExitCode::FAILURE
    );
    assert!(!tmp.path().join("never").exists(), "nothing was created");
}

#[test]
fn valid_export_replaces_an_earlier_release_whole() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("dist");
    fs::create_dir_all(out.join("old-folder")).expect("create out");
    fs::write(out.join("stale.txt"), "from an earlier export").expect("write");
    fs::write(out.join("dataset.md"), "old").expect("write");

    let fixture = crate::testing::fixture("valid");
    assert_eq!(
        export::run(&fixture, &out).expect("export runs"),
        ExitCode::SUCCESS
    );
    let names: Vec<String> = tree(&out).into_keys().collect();
    // The release's files and the folders that hold them (`data/`), nothing else.
    let mut expected: BTreeSet<String> = cadres_export::FILES
        .iter()
        .map(|f| (*f).to_owned())
        .collect();
    expected.extend(
        cadres_export::FILES
            .iter()
            .filter_map(|f| f.rsplit_once('/').map(|(folder, _)| format!("{folder}/"))),
    );
    assert_eq!(
        names,
        expected.into_iter().collect::<Vec<_>>(),
        "only the new release's files are there"
    );
    assert!(
        leftovers(tmp.path(), &out).is_empty(),
        "no temporary folder is left"
    );
}

// ---------------------------------------------------------------------------------------
// The committed copies: cadres-data's dataset.json and the reading copy docs/dataset.md

#[test]
fn committed_copies_equal_a_fresh_export() {
    let (_, release) = release_of(&crate::testing::root().join("dataset"));
    let expected = export::copies::expected(|name| release.file(name)).expect("the copies");
    let stale = export::copies::stale(&crate::testing::root(), &expected);
    assert!(
        stale.is_empty(),
        "stale committed copies of the release ({}): run `{}` and commit the result",
        stale.join(", "),
        export::copies::REFRESH
    );
}

/// A project laid out like this one in a temporary folder: its dataset/ and committed copies.
fn project_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = crate::testing::root();
    copy_tree(&root.join("dataset"), &tmp.path().join("dataset"));
    for path in export::copies::COPIES
        .iter()
        .map(|(_, p)| *p)
        .chain([export::copies::CONSTANTS])
    {
        let target = tmp.path().join(path);
        fs::create_dir_all(target.parent().expect("a parent")).expect("mkdir");
        fs::copy(root.join(path), target).expect("copy a committed copy");
    }
    tmp
}

#[test]
fn exporting_a_changed_statement_changes_both_copies_and_only_with_the_default_paths() {
    let tmp = project_copy();
    let root = tmp.path();
    let file = root.join("dataset/entities/person/liu-shaoqi.toml");
    let text = fs::read_to_string(&file).expect("read");
    let statement = text
        .lines()
        .find_map(|l| l.strip_prefix("statement = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("a statement")
        .to_owned();
    let changed = "A statement changed by the copies test.";
    fs::write(&file, text.replacen(&statement, changed, 1)).expect("write");
    let before: Vec<Vec<u8>> = [
        "crates/cadres-data/dataset.json",
        "docs/dataset.md",
        export::copies::CONSTANTS,
    ]
    .iter()
    .map(|p| fs::read(root.join(p)).expect("read a copy"))
    .collect();

    // To another folder (`--out`): the copies are left alone.
    let code = export::run_with(
        &root.join("dataset"),
        &root.join("elsewhere"),
        None,
        cadres_validate::MAX_FILES,
        None,
    )
    .expect("export runs");
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    assert_eq!(
        fs::read(root.join("docs/dataset.md")).expect("read"),
        before[1]
    );

    let code = export::run_with(
        &root.join("dataset"),
        &root.join("dist"),
        None,
        cadres_validate::MAX_FILES,
        Some(root),
    )
    .expect("export runs");
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    for (path, old) in [
        "crates/cadres-data/dataset.json",
        "docs/dataset.md",
        export::copies::CONSTANTS,
    ]
    .iter()
    .zip(&before)
    {
        let new = fs::read(root.join(path)).expect("read a copy");
        assert_ne!(&new, old, "{path} changed");
    }
    for (name, path) in export::copies::COPIES {
        assert_eq!(
            fs::read(root.join(path)).expect("read a copy"),
            fs::read(root.join("dist").join(name)).expect("read the release"),
            "{path} is the release's {name}"
        );
    }
    for path in ["crates/cadres-data/dataset.json", "docs/dataset.md"] {
        let copy = fs::read_to_string(root.join(path)).expect("read");
        assert!(copy.contains(changed), "{path} holds the new statement");
    }
    assert!(export::copies::is_project_dataset(
        root,
        &root.join("dataset/../dataset")
    ));
    assert!(!export::copies::is_project_dataset(
        root,
        &root.join("elsewhere")
    ));
}
