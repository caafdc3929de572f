"""Loads a release's dataset.jsonld into an RDF graph with rdflib, a JSON-LD processor
independent of ours, and checks it against the release's own figures in dataset.json.

Usage: jsonld_check.py DIST_DIR
- the document has an inline @context (no URL for a processor to fetch) and parses;
- one cadres:Claim (also an rdf:Statement) per claim, with its rdf:subject, rdf:predicate;
- one cadres:Citation (also an oa:Annotation) per citation: prov:wasQuotedFrom names the
  work read, prov:hadPrimarySource exactly the works it cites, and a quote is the oa:exact
  of an oa:TextQuoteSelector on the work read, refined (oa:refinedBy) by one
  cadres:NameForm selector per as-named entry, whose oa:exact is the words and
  cadres:names the entity;
- each source read pins its archived text: a prov:Entity that is prov:specializationOf the
  work, with its SHA-256 (spdx:checksum) and length (dcat:byteSize) as dataset.json gives
  them, and the counts of quotes and verified quotes of quote_verification;
- the graph has exactly the number of triples the mapping in docs/exports.md gives for
  the dataset's records, counted here from dataset.json.
"""
import json
import pathlib
import sys

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

dist = pathlib.Path(sys.argv[1])
data = json.loads((dist / "dataset.json").read_text(encoding="utf-8"))
text = (dist / "dataset.jsonld").read_text(encoding="utf-8")
document = json.loads(text)
assert isinstance(document.get("@context"), dict), "the @context is inline"

graph = Graph()
graph.parse(data=text, format="json-ld")

CADRES = Namespace("urn:cadres:vocab:")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")


def urn(kind, id_):
    return URIRef(f"urn:cadres:{kind}:{id_}")


def subjects(cls):
    return set(graph.subjects(RDF.type, cls))


claims = data["claims"]
citations = [(c, i, cit) for c in claims for i, cit in enumerate(c["citations"], 1)]
assert subjects(CADRES.Claim) == {urn("claim", c["id"]) for c in claims}, "one cadres:Claim per claim"
assert subjects(RDF.Statement) == subjects(CADRES.Claim), "every claim is an rdf:Statement"
expected_citations = {urn("citation", f"{c['id']}:{i}") for c, i, _ in citations}
assert subjects(CADRES.Citation) == expected_citations, "one cadres:Citation per citation"
assert subjects(OA.Annotation) == expected_citations, "every citation is an oa:Annotation"
name_forms = subjects(CADRES.NameForm)
assert len(subjects(OA.TextQuoteSelector) - name_forms) == sum(1 for *_, cit in citations if "quote" in cit)
assert len(name_forms) == sum(len(cit.get("as-named", {})) for *_, cit in citations), "one cadres:NameForm per as-named entry"

for c in claims:
    node = urn("claim", c["id"])
    assert (node, RDF.subject, urn("entity", c["subject"])) in graph, c["id"]
    assert (node, RDF.predicate, urn("property", c["property"])) in graph, c["id"]
for c, i, cit in citations:
    node = urn("citation", f"{c['id']}:{i}")
    assert (urn("claim", c["id"]), PROV.wasDerivedFrom, node) in graph
    assert set(graph.objects(node, PROV.wasQuotedFrom)) == {urn("source", cit["source"])}, node
    assert set(graph.objects(node, PROV.hadPrimarySource)) == {urn("source", w) for w in cit.get("cites", [])}, node
    targets = set(graph.objects(node, OA.hasTarget))
    assert len(targets) == 1, node
    target = targets.pop()
    assert set(graph.objects(target, OA.hasSource)) == {urn("source", cit["source"])}, node
    exact = {str(e) for sel in graph.objects(target, OA.hasSelector)
             if (sel, RDF.type, OA.TextQuoteSelector) in graph
             for e in graph.objects(sel, OA.exact)}
    assert exact == ({cit["quote"]} if "quote" in cit else set()), node
    named = {(str(n), str(e)) for sel in graph.objects(target, OA.hasSelector)
             for form in graph.objects(sel, OA.refinedBy)
             if (form, RDF.type, CADRES.NameForm) in graph
             and (form, RDF.type, OA.TextQuoteSelector) in graph
             for n in graph.objects(form, CADRES.names)
             for e in graph.objects(form, OA.exact)}
    assert named == {(str(urn("entity", k)), v) for k, v in cit.get("as-named", {}).items()}, node

SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
verification = {v["source"]: v for v in data.get("quote_verification", [])}
for s in data["sources"]:
    pin = s.get("archived-text")
    texts = set(graph.objects(urn("source", s["id"]), CADRES.archivedText))
    if pin is None:
        assert not texts, s["id"]
        continue
    assert texts == {urn("text", s["id"])}, s["id"]
    t = urn("text", s["id"])
    assert (t, RDF.type, PROV.Entity) in graph and (t, PROV.specializationOf, urn("source", s["id"])) in graph
    sums = [str(v) for c in graph.objects(t, SPDX.checksum)
            if (c, SPDX.algorithm, SPDX.checksumAlgorithm_sha256) in graph
            for v in graph.objects(c, SPDX.checksumValue)]
    assert sums == [pin["sha256"]], (s["id"], sums)
    assert [int(v) for v in graph.objects(t, DCAT.byteSize)] == [pin["length"]], s["id"]
    v = verification[s["id"]]
    assert [int(x) for x in graph.objects(t, CADRES.quoteCount)] == [v["quotes"]], s["id"]
    assert [int(x) for x in graph.objects(t, CADRES.verifiedQuoteCount)] == [v["verified"]], s["id"]


# The number of triples each record makes, as docs/exports.md gives it.
def names(names):
    if not names:
        return 0
    # the link, rdf:first and rdf:rest per item, and each name node's fields
    return 1 + 2 * len(names) + sum(
        (1 if "literal" in n else 1 + ("family" in n) + ("given" in n)) + ("as-cited" in n)
        for n in names)


def value(v):
    """Triples of a claim's or qualifier's value node, beyond the one that links it."""
    if "quantity" in v:
        return 4
    if "share" in v:
        return 1 + 4 * len(v["share"])
    return 0


SOURCE_FIELDS = ["container-title", "publisher", "publisher-place", "issued", "accessed",
                 "archive-date", "ISBN", "URL", "language", "volume", "issue", "page", "medium", "note"]
expected = 6  # the dataset node
for p in data["properties"]:
    expected += 5 + len(set(p.get("subject-kinds", []))) + len(set(p.get("value-kinds", [])))
for s in data["sources"]:
    expected += 2 + 1 + 1 + 1 + 1  # two types, identifier, CSL type, title, read
    expected += names(s.get("author", [])) + names(s.get("editor", []))
    expected += sum(1 for f in SOURCE_FIELDS if f in s)
    expected += len(set(s.get("references", [])))
    if "archived-text" in s:
        # the link, type, specialization, checksum (link, type, algorithm, value), byte
        # size, and the two counts when the release has them
        expected += 8 + 2 * (s["id"] in verification)
for e in data["entities"]:
    aliases = {(lang, a) for lang, names_ in e.get("aliases", {}).items() for a in names_}
    expected += 4 + len(e["labels"]) + len(aliases)
for c in claims:
    expected += 2 + 3 + 1 + 1 + value(c["value"])  # types, s/p/o, rank, statement
    expected += "rank-reason" in c
    expected += sum(4 + value(v) for v in c.get("qualifiers", {}).values())
    expected += 4 * len(c.get("disputes", []))
    for cit in c["citations"]:
        expected += 1 + 3 + 1 + 1 + 1  # the link, three types, position, body, target
        expected += 2 + (3 if "quote" in cit else 0)  # target node, its selector
        expected += ("locator" in cit) + 1 + len(set(cit.get("cites", [])))
        expected += 5 * len(cit.get("as-named", {}))  # link, two types, words, entity
assert len(graph) == expected, f"{len(graph)} triples, the mapping gives {expected}"
print(f"ok: dataset.jsonld loads into {len(graph)} triples, as the mapping gives: "
      f"{len(claims)} claims, {len(citations)} citations, {len(data['sources'])} sources, "
      f"{len(data['entities'])} entities")
