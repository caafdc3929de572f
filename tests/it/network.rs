//! No network: no HTTP client is in the normal dependency tree of the workspace's
//! members, and a remote `$ref` is refused, never fetched.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use crate::support::root;
use serde_json::{Value, json};

/// Crates whose presence means the tools could reach a network.
const HTTP_CLIENTS: [&str; 14] = [
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "rustls",
    "native-tls",
    "openssl",
    "h2",
    "http-body",
];

#[test]
fn no_http_client_is_a_dependency() {
    // This machine's platform: cargo needs no download to describe it.
    let rustc = Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc names its host");
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("a resolve graph")
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let name_of: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
        .collect();
    // Walk normal (and build) dependencies only, from every workspace member.
    let mut todo: Vec<&str> = meta["workspace_members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut seen = BTreeSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(node) = nodes.get(id) else { continue };
        for dep in node["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            if normal && let Some(d) = dep["pkg"].as_str() {
                todo.push(d);
            }
        }
    }
    let names: BTreeSet<&str> = seen
        .iter()
        .filter_map(|id| name_of.get(id).copied())
        .collect();
    assert!(
        names.contains("jsonschema"),
        "the walk reaches the dependencies"
    );
    let found: Vec<&&str> = HTTP_CLIENTS.iter().filter(|c| names.contains(*c)).collect();
    assert!(
        found.is_empty(),
        "HTTP clients in the dependency tree: {found:?}"
    );
}

#[test]
fn a_remote_ref_in_a_schema_is_refused() {
    for uri in [
        "https://example.org/x.json",
        "http://127.0.0.1:9/x.json",
        "file:///etc/passwd",
    ] {
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": { "a": { "$ref": uri } }
        });
        let err = cadres_validate::compile_schema(&schema).expect_err("refused");
        assert!(
            err.contains("never fetches") || err.contains(uri),
            "{uri}: {err}"
        );
    }
    let local = json!({"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s"});
    assert!(
        cadres_validate::compile_schema(&local).is_ok(),
        "a local $ref compiles"
    );
}

#[test]
fn a_dataset_file_cannot_inject_a_ref() {
    let text = "#:schema https://example.org/evil.schema.json\n\"$ref\" = \"https://example.org/x.json\"\n\"$schema\" = \"https://example.org/s.json\"\ntitle = \"t\"\n";
    let d = cadres_validate::check_file(
        cadres_model::schema::RecordKind::Metadata,
        "metadata.toml",
        text.as_bytes(),
    );
    let names: Vec<&str> = d.iter().map(|d| d.name).collect();
    assert!(names.contains(&"unknown-field"), "{names:?}");
    assert!(names.contains(&"schema-directive"), "{names:?}");
}
