#!/usr/bin/env bash
# Runs one golden case: tests/cli/<case>/ holds
#   args    the arguments, one per line
#   stdin   (optional) standard input; otherwise /dev/null
#   env     (optional) extra VAR=value lines for the environment
#   config/ (optional) used as $XDG_CONFIG_HOME; otherwise an empty directory
#   stdout  the expected standard output
#   stderr  (optional) the expected standard error
#   status  (optional) the expected exit status; 0 when missing
# The binary runs in the case directory with a pinned environment. Paths of the source tree's
# rules/ are written as @RULES@, the case directory as @CASE@ and the scratch directory as
# @WORK@, so the expected files do not depend on the checkout.
# With BACKRELIEF_UPDATE_GOLDEN=1 the expected files are rewritten from the actual run.
set -u
binary=$(realpath "$1")
case_dir=$(cd "$2" && pwd)
rules_dir=$(cd "$(dirname "$0")/../../rules" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t args <"$case_dir/args"
input=/dev/null
[[ -f $case_dir/stdin ]] && input=$case_dir/stdin
config=$work/config
[[ -d $case_dir/config ]] && config=$case_dir/config
extra_env=()
[[ -f $case_dir/env ]] && mapfile -t extra_env <"$case_dir/env"

(cd "$case_dir" && env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_CONFIG_HOME="$config" \
  NO_COLOR=1 TERM=dumb LC_ALL=C.UTF-8 "${extra_env[@]}" "$binary" "${args[@]}") \
  <"$input" >"$work/stdout.raw" 2>"$work/stderr.raw"
status=$?
for stream in stdout stderr; do
  sed -e "s|$rules_dir|@RULES@|g" -e "s|$case_dir|@CASE@|g" -e "s|$work|@WORK@|g" "$work/$stream.raw" >"$work/$stream"
done

if [[ ${BACKRELIEF_UPDATE_GOLDEN:-} == 1 ]]; then
  cp "$work/stdout" "$case_dir/stdout"
  if [[ -s $work/stderr || -f $case_dir/stderr ]]; then cp "$work/stderr" "$case_dir/stderr"; fi
  if [[ $status -ne 0 ]]; then echo "$status" >"$case_dir/status"; else rm -f "$case_dir/status"; fi
  echo "updated $(basename "$case_dir")"
  exit 0
fi

failed=0
expected_status=0
[[ -f $case_dir/status ]] && expected_status=$(<"$case_dir/status")
if [[ $status -ne $expected_status ]]; then
  echo "exit status: expected $expected_status, got $status"
  failed=1
fi
if ! diff -u "$case_dir/stdout" "$work/stdout"; then
  echo "standard output differs (- expected, + actual)"
  failed=1
fi
if [[ -f $case_dir/stderr ]]; then
  if ! diff -u "$case_dir/stderr" "$work/stderr"; then
    echo "standard error differs (- expected, + actual)"
    failed=1
  fi
elif [[ -s $work/stderr ]]; then
  echo "unexpected standard error:"
  cat "$work/stderr"
  failed=1
fi
exit $failed
