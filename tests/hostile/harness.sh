# shellcheck shell=bash disable=SC2034,SC2154  # measure comes from, and failed and binary go to, the sourcing table
# Shared by the hostile-input tables: a scratch directory, a clean environment, and check().
# Source it after setting `measure` (1: print each case's wall time and peak memory).
binary=$(realpath "$1")
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache LC_ALL=C.UTF-8 NO_COLOR=1
unset BACKRELIEF_RULES BACKRELIEF_CONFIG BACKRELIEF_MAX_RULE_FILE_SIZE
failed=0
count=0

# check NAME STATUS EXPECTED-TEXT COMMAND...: the status must match and the text must appear in
# standard error (or standard output for batch records).
check() {
  local name=$1 want_status=$2 want_text=$3
  shift 3
  count=$((count + 1))
  if [[ $measure == 1 ]]; then
    /usr/bin/time -f '%e %M' -o time.txt timeout 60 "$@" >out 2>err
  else
    timeout 60 "$@" >out 2>err
  fi
  local status=$?
  if [[ $measure == 1 ]]; then
    read -r seconds kilobytes < <(tail -n 1 time.txt)
    printf '%-40s %8s %10s\n' "$name" "$seconds" "$((kilobytes / 1024))"
  fi
  if [[ $status -ne $want_status ]]; then
    echo "FAIL $name: status $status, expected $want_status"
    head -c 600 err
    failed=1
  elif ! grep -qF -- "$want_text" err out; then
    echo "FAIL $name: no '$want_text' in:"
    head -c 600 err
    failed=1
  elif grep -q "terminate called\|Sanitizer\|Segmentation\|Aborted" err; then
    echo "FAIL $name: crashed"
    head -c 600 err
    failed=1
  fi
}

