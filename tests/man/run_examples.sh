#!/usr/bin/env bash
# Runs every "$ command" line of the EXAMPLES section of backrelief(1) with the built binary
# first on PATH, in a scratch directory, and checks its exit status: 0, or N when the line ends
# with the comment "# exits N".
set -u
binary=$(realpath "$1")
page=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/run" "$work/home"
ln -s "$binary" "$work/bin/backrelief"
mapfile -t examples < <(sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$page" | sed -n 's/^\$ //p' | sed 's/\\e/\\/g; s/\\&//g')
if ((${#examples[@]} == 0)); then
  echo "no examples found in $page"
  exit 1
fi
failed=0
for example in "${examples[@]}"; do
  output=$(cd "$work/run" && env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work/home" \
    XDG_CONFIG_HOME="$work/home/.config" NO_COLOR=1 TERM=dumb LC_ALL=C.UTF-8 \
    bash -o pipefail -c "$example" 2>&1 </dev/null)
  status=$?
  expected=0
  [[ $example =~ \#\ exits\ ([0-9]+)$ ]] && expected=${BASH_REMATCH[1]}
  if ((status != expected)); then
    echo "FAILED (status $status, expected $expected): $example"
    echo "$output" | head -n 20
    failed=1
  fi
done
echo "${#examples[@]} examples run"
exit $failed
