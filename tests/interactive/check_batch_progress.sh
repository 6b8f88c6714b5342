#!/usr/bin/env bash
# Runs `recommend --batch` with standard error on a real pseudo-terminal (tmux) and a producer
# slow enough for the batch to pass one second: the progress line appears there, counts the
# lines answered, and is gone when the summary comes; with standard error in a file there is
# no progress line at all, and standard output never holds one.
# Usage: check_batch_progress.sh BINARY
set -u
binary=$(realpath "$1")
work=$(mktemp -d)
socket="$work/tmux.sock"
trap 'tmux -S "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
failures=0

if ! tmux -S "$socket" new-session -d -s probe 'sleep 1' 2>/dev/null; then
  echo "skipped: tmux cannot open a pseudo-terminal here"
  exit 77
fi

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

screen() { tmux -S "$socket" capture-pane -p -t batch -S -200; }

# wait_for TEXT: until the screen shows TEXT (10 s at most).
wait_for() {
  local i
  for i in $(seq 100); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "the screen never showed '$1'; it shows:"
  screen | tail -8
  return 1
}

# The first line, then, once its answer is out (the batch has started, however long its rules
# took to load: an asan build under load takes seconds), a line every 0.3 s for 6 s: the batch
# runs well past a second with lines still coming, so the progress line shows.
cat > "$work/produce.sh" <<PRODUCE
echo '{"id": 1, "pressure": "low"}'
while [ ! -s '$work/answers' ]; do sleep 0.05; done
i=1
while [ \$i -lt 20 ]; do
  i=\$((i + 1))
  echo "{\\"id\\": \$i, \\"pressure\\": \\"low\\"}"
  sleep 0.3
done
PRODUCE
tmux -S "$socket" new-session -d -s batch -x 120 -y 20 \
  env -i PATH=/usr/bin:/bin HOME="$work" XDG_CONFIG_HOME="$work/none" LC_ALL=C.UTF-8 TERM=xterm \
  sh -c "sh '$work/produce.sh' | '$binary' recommend --batch > '$work/answers'; echo \$? > '$work/status'; sleep 30"
wait_for "lines so far, "
wait_for "backrelief: 20 lines: referred none"
if screen | grep -qF "so far"; then
  fail "the progress line is still on the screen after the summary:"
  screen | tail -5
fi
# The summary is on the screen before the process has ended (an asan build checks for leaks as
# it exits): wait for its status.
for _ in $(seq 100); do [[ -s $work/status ]] && break; sleep 0.1; done
[[ $(cat "$work/status" 2>/dev/null) == 0 ]] || fail "exit status $(cat "$work/status" 2>/dev/null), expected 0"
[[ $(wc -l < "$work/answers") == 20 ]] || fail "$(wc -l < "$work/answers") answers, expected 20"
grep -q "so far" "$work/answers" && fail "the progress line went to standard output"

# Standard error in a file: the summary only, without a carriage return.
rm -f "$work/answers"
sh "$work/produce.sh" | "$binary" recommend --batch > "$work/answers" 2> "$work/errors"
if [[ $(cat "$work/errors") != "backrelief: 20 lines: referred none; 0 with questions to check first; every one answered" ]]; then
  fail "standard error in a file holds more than the summary:"
  cat -A "$work/errors"
fi

if ((failures)); then
  echo "$failures failed"
  exit 1
fi
echo "the progress line shows on a terminal only, and is erased before the summary"
