#!/usr/bin/env bash
# The second pass of hostile and faulty inputs (issue 18): nothing the person set up is skipped
# in silence, text cannot hide a warning sign or inject into a terminal, and every number,
# option and stop is read one way. Each case gives its clear message and documented status.
# Usage: check_hardening.sh BINARY
set -u
measure=${HOSTILE_MEASURE:-0}
if [[ $measure == 1 ]]; then
  printf '%-40s %8s %10s\n' case seconds "peak MB"
fi
# shellcheck source-path=SCRIPTDIR source=harness.sh
source "$(dirname "$(realpath "$0")")/harness.sh"

# --- text that hides a warning sign --------------------------------------------------------------
# Status 3: an urgent referral. Each hides "fever" from a reader of plain bytes.
check "a soft hyphen inside a word" 3 "See a doctor" "$binary" recommend "$(printf 'fe\xc2\xadver and a sore back')"
check "a zero-width space inside a word" 3 "See a doctor" "$binary" recommend "$(printf 'fe\xe2\x80\x8bver, sore back')"
check "full-width letters" 3 "See a doctor" "$binary" recommend "ｆｅｖｅｒ and a sore back"
check "an accent and a ligature" 3 "See a doctor" "$binary" recommend "ﬁrst a févér, now a sore back"
check "quoted as written" 3 '"ｆｅｖｅｒ"' "$binary" recommend --format json "ｆｅｖｅｒ and a sore back"

# --- text that injects into a terminal -----------------------------------------------------------
printf 'version: 1\nrules:\n  - {id: x, when: {pressure: low}, score: {swedish: 1}, because: "a\\e[2Jb", source: s}\n' >escape.yaml
check "an escape in a rule's text" 1 "escape.yaml:3:66: a control character (U+001B) in the reason" \
  "$binary" rules check escape.yaml
printf 'version: 1\nrules:\n  - {id: x, when: {pressure: low}, score: {swedish: 1}, because: "bell\\a", source: s}\n' >bell.yaml
check "a bell in a rule's text" 1 "bell.yaml:3:66: a control character (U+0007)" "$binary" rules check bell.yaml

# --- numbers without bounds -----------------------------------------------------------------------
nines=$(printf '9%.0s' $(seq 1 308))
printf 'version: 1\nrules:\n  - {id: x, when: {pressure: low}, score: {swedish: %s}, because: b, source: s}\n' \
  "$nines" >huge-score.yaml
check "a score too large to add up" 1 "huge-score.yaml:3:53: a score must be between -1000 and 1000" \
  "$binary" rules check huge-score.yaml
check "an age with a leading zero is decimal" 0 '"age": 72' "$binary" recommend --age 072 --pressure low --format json
check "an age in hexadecimal" 2 "--age: expected a whole number of years" "$binary" recommend --age 0x48 --pressure low

# --- options ---------------------------------------------------------------------------------------
check "an empty value after =" 2 "--pressure: an empty value" "$binary" recommend --pressure= -f tsv
check "rules read twice from stdin" 2 "standard input" sh -c "echo x | '$binary' recommend -r - -r - --pressure low"
check "rules and batch both from stdin" 2 "standard input" \
  sh -c "echo x | BACKRELIEF_RULES=- '$binary' recommend --batch"

# --- the person's own settings, never skipped in silence ------------------------------------------
mkdir -p relative/backrelief
printf 'conditions: [blood-thinners]\n' >relative/backrelief/config.yaml
check "a relative XDG_CONFIG_HOME is ignored" 0 "(not found)" \
  env XDG_CONFIG_HOME=relative HOME=/nonexistent "$binary" config
mkdir -p loop/backrelief
ln -s config.yaml loop/backrelief/config.yaml
check "a config that is a symlink loop" 1 "loop/backrelief/config.yaml: cannot read the config file: Too many levels of symbolic links" \
  env XDG_CONFIG_HOME="$work/loop" "$binary" recommend --pressure firm
