#!/usr/bin/env python3
"""Splits blind-written descriptions into a dev half (may be read and tuned to) and a test half
(read by nobody who edits rules/ or src/; only score.py looks at it), by a fixed seed, category by
category so both halves hold every kind. Usage: split.py SOURCE.jsonl... (writes blind-dev.jsonl
and blind-test.jsonl beside this script)."""
import json
import pathlib
import random
import sys

SEED = 20261203
here = pathlib.Path(__file__).resolve().parent
items = []
for source in sys.argv[1:]:
    with open(source, encoding="utf-8") as lines:
        items += [json.loads(line) for line in lines if line.strip()]
ids = [item["id"] for item in items]
if len(ids) != len(set(ids)):
    sys.exit("split.py: ids repeat across the sources")
by_category = {}
for item in sorted(items, key=lambda item: item["id"]):
    by_category.setdefault(item["category"], []).append(item)
rng = random.Random(SEED)
halves = {"dev": [], "test": []}
for category in sorted(by_category):
    group = by_category[category]
    rng.shuffle(group)
    for position, item in enumerate(group):
        halves["dev" if position % 2 == 0 else "test"].append(item)
for name, half in halves.items():
    with open(here / f"blind-{name}.jsonl", "w", encoding="utf-8") as out:
        for item in sorted(half, key=lambda item: item["id"]):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"blind-{name}.jsonl: {len(half)} descriptions")
