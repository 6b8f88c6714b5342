#!/usr/bin/env bash
# Each literal block after an `example-scenario-file` comment in backrelief-rules(5) is a scenario
# file that must pass `backrelief test` against the shipped rules.
set -u
binary=$1
page=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -v dir="$work" '
  /^\.\\" example-scenario-file/ { want = 1; next }
  want && /^\.Bd/ { n++; file = sprintf("%s/scenario-%d.yaml", dir, n); inside = 1; want = 0; next }
  inside && /^\.Ed/ { inside = 0; close(file); next }
  inside { gsub(/\\e/, "\\"); gsub(/\\&/, ""); gsub(/\\\(dq/, "\""); print > file }
' "$page"
count=$(find "$work" -name 'scenario-*.yaml' | wc -l)
if ((count == 0)); then
  echo "no example scenario files found in $page"
  exit 1
fi
failed=0
for file in "$work"/scenario-*.yaml; do
  if ! env -i PATH=/usr/bin:/bin HOME="$work" XDG_CONFIG_HOME="$work/none" "$binary" test "$file"; then
    echo "FAILED: example $(basename "$file") of $page:"
    cat -n "$file"
    failed=1
  fi
done
echo "$count example scenario files checked"
exit $failed
