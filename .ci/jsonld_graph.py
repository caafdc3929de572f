"""Checks that a release's dataset.jsonld denotes the graph of the committed baseline.

Usage:
  jsonld_graph.py DIST_DIR BASELINE.nq            check: the same graph, else the difference
  jsonld_graph.py --write DIST_DIR BASELINE.nq    write the baseline from DIST_DIR

The baseline is the graph in canonical N-Quads: rdflib's canonical blank-node labels, one
quad a line, the lines sorted, so that a change of the graph is a reviewable diff. The
comparison is `rdflib.compare.isomorphic`, since the graph has blank nodes (qualifiers,
names, selectors): two documents written differently (terms, compact IRIs, coercion,
indentation) denote one graph when the graphs are isomorphic.

When the dataset changes, its graph changes too: write the baseline again from the new
export and commit the two together (CONTRIBUTING, "The release's graph").
"""
import pathlib
import sys

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_canonical_graph


def load(dist):
    graph = Graph()
    text = (dist / "dataset.jsonld").read_text(encoding="utf-8")
    graph.parse(data=text, format="json-ld")
    return graph


def canonical(graph):
    lines = to_canonical_graph(graph).serialize(format="nt", encoding="utf-8").decode("utf-8")
    return "".join(sorted(line + "\n" for line in lines.splitlines() if line.strip()))


def main(argv):
    write = argv[:1] == ["--write"]
    args = argv[1:] if write else argv
    if len(args) != 2:
        sys.exit(__doc__)
    dist, baseline = pathlib.Path(args[0]), pathlib.Path(args[1])
    graph = load(dist)
    if write:
        baseline.write_text(canonical(graph), encoding="utf-8")
        print(f"wrote {baseline}: {len(graph)} triples")
        return
    expected = Graph()
    expected.parse(baseline, format="nt")
    if isomorphic(graph, expected):
        print(f"{dist / 'dataset.jsonld'} denotes the graph of {baseline} ({len(graph)} triples)")
        return
    _, only_new, only_baseline = graph_diff(to_canonical_graph(graph), to_canonical_graph(expected))
    print(f"{dist / 'dataset.jsonld'} does not denote the graph of {baseline}:", file=sys.stderr)
    for name, part in [("only in the export", only_new), ("only in the baseline", only_baseline)]:
        lines = sorted(canonical(part).splitlines())
        print(f"  {len(lines)} triples {name}", file=sys.stderr)
        for line in lines[:20]:
            print(f"    {line}", file=sys.stderr)
    print(
        "If the dataset changed, write the baseline again and commit it with the change:\n"
        f"  python .ci/jsonld_graph.py --write DIST {baseline}",
        file=sys.stderr,
    )
    sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
