#!/usr/bin/env bash
# Extracts each literal block that follows a `.\" MARKER` comment in a man page and runs
# `backrelief ARGS... FILE` on it against the shipped rules; every one must succeed.
#   check_page_examples.sh BINARY PAGE MARKER ARGS...
# (example-rule-file blocks run with `rules check`, example-scenario-file blocks with `test`).
set -u
binary=$1
page=$2
marker=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -v dir="$work" -v marker="$marker" '
  $0 == ".\\\" " marker { want = 1; next }
  want && /^\.Bd/ { n++; file = sprintf("%s/example-%d.yaml", dir, n); inside = 1; want = 0; next }
  inside && /^\.Ed/ { inside = 0; close(file); next }
  inside { gsub(/\\e/, "\\"); gsub(/\\&/, ""); gsub(/\\\(dq/, "\""); print > file }
' "$page"
count=$(find "$work" -name 'example-*.yaml' | wc -l)
if ((count == 0)); then
  echo "no $marker blocks found in $page"
  exit 1
fi
failed=0
for file in "$work"/example-*.yaml; do
  if ! env -i PATH=/usr/bin:/bin HOME="$work" XDG_CONFIG_HOME="$work/none" "$binary" "$@" "$file"; then
    echo "FAILED: $marker $(basename "$file") of $page:"
    cat -n "$file"
    failed=1
  fi
done
echo "$count $marker blocks checked"
exit $failed
