"""Checks schema/ and a release with python-jsonschema, an implementation independent of ours.

Usage: independent_schema_check.py SCHEMA_DIR DIST_DIR
- every schema in SCHEMA_DIR is a valid draft 2020-12 schema;
- DIST_DIR/dataset.json is valid against DIST_DIR/dataset.schema.json, formats enforced;
- DIST_DIR/dataset.schema.json equals SCHEMA_DIR/dataset.schema.json.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker

schema_dir, dist = map(pathlib.Path, sys.argv[1:3])
schemas = sorted(schema_dir.glob("*.schema.json"))
assert schemas, f"no schemas in {schema_dir}"
for path in schemas:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", path
    Draft202012Validator.check_schema(schema)
    print(f"ok: {path} is a valid draft 2020-12 schema")

release_schema = json.loads((dist / "dataset.schema.json").read_text(encoding="utf-8"))
assert release_schema == json.loads((schema_dir / "dataset.schema.json").read_text(encoding="utf-8")), \
    "dist/dataset.schema.json differs from schema/dataset.schema.json"
release = json.loads((dist / "dataset.json").read_text(encoding="utf-8"))
errors = sorted(Draft202012Validator(release_schema, format_checker=FormatChecker()).iter_errors(release),
                key=lambda e: list(e.absolute_path))
for e in errors:
    print(f"error: dataset.json at /{'/'.join(map(str, e.absolute_path))}: {e.message}")
if errors:
    sys.exit(1)
print(f"ok: dataset.json is valid against dataset.schema.json "
      f"({len(release['claims'])} claims, {len(release['sources'])} sources)")
