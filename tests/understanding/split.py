#!/usr/bin/env python3
"""Splits blind-written descriptions into a dev half (may be read and tuned to) and a test half
(read by nobody who edits rules/ or src/; only score.py looks at it), by a fixed seed, category by
category so both halves hold every kind. Usage: split.py [--name NAME] SOURCE.jsonl... (writes
NAME-dev.jsonl and NAME-test.jsonl beside this script; NAME is "blind" unless given). Items that
carry a context kind (the context table) are split kind by kind and control by control instead."""
import json
import pathlib
import random
import sys

SEED = 20261203
here = pathlib.Path(__file__).resolve().parent
arguments = sys.argv[1:]
name = "blind"
if arguments[:1] == ["--name"]:
    name, arguments = arguments[1], arguments[2:]
items = []
for source in arguments:
    with open(source, encoding="utf-8") as lines:
        items += [json.loads(line) for line in lines if line.strip()]
ids = [item["id"] for item in items]
if len(ids) != len(set(ids)):
    sys.exit("split.py: ids repeat across the sources")
by_category = {}
for item in sorted(items, key=lambda item: item["id"]):
    group_key = (item["context"], item["applies"]) if "context" in item else item["category"]
    by_category.setdefault(group_key, []).append(item)
rng = random.Random(SEED)
halves = {"dev": [], "test": []}
for category in sorted(by_category, key=str):
    group = by_category[category]
    rng.shuffle(group)
    for position, item in enumerate(group):
        halves["dev" if position % 2 == 0 else "test"].append(item)
for half_name, half in halves.items():
    with open(here / f"{name}-{half_name}.jsonl", "w", encoding="utf-8") as out:
        for item in sorted(half, key=lambda item: item["id"]):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{name}-{half_name}.jsonl: {len(half)} descriptions")
