#!/usr/bin/env bash
# Catches the roff slips that mandoc -T lint lets through but that change what a reader sees:
# a quoted text whose first word is "No" (mdoc reads it as the No macro and drops the word: "No
# space left on device" rendered as "space left on device") and a "\n" in a literal display
# (roff eats the backslash: printf 'pressure: low\nconditions' rendered as "low0onditions"), and
# JSON with straight double quotes on a macro line (mdoc takes them as argument quotes and drops
# them: {"line": N, "error": "..."} rendered as {"line": N, error: ... }).
# Usage: check_rendering.sh PAGE...
set -u
failed=0
for page in "$@"; do
  while IFS= read -r hit; do
    echo "FAIL $page:$hit: write \\&No so that the word is kept"
    failed=1
  done < <(grep -nE '^\.(Ql|Dq|Sq|Qq|Pq) No( |$)' "$page" | cut -d: -f1)
  while IFS= read -r hit; do
    printf "FAIL %s:%s: a \\\\n in a literal display renders as 0; write \\\\en\\n" "$page" "$hit"
    failed=1
  done < <(awk '/^\.Bd -literal/ { inside = 1; next } /^\.Ed/ { inside = 0 } inside && /[^\\e]\\n/ { print NR }' "$page")
  while IFS= read -r hit; do
    echo "FAIL $page:$hit: JSON on a macro line loses its double quotes; write \\(dq for each"
    failed=1
  done < <(grep -nE '^\.[A-Z][a-z].*\{ *"[A-Za-z_-]+" *:' "$page" | cut -d: -f1)
done
exit "$failed"
