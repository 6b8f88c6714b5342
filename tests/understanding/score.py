#!/usr/bin/env python3
"""Scores backrelief on blind-written descriptions and prints figures and kinds of misses only,
never a description's words, so the test half can be scored by people who must not read it.
Usage: score.py BACKRELIEF FILE.jsonl   (each line: id, text, category, sign, expect; see
docs/understanding.md). Runs one `recommend --batch` with the shipped rules, in an environment
pinned so that no user config, user rules or cache take part."""
import collections
import json
import os
import subprocess
import sys

LEVELS = {"none": 0, "routine": 1, "urgent": 2, "emergency": 3}


def answers(binary, items):
    batch = "".join(json.dumps({"description": item["text"]}) + "\n" for item in items)
    environment = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent",
                   "XDG_CACHE_HOME": "/nonexistent", "LC_ALL": "C.UTF-8"}
    run = subprocess.run([binary, "recommend", "--batch"], input=batch.encode(), capture_output=True,
                         env=environment, check=False)
    by_line = {}
    for line in run.stdout.decode().splitlines():
        record = json.loads(line)
        by_line[record["line"]] = record
    return [by_line.get(number) for number in range(1, len(items) + 1)]


class Tally:
    def __init__(self):
        self.hits = 0
        self.total = 0

    def count(self, hit):
        self.total += 1
        self.hits += 1 if hit else 0

    def __str__(self):
        if self.total == 0:
            return "n/a (0 items)"
        return f"{self.hits / self.total:.3f} ({self.hits}/{self.total})"


def acted_beyond(expect, level, excluded, cautioned):
    """True when the answer refers higher, or excludes or cautions more, than expected: the
    analyser took as the person's own and current something it should have set aside."""
    allowed = set(expect["excluded"]) | set(expect["cautioned_or_excluded"])
    return level > LEVELS[expect["referral"]] or (level < 2 and bool((excluded | cautioned) - allowed))


def acted_short(expect, level, excluded, cautioned):
    """True when the answer refers lower, or excludes or cautions less, than expected."""
    missing_x = [t for t in expect["excluded"] if t not in excluded]
    missing_c = [t for t in expect["cautioned_or_excluded"] if t not in excluded | cautioned]
    return level < LEVELS[expect["referral"]] or bool(missing_x or missing_c) and level < 2


