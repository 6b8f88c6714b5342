#!/usr/bin/env bash
# backrelief(1)'s lists of what the shipped rules define stay true: every goal, area and
# condition the binary accepts (ids and aliases, from `backrelief values`) is named with .Cm in
# its option's entry, and FILES names every shipped rule file.
# Usage: check_value_lists.sh BINARY PAGE RULES_DIR
set -u
binary=$1
page=$2
rules=$3
failed=0
# The text of the option entry that starts with `.It Fl FLAG`, up to the next `.It`.
entry() { awk -v start=".It Fl $1 " 'index($0, start) == 1 { inside = 1; next } inside && /^\.It / { exit } inside' "$page"; }
for pair in g:goal a:area c:condition; do
  flag=${pair%%:*}
  kind=${pair#*:}
  text=$(entry "$flag")
  [[ -n $text ]] || { echo "FAIL: no .It Fl $flag entry in $page"; failed=1; continue; }
  # The words of the entry's .Cm lines and .Pq Cm lines, one per line, without their commas.
  named=$(grep -E '^\.(Cm|Pq Cm) ' <<<"$text" | tr ',' ' ' | tr ' ' '\n' | grep -vE '^(\.Cm|\.Pq|Cm|\.|)$')
  while IFS= read -r value; do
    grep -qxF -- "$value" <<<"$named" ||
      { echo "FAIL: -$flag: '$value' ($kind) is accepted but not listed"; failed=1; }
  done < <(env -i PATH=/usr/bin:/bin HOME=/nonexistent "$binary" values "$kind")
done
files=$(awk '/^\.Sh FILES/ { inside = 1; next } inside && /^\.Sh / { exit } inside' "$page")
for file in "$rules"/*.yaml; do
  name=$(basename "$file")
  grep -q "^\.Pa $name" <<<"$files" || { echo "FAIL: FILES does not name $name"; failed=1; }
done
exit "$failed"
