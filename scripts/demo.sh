#!/usr/bin/env bash
# Quick start: install what is missing, build (Release), index corpus/ and run a search.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh build -DDOSSIER_BUILD_TESTS=OFF
rm -rf build/corpus.db
./build/indexer/dossier-index --db build/corpus.db corpus
echo
echo "\$ dossier-search --db build/corpus.db --limit 3 --actor maduro --facets actor,date --facet-size 3 'military aid'"
./build/searcher/dossier-search --db build/corpus.db --limit 3 --actor maduro --facets actor,date --facet-size 3 'military aid'
