#!/usr/bin/env bash
# Each literal block after an `example-rule-file` comment in backrelief-rules(5) is a rule file
# that must pass `backrelief rules check` together with the shipped rules.
set -u
binary=$1
page=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -v dir="$work" '
  /^\.\\" example-rule-file/ { want = 1; next }
  want && /^\.Bd/ { n++; file = sprintf("%s/example-%d.yaml", dir, n); inside = 1; want = 0; next }
  inside && /^\.Ed/ { inside = 0; close(file); next }
  inside { gsub(/\\e/, "\\"); gsub(/\\&/, ""); print > file }
' "$page"
count=$(find "$work" -name 'example-*.yaml' | wc -l)
if ((count == 0)); then
  echo "no example rule files found in $page"
  exit 1
fi
failed=0
for file in "$work"/example-*.yaml; do
  if ! env -i PATH=/usr/bin:/bin HOME="$work" XDG_CONFIG_HOME="$work/none" "$binary" rules check "$file"; then
    echo "FAILED: example $(basename "$file") of $page:"
    cat -n "$file"
    failed=1
  fi
done
echo "$count example rule files checked"
exit $failed
