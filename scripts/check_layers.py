#!/usr/bin/env python3
"""Checks the library's layering: the tree must show the architecture.

Reads every #include "dossier/..." under common/dossier/ and fails (exit 1, one line per
problem) when
  - a source file sits loose in common/dossier/ instead of in its subsystem's folder;
  - a folder is not in LAYERS below, or includes a folder that is not below it there
    (so no include cycle between folders can exist);
  - modules (a header and its .cpp) include each other through a cycle, even inside a
    folder;
  - anything outside cli/ includes CLI11 (the library does not link it).
Prints the folder graph with --graph. Standard library only; run by CTest.
"""

import argparse
import os
import re
import sys

# Lowest first: a folder may include only folders listed before it (and itself).
LAYERS = [
    "base",       # errors, hashing, UTF-8, small containers
    "text",       # the analyser: words -> terms, folding, stems, stop words
    "extract",    # article text -> headline, body, dates, actors
    "schema",     # prefixes, slots, the record, shard layout
    "dedup",      # near-duplicate signatures and clusters
    "input",      # files and records -> articles to index
    "index",      # everything that writes a database
    "facets",     # counting over all matches
    "snippets",   # the text around the matched words
    "search",     # query building, ranking, actor resolution
    "tables",     # crossed counts over all matches
    "cluster",    # remote shards: the spies a shard server knows, the server
    "batch",      # many queries, threads, input order
    "output",     # every printer and format
    "commands",   # subcommands end to end
    "serve",      # the HTTP API
    "cli",        # command-line glue, linked by the binaries only
]

INCLUDE = re.compile(r'^\s*#\s*include\s+["<]([^">]+)[">]', re.M)
SOURCE = re.compile(r"\.(h|cpp|in)$")


def folder_of(rel):
    """'extract/actors/lexicon.h' -> 'extract'; a loose 'x.h' -> ''."""
    return rel.split("/")[0] if "/" in rel else ""


def read_includes(root):
    """{path relative to common/dossier: [included paths relative to common/dossier]}."""
    graph = {}
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            if not SOURCE.search(name):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                graph[rel] = INCLUDE.findall(f.read())
    return graph


def module_of(rel):
    """A module is a header and its implementation: 'search/searcher.cpp' -> 'search/searcher'."""
    return SOURCE.sub("", rel)


def module_cycles(graph):
    """Each include cycle between modules, found by depth-first search (one report per cycle)."""
    deps = {}
    for rel, incs in graph.items():
        mine = deps.setdefault(module_of(rel), set())
        mine.update(module_of(i[len("dossier/"):]) for i in incs if i.startswith("dossier/"))
        mine.discard(module_of(rel))
    state, stack, cycles = {}, [], []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for dep in sorted(deps.get(node, ())):
            if state.get(dep) == "open":
                cycles.append(stack[stack.index(dep):] + [dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = "done"

    for node in sorted(deps):
        if node not in state:
            visit(node)
    return cycles


def problems(root):
    graph = read_includes(root)
    rank = {name: i for i, name in enumerate(LAYERS)}
    found = []
    for rel, incs in sorted(graph.items()):
        here = folder_of(rel)
        if not here:
            found.append(f"{rel}: loose in common/dossier/; move it into its subsystem's folder")
            continue
        if here not in rank:
            found.append(f"{rel}: folder {here}/ is not in LAYERS (scripts/check_layers.py)")
            continue
        for inc in incs:
            if inc.startswith("CLI/") and here != "cli":
                found.append(f"{rel}: includes CLI11 outside cli/")
            if not inc.startswith("dossier/"):
                continue
            there = folder_of(inc[len("dossier/"):])
            if there in rank and rank[there] > rank[here]:
                found.append(f"{rel}: {here}/ includes {inc}, a layer above it")
    for cycle in module_cycles(graph):
        found.append("include cycle: " + " -> ".join(cycle))
    return found, graph


def print_graph(graph):
    edges = {}
    for rel, incs in graph.items():
        for inc in incs:
            if inc.startswith("dossier/") and folder_of(inc[8:]) != folder_of(rel):
                edges.setdefault(folder_of(rel), set()).add(folder_of(inc[8:]))
    for name in LAYERS:
        if name in edges:
            print(f"{name} -> {', '.join(sorted(edges[name], key=LAYERS.index))}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "common", "dossier"))
    parser.add_argument("--graph", action="store_true", help="print which folder includes which")
    args = parser.parse_args()
    found, graph = problems(args.root)
    if args.graph:
        print_graph(graph)
    for line in found:
        print(f"check_layers: {line}", file=sys.stderr)
    print(f"check_layers: {len(graph)} files, {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