mkdir -p loop-rules/backrelief
ln -s rules.d loop-rules/backrelief/rules.d
check "a rules.d that is a symlink loop" 1 "loop-rules/backrelief/rules.d: cannot read the user rules directory: Too many levels of symbolic links" \
  env XDG_CONFIG_HOME="$work/loop-rules" "$binary" recommend --pressure firm

# --- the cache is untrusted input ------------------------------------------------------------------
# Each odd entry is a miss: the rules are read again, the answer given, and the entry rewritten.
"$binary" recommend --pressure low >/dev/null 2>&1
entry=$(ls "$XDG_CACHE_HOME"/backrelief/rules-*.cache)
rm -f "$entry" && mkfifo "$entry"
check "a cache entry that is a FIFO" 0 "Suggestions for:" "$binary" recommend --pressure low
rm -f "$entry" && truncate -s 100G "$entry"
check "a cache entry of 100 GB (sparse)" 0 "Suggestions for:" "$binary" recommend --pressure low
rm -f "$entry" && ln -s /dev/zero "$entry"
check "a cache entry linked to /dev/zero" 0 "Suggestions for:" "$binary" recommend --pressure low
check "the entry is rewritten as a file" 0 "regular file" stat -c %F "$entry"
rm -f "$entry"
touch -d '1 hour ago' "$entry.AbC123"
"$binary" recommend --pressure low >/dev/null 2>&1
check "a killed writer's temporary is pruned" 0 "pruned" sh -c "test ! -e '$entry.AbC123' && echo pruned"

# --- paths and files, in backrelief's own words ------------------------------------------------------
ln -s ring-b.yaml ring-a.yaml
ln -s ring-a.yaml ring-b.yaml
check "a rule file that is a symlink loop" 1 "ring-a.yaml: cannot read: Too many levels of symbolic links" \
  "$binary" rules check ring-a.yaml
check "a scenario file that is a symlink loop" 1 "ring-a.yaml: cannot read: Too many levels of symbolic links" \
  "$binary" test ring-a.yaml
mkdir -p subdir/backrelief/rules.d/old.yaml
check "a rules.d holding only a directory named *.yaml" 0 "Suggestions for:" \
  env XDG_CONFIG_HOME="$work/subdir" "$binary" recommend --pressure low
python3 -c "print('version: 1\nscenarios:\n  - name: long\n    description: \"' + 'a' * 1100000 + '\"\n    expect: {referral: none}')" \
  >long-scenario.yaml
check "a scenario description over the limit" 1 "long-scenario.yaml:4:18: the description is longer than 1048576" \
  "$binary" test long-scenario.yaml

check "answers from a device that never ends" 2 "/dev/zero: larger than 1048576 bytes" \
  "$binary" ask --answers /dev/zero
check "answers from a symlink loop" 1 "ring-a.yaml: cannot read the answers: Too many levels of symbolic links" \
  "$binary" ask --answers ring-a.yaml

# --- bounded work ---------------------------------------------------------------------------------
# Two files, each within its own limit, over it together.
{ printf 'version: 1\n'; head -c 700 /dev/zero | tr '\0' '#'; printf '\n'; } >half-a.yaml
cp half-a.yaml half-b.yaml
check "rule files over the limit together" 1 "the rule files together are larger than 1024 bytes" \
  env BACKRELIEF_MAX_RULE_FILE_SIZE=1K "$binary" rules check --no-default-rules half-a.yaml half-b.yaml
# Thousands of mistyped names in one file: each "did you mean" is not a scan of every name.
python3 - <<'EOF'
n = 5000
lines = ["version: 1", "concepts:"]
lines += [f"  - {{id: concept-number-{i}, kind: symptom, name: c{i}, phrases: [word{i}]}}" for i in range(n)]
lines.append("rules:")
lines += [f"  - {{id: r{i}, when: {{symptom: concept-numbr-{i}}}, score: {{swedish: 1}}, because: b, source: s}}"
          for i in range(n)]
