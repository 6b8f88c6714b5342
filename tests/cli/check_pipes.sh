#!/usr/bin/env bash
# A reader that goes away early (| head -1) ends backrelief quietly with the answer's exit
# status; a full disk (/dev/full) gives one message and status 1; a batch answers each line at
# once when its input pauses. Usage: check_pipes.sh BINARY
set -u
binary=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config NO_COLOR=1 LC_ALL=C.UTF-8
unset BACKRELIEF_RULES BACKRELIEF_CONFIG COLUMNS
failed=0

# expect STATUS STDERR-FILE-EXPECTED DESCRIPTION -- COMMAND (run by bash with pipefail)
expect() {
  local want_status=$1 want_stderr=$2 what=$3
  shift 4
  bash -o pipefail -c "$*" >"$work/out" 2>"$work/err"
  local status=$?
  if [[ $status -ne $want_status ]]; then
    echo "FAIL $what: status $status, expected $want_status"
    failed=1
  fi
  if [[ $(cat "$work/err") != "$want_stderr" ]]; then
    echo "FAIL $what: standard error was:"
    cat "$work/err"
    echo "expected:"
    echo "$want_stderr"
    failed=1
  fi
}

b=$binary
yes '{"pressure": "low", "description": "tight lower back after sitting"}' | head -n 5000 >"$work/many.jsonl"

expect 0 "" "text into head -1" -- "$b recommend -p low | head -1"
expect 0 "" "tsv into head -1" -- "$b recommend -p low -f tsv --no-header | cut -f2 | head -1"
expect 3 "" "referral into head -1" -- "$b recommend 'fever and numb between my legs' | head -1"
expect 4 "" "nothing suitable into head -1" -- \
  "$b recommend --json --avoid swedish --avoid nmt --avoid mfr --avoid deep-tissue | head -1"
expect 0 "" "batch into head -1" -- "$b recommend --batch <'$work/many.jsonl' | head -1"
expect 0 "" "rules list into head -1" -- "$b rules list | head -1"
expect 0 "" "help into head -1" -- "$b recommend --help | head -1"

full="backrelief: error: cannot write to standard output: No space left on device"
expect 1 "$full" "text to a full disk" -- "$b recommend -p low >/dev/full"
expect 1 "$full" "json to a full disk" -- "$b recommend -p low --json >/dev/full"
expect 1 "$full" "batch to a full disk" -- "$b recommend --batch <'$work/many.jsonl' >/dev/full"
expect 1 "$full" "rules list to a full disk" -- "$b rules list >/dev/full"

# The answer is still the whole answer when nobody leaves early.
lines=$("$b" recommend --batch <"$work/many.jsonl" | wc -l)
if [[ $lines -ne 5000 ]]; then
  echo "FAIL batch wrote $lines lines for 5000"
  failed=1
fi
# A producer that pauses still gets each answer at once: the first answer must arrive while the
# second line is still 5 seconds away (answers are otherwise written in 64 KiB blocks).
first=$( (echo '{"pressure": "low"}'; sleep 5; echo '{"pressure": "firm"}') | "$b" recommend --batch |
  { IFS= read -r -t 3 line && echo "${line:0:9}"; })
if [[ $first != '{"line":1' ]]; then
  echo "FAIL batch held back the first answer while the input paused (got '$first')"
  failed=1
fi

[[ $failed -eq 0 ]] && echo "pipes and full disks: ok"
exit $failed
