#!/usr/bin/env bash
# Create the separate virtual environments for the heavy benchmark peers (text-dedup, datatrove),
# so their dependencies (datasets, pyspark, onnxruntime, spaCy, ...) cannot break the project venv.
#
#   bash bench/peers/setup_peers.sh [PREFIX]        # default PREFIX=/tmp
#
# Afterwards:
#   python bench/compare.py CORPUS.jsonl \
#       --peer-python text-dedup=PREFIX/peer-textdedup/bin/python \
#       --peer-python datatrove=PREFIX/peer-datatrove/bin/python
set -euo pipefail
PREFIX="${1:-/tmp}"
PY="${PYTHON:-python3.11}"

make_venv() {  # NAME PACKAGES...
    local dir="$PREFIX/$1"; shift
    if [ ! -x "$dir/bin/python" ]; then
        "$PY" -m venv "$dir"
    fi
    "$dir/bin/python" -m pip install --quiet --upgrade "pip>=24"
    "$dir/bin/python" -m pip install --quiet "$@"
    echo "$dir/bin/python"
}

# text-dedup: ChenghaoMou/text-dedup (MinHash + LSH + union-find over an HF datasets table).
make_venv peer-textdedup "text-dedup>=0.4,<0.5" "psutil>=5.9"
# datatrove: Hugging Face datatrove, 4-stage MinHash dedup on local files.
# [io] brings orjson for JsonlReader, [processing] the modules datatrove.pipeline.dedup imports
# (regex, tokenizers, ...); spaCy is its English word tokenizer (a blank model: no download).
make_venv peer-datatrove "datatrove[io,processing]>=0.10" "spacy>=3.8" "psutil>=5.9"