def context_figures(counts):
    """Precision and recall of setting aside: an item whose context means the sign is not the
    person's own and current (applies) is a true positive when the answer does not act on it; a
    control (the cue-like words are there, the sign counts) is a false positive when the answer
    falls short, which also counts a sign missed for want of words, so precision is a floor."""
    tp, fp, fn, tn = (counts[key] for key in ("tp", "fp", "fn", "tn"))
    precision = f"{tp / (tp + fp):.3f}" if tp + fp else "n/a"
    recall = f"{tp / (tp + fn):.3f}" if tp + fn else "n/a"
    return f"precision {precision}, recall {recall}; {tp} {fp} {fn} {tn}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()]
    results = answers(binary, items)
    tallies = collections.OrderedDict((name, Tally()) for name in [
        "emergency referred at least at emergency", "urgent referred at least at urgent",
        "emergency and urgent referred (any level >= urgent)", "routine referred at least at routine",
        "contraindications applied", "top technique right", "traps not referred (no urgent/emergency)",
        "traps with no referral at all",
        "caught or asked: emergency and urgent referred, or checked at their tier or above",
        "no red flag: an emergency-tier check", "no red flag: any check"])
    exact = Tally()
    misses = collections.Counter()
    # The context table: per kind, whether the analyser set aside what it should (see context_figures).
    context = collections.defaultdict(collections.Counter)
    for item, result in zip(items, results):
        expect = item["expect"]
        sign = item["sign"]
        if result is None or "error" in result:
            misses[(item["category"], sign, "error line")] += 1
            continue
        level = LEVELS[result["referral"]["level"]] if result["referral"] else 0
        wanted = LEVELS[expect["referral"]]
        # The questions of "Check first" (issue 26): by tier only, since a blind item names its
        # sign in free words, not by the rules' ids.
        checked = max((LEVELS[check["level"]] for check in result.get("check_first", [])), default=0)
        if wanted >= 2:
            tallies["caught or asked: emergency and urgent referred, or checked at their tier or above"].count(
                level >= 2 or checked >= wanted)
            if level < 2 and checked < wanted:
                misses[(item["category"], sign, "neither referred nor asked")] += 1
        else:
            tallies["no red flag: an emergency-tier check"].count(checked >= 3)
            tallies["no red flag: any check"].count(checked >= 1)
        if expect["referral"] == "emergency":
            tallies["emergency referred at least at emergency"].count(level >= 3)
            tallies["emergency and urgent referred (any level >= urgent)"].count(level >= 2)
        if expect["referral"] == "urgent":
            tallies["urgent referred at least at urgent"].count(level >= 2)
            tallies["emergency and urgent referred (any level >= urgent)"].count(level >= 2)
        if expect["referral"] == "routine":
            tallies["routine referred at least at routine"].count(level >= 1)
        if wanted >= 1:
            exact.count(level == wanted)
            if level < wanted:
                misses[(item["category"], sign, f"referred {['none', 'routine', 'urgent', 'emergency'][level]}"
                        f" instead of {expect['referral']}")] += 1
        excluded = {entry["technique"] for entry in result["excluded"]}
        cautioned = {entry["technique"] for entry in result["suggestions"] if entry.get("cautions")}
        if wanted < 2 and (expect["excluded"] or expect["cautioned_or_excluded"]):
            missing_x = [t for t in expect["excluded"] if t not in excluded]
            missing_c = [t for t in expect["cautioned_or_excluded"] if t not in excluded | cautioned]
            tallies["contraindications applied"].count(not missing_x and not missing_c)
            if missing_x:
                misses[(item["category"], sign, "a technique to exclude was not excluded")] += 1
            elif missing_c:
                misses[(item["category"], sign, "a technique to caution had no caution")] += 1
        if expect.get("top") and wanted < 2:
            top = result["suggestions"][0]["technique"] if result["suggestions"] else None
            tallies["top technique right"].count(top == expect["top"])
            if top != expect["top"]:
                misses[(item["category"], sign, "another technique first")] += 1
        if "context" in item:
            over, under = acted_beyond(expect, level, excluded, cautioned), acted_short(expect, level, excluded, cautioned)
            outcome = ("tp" if not over else "fn") if item["applies"] else ("fp" if under else "tn")
            context[item["context"]][outcome] += 1
            if outcome in ("fn", "fp"):
                misses[(f"context {item['context']}", sign, "acted on what it should have set aside" if outcome == "fn"
                        else "set aside what it should have acted on")] += 1
        if item["category"] == "trap":
            tallies["traps not referred (no urgent/emergency)"].count(level < 2)
            tallies["traps with no referral at all"].count(level == 0)
            if level >= 1:
                misses[(item["category"], sign, f"referred {['none', 'routine', 'urgent', 'emergency'][level]}")] += 1
    print(f"{os.path.basename(path)}: {len(items)} descriptions, scored with {binary}")
    for name, tally in tallies.items():
        print(f"  {name}: {tally}")
    print(f"  referrals at exactly the expected level: {exact}")
    if context:
        print("context kinds (set aside: precision, recall; tp fp fn tn):")
        for kind in sorted(context):
            print(f"  {kind}: {context_figures(context[kind])}")
    print("kinds of misses (category, sign, what happened: count):")
    for (category, sign, what), count in sorted(misses.items(), key=lambda entry: (-entry[1], entry[0])):
        print(f"  {category} | {sign} | {what}: {count}")


if __name__ == "__main__":
    main()
