#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the source tree's own data:
#   make_seeds.sh SOURCE_DIR OUTPUT_DIR
# writes OUTPUT_DIR/<target>/<seed> for every target, replacing what was there.
#   fuzz_rule_loader, fuzz_rule_loader_alone: rules/*.yaml, tests/cli/*/*.yaml, the stdin of
#       `rules check -` cases, and the example-rule-file blocks of man/backrelief-rules.5
#   fuzz_text_analysis: the `text:` entries of tests/analysis/sentences.yaml, the descriptions
#       of tests/scenarios/*.yaml, and the descriptions in tests/cli/*/args and */stdin
#   fuzz_batch_line: every line of the batch cases' stdin (tests/cli/*batch*/stdin), a few lines
#       that use every key, and each sentence above as {"description": ...}
#   fuzz_patterns: word sets and patterns of the shapes issue 29 found slow, each with a text
# Seeds are only a starting point: libFuzzer keeps what it finds in build/fuzz/corpus/<target>.
set -euo pipefail

if (($# != 2)); then
  echo "usage: $0 SOURCE_DIR OUTPUT_DIR" >&2
  exit 2
fi
source_dir=$1
output_dir=$2

rule_dir=$output_dir/fuzz_rule_loader
alone_dir=$output_dir/fuzz_rule_loader_alone
text_dir=$output_dir/fuzz_text_analysis
batch_dir=$output_dir/fuzz_batch_line
pattern_dir=$output_dir/fuzz_patterns
rm -rf "$rule_dir" "$alone_dir" "$text_dir" "$batch_dir" "$pattern_dir"
mkdir -p "$rule_dir" "$alone_dir" "$text_dir" "$batch_dir" "$pattern_dir"

# --- rule files -----------------------------------------------------------------------------
for file in "$source_dir"/rules/*.yaml; do
  cp "$file" "$rule_dir/rules-$(basename "$file")"
done
for file in "$source_dir"/tests/cli/*/*.yaml; do
  case_name=$(basename "$(dirname "$file")")
  cp "$file" "$rule_dir/cli-$case_name-$(basename "$file")"
done
for case_dir in "$source_dir"/tests/cli/rules-*/; do
  if [[ -f $case_dir/stdin ]]; then
    cp "$case_dir/stdin" "$rule_dir/cli-$(basename "$case_dir")-stdin.yaml"
  fi
done
# The same extraction as tests/man/check_page_examples.sh: literal blocks after the marker, with
# the roff escapes \e, \& and \(dq undone.
awk -v dir="$rule_dir" '
  $0 == ".\\\" example-rule-file" { want = 1; next }
  want && /^\.Bd/ { n++; file = sprintf("%s/man-example-%d.yaml", dir, n); inside = 1; want = 0; next }
  inside && /^\.Ed/ { inside = 0; close(file); next }
  inside { gsub(/\\e/, "\\"); gsub(/\\&/, ""); gsub(/\\\(dq/, "\""); print > file }
' "$source_dir/man/backrelief-rules.5"
cp "$rule_dir"/* "$alone_dir"/

# --- descriptions ---------------------------------------------------------------------------
# Prints the double-quoted values of `KEY: "..."` lines, one per line, with \" and \\ undone.
quoted_values() {
  local key=$1
  shift
  sed -nE "s/^[[:space:]]*(- )?$key: \"(.*)\"[[:space:]]*\$/\\2/p" "$@" |
    sed -e 's/\\"/"/g' -e 's/\\\\/\\/g'
}

descriptions=$(mktemp)
trap 'rm -f "$descriptions"' EXIT
{
  quoted_values text "$source_dir/tests/analysis/sentences.yaml"
  quoted_values description "$source_dir"/tests/scenarios/*.yaml
  # In args files (one argument a line) of analyze and recommend cases, a description is the
  # argument with a space in it; option values never have one.
  for args in "$source_dir"/tests/cli/*/args; do
    if [[ $(head -n 1 "$args") == analyze || $(head -n 1 "$args") == recommend ]]; then
      tail -n +2 "$args" | grep ' ' || true
    fi
  done
} >"$descriptions"

n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s' "$line" >"$text_dir/$(printf 'description-%03d' "$n")"
done <"$descriptions"
# Text that must be folded before it is read (issue 18): full-width letters, a soft hyphen, a
# zero-width space, a ligature, combining accents, a byte that is no UTF-8.
printf 'ｆｅｖｅｒ and a sore back' >"$text_dir/unicode-full-width"
printf 'fe\xc2\xadver, numb\xe2\x80\x8bness in my groin' >"$text_dir/unicode-invisible"
printf '\xef\xac\x81rst a fe\xcc\x81ver, then \xe2\x91\xa0 week of pain' >"$text_dir/unicode-compatibility"
printf 'numb \xff\xfe bum, can\xe2\x80\x99t pee' >"$text_dir/unicode-broken"
# A description read from stdin may span lines.
for case_dir in "$source_dir"/tests/cli/*/; do
  if [[ -f $case_dir/stdin && ! $(basename "$case_dir") =~ batch ]] &&
    ! grep -q '^version:' "$case_dir/stdin"; then
    cp "$case_dir/stdin" "$text_dir/cli-$(basename "$case_dir")-stdin"
  fi
done

# --- batch lines ----------------------------------------------------------------------------
for stdin in "$source_dir"/tests/cli/*batch*/stdin; do
  case_name=$(basename "$(dirname "$stdin")")
  n=0
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    printf '%s' "$line" >"$batch_dir/$(printf '%s-line-%02d' "$case_name" "$n")"
  done <"$stdin"
done
# Lines that use every key, in each of its shapes.
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s' "$line" >"$batch_dir/$(printf 'keys-%02d' "$n")"
done <<'EOF'
{"description": "sharp lower back pain for 3 months", "pressure": "firm", "goal": "relief", "area": "lower-back", "condition": "pregnancy", "avoid": "swedish", "age": 34, "duration": "6m"}
{"goals": ["relief", "mobility"], "areas": ["neck", "upper-back"], "conditions": ["blood-thinners", "fever"], "avoid": ["nmt", "deep-tissue"], "age": null, "duration": null}
{"pressure": null, "description": null, "goal": [], "age": 130, "duration": "2y"}
{"age": -1, "duration": "0d", "pressure": "deep"}
{"description": "I'm 72, lowr bak pain for 6 months, about 7/10, can\u2019t bend"}
EOF
# Each description as a line of its own; escaping \ and " is all JSON needs for these texts.
n=0
while IFS= read -r line; do
  n=$((n + 1))
  line=${line//\\/\\\\}
  line=${line//\"/\\\"}
  printf '{"description": "%s"}' "$line" >"$batch_dir/$(printf 'description-%03d' "$n")"
done <"$descriptions"

# --- patterns and a text (issue 29) -------------------------------------------------------------
# The shapes that once took time out of proportion: a near of many elements whose sets share
# words, a sequence of gaps and optional elements, constraints over a long clause, negated
# companions, an idiom beside its red flag; each with a text that nearly matches it.
pattern_seed() {
  printf '%s\n%%%%\n%s' "$2" "$3" >"$pattern_dir/$1"
}
sets='word-sets:
  - {id: a, words: [x, y, z, x y, y z]}
  - {id: b, words: [y, z, x, z x]}
  - {id: numb, words: [numb, no feeling, pins and needles]}
  - {id: place, words: [bum, groin, =legs, inner thighs]}
  - {id: clause-breaks, words: [but, although]}'
pattern_seed near-shared "$sets
concepts:
  - id: crowd
    kind: red-flag
    name: crowd
    patterns:
      - near: [<a>, <b>, <a>, <b>, <a>, <b>, <a>, q]
        within: 12" "x y z x y z x y z z y x q x y z x y x y z q z z y x"
pattern_seed gaps "$sets
concepts:
  - id: crowd
    kind: symptom
    name: crowd
    patterns:
      - sequence: [<a>, ...8, (<b>), ...8, (<a>), ...8, (<b>), q]" "x y z y z x y z x y z x z y x y z y x z y z x y"
pattern_seed constraints "$sets
concepts:
  - {id: injection, kind: context, name: injection, phrases: [injection]}
  - id: saddle
    kind: red-flag
    name: saddle
    patterns:
      - near: [<numb>, <place>]
        within: 4
        not-near: [injection, <a>]
      - sequence: [<numb>, ...3, <place>]
        only-near: [wipe]
        reach: 3" "my bum is numb and not from an injection, x y z numb groin, I do not wipe, numb legs but no injection"
pattern_seed idiom "$sets
concepts:
  - {id: chills, kind: red-flag, name: chills, phrases: [chills]}
  - id: idiom
    kind: context
    name: idiom
    report_only: true
    patterns:
      - near: [=chilling, sofa]
        within: 3
        not-near: [fever]
      - sequence: [just, =chill]" "chilling on the sofa with chills, just chill, a chill every evening, no fever"

for dir in "$rule_dir" "$alone_dir" "$text_dir" "$batch_dir" "$pattern_dir"; do
  echo "$(basename "$dir"): $(find "$dir" -type f | wc -l) seeds"
done