open("mistyped.yaml", "w").write("\n".join(lines) + "\n")
# A thousand goals, each with a rule: --why-not tries changes of goals in twos and threes.
lines = ["version: 1", "concepts:"]
lines += [f"  - {{id: goal-{i}, kind: goal, name: goal {i}}}" for i in range(1000)]
lines.append("rules:")
lines += [f"  - {{id: g{i}, when: {{goal: goal-{i}}}, score: {{swedish: 0.{i % 9 + 1}}}, because: b, source: s}}"
          for i in range(1000)]
open("goals.yaml", "w").write("\n".join(lines) + "\n")
EOF
check "5,000 mistyped names in one file" 1 "mistyped.yaml:5004:" "$binary" rules check mistyped.yaml
check "--why-not over a thousand goals" 0 "Deep tissue" \
  "$binary" recommend -r goals.yaml --why-not deep-tissue --pressure low --goal goal-1
# YAML nodes, not bytes, cost yaml-cpp time and memory: short lines of many values are refused
# by their number, before a tree is built.
python3 - <<'EOF'
lines = ["version: 1", "concepts:"]
lines += [f"  - {{id: c{i}, kind: symptom, name: c{i}, phrases: [word{i}]}}" for i in range(20000)]
open("many-nodes.yaml", "w").write("\n".join(lines) + "\n")
# One YAML node of many words: the vocabulary's entries are counted, not the nodes.
words = " ".join(f"w{i}" for i in range(160000))
open("long-phrase.yaml", "w").write(f"version: 1\nconcepts:\n  - {{id: c, kind: symptom, name: c, phrases: [{words}]}}\n")
# Ten thousand patterns that share one literal word, and a text of that word: one set, not ten thousand.
lines = ["version: 1", "concepts:", "  - id: c", "    kind: symptom", "    name: c", "    patterns:"]
lines += [f"      - {{near: [numb, w{i}], within: 3}}" for i in range(10000)]
open("shared-literal.yaml", "w").write("\n".join(lines) + "\n")
EOF
check "200,000 YAML nodes in a 1.3 MB file" 1 "more than 200000 YAML nodes" "$binary" rules check many-nodes.yaml
check "160,000 words in one phrase" 1 "need more than 150000 entries" "$binary" rules check long-phrase.yaml
check "10,000 patterns sharing a word, 3,000 times" 0 "numbness" \
  "$binary" analyze -r shared-literal.yaml "$(printf 'numb %.0s' $(seq 1 3000))"

# --- stops ----------------------------------------------------------------------------------------
# A TERM while the reader is slower than the batch: the batch ends with 143 at a line boundary.
cat >stop.sh <<'EOF'
binary=$1
for i in $(seq 1 4000); do
  printf '{"description": "a dull ache low in my back after sitting, knots under my shoulder blade %s"}\n' "$i"
done >many.jsonl
mkfifo answers.fifo
(exec 3<answers.fifo; sleep 1; cat <&3 >answers.jsonl) &
reader=$!
"$binary" recommend --batch <many.jsonl >answers.fifo &
batch=$!
sleep 0.5
kill -TERM "$batch"
wait "$batch"
status=$?
wait "$reader"
lines=$(wc -l <answers.jsonl)
if [ "$status" -ne 143 ]; then echo "status $status, expected 143"; exit 1; fi
if [ "$lines" -ge 4000 ]; then echo "not stopped: $lines answers"; exit 1; fi
python3 -c 'import json, sys
for line in open("answers.jsonl"):
    json.loads(line)' || exit 1
echo "stopped cleanly after $lines whole answers"
EOF
check "a TERM in the middle of a batch" 0 "stopped cleanly" bash stop.sh "$binary"

echo "$count hardening cases checked"
exit $failed
