#!/usr/bin/env bash
# The recipe of backrelief(1), Batch, for a batch larger than one process: split(1) cuts the
# input into parts of 1,000 lines, GNU parallel runs one process per part, each part's
# --first-line keeps the line numbers of the whole file, and the answers are joined in order.
# The output must be the one a single process writes, byte for byte, and a failed line must
# still fail the whole.
# Usage: check_parallel_recipe.sh BINARY
set -u
binary=$(realpath "$1")
if ! command -v parallel >/dev/null; then
  echo "GNU parallel is not installed (Debian package 'parallel'): skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache LC_ALL=C.UTF-8
descriptions=("dull ache low in my back after sitting" "knots under my shoulder blade" "stiff neck, no numbness"
  "sciatica down my left leg" "back pain and a fever since Tuesday" "my dad had sciatica but I just ache")
for i in $(seq 1 4500); do
  case $((i % 500)) in
    0) echo '{"descripton": "typo"}' ;;
    250) echo ;;
    *) printf '{"description": "%s", "age": %d}\n' "${descriptions[$((i % 6))]}" $((20 + i % 60)) ;;
  esac
done >in.jsonl
"$binary" recommend --batch <in.jsonl >single.jsonl 2>single.err
single_status=$?
split -l 1000 -d -a 6 in.jsonl part.
# shellcheck disable=SC2016 # $(( )) is for the shell parallel starts, {#} and {} for parallel
parallel "\"$binary\" recommend --batch --first-line \$(( ({#} - 1) * 1000 + 1 )) < {} > {}.out" ::: part.?????? \
  2>parallel.err
parallel_status=$?
cat part.??????.out >parallel.jsonl
failed=0
if [[ $single_status -ne 1 ]]; then
  echo "one process: status $single_status, expected 1 (nine lines fail)"
  failed=1
fi
if [[ $parallel_status -eq 0 ]]; then
  echo "parallel: status 0, though nine lines failed"
  failed=1
fi
if ! cmp -s single.jsonl parallel.jsonl; then
  echo "the parallel output differs from one process's:"
  diff <(cut -c1-120 single.jsonl) <(cut -c1-120 parallel.jsonl) | head -n 10
  failed=1
fi
lines=$(wc -l <parallel.jsonl)
if [[ $lines -ne 4491 ]]; then
  echo "parallel: $lines answers, expected 4491 (4500 lines less 9 blank)"
  failed=1
fi
if [[ $(grep -c 'could not be used' parallel.err) -lt 1 ]]; then
  echo "parallel: no summary of the failed lines on standard error"
  failed=1
fi
((failed)) || echo "4500 lines in parts of 1000: the same $lines answers as one process"
exit $failed
