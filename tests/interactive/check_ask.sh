#!/usr/bin/env bash
# Drives `backrelief ask` through a real pseudo-terminal (tmux) to each of its outcomes: an
# emergency at the first question, a full interview to a ranking, an answer asked again,
# Ctrl-D and Ctrl-C in the middle, and colour only where the terminal and NO_COLOR allow it.
# Usage: check_ask.sh BINARY
set -u
binary=$(realpath "$1")
work=$(mktemp -d)
socket="$work/tmux.sock"
trap 'tmux -S "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
failures=0
# Every warning-sign question is in exactly one list of the screening.
signs=$(env -i PATH=/usr/bin:/bin HOME="$work" XDG_CONFIG_HOME="$work/none" "$binary" recommend --json ache |
  jq '[.screening[] | length] | add')

# A root without pseudo-terminals (a chroot with no /dev/pts) cannot run this test: say so and
# skip (status 77, which ctest reports as skipped), rather than fail for the machine's sake.
if ! tmux -S "$socket" new-session -d -s probe 'sleep 1' 2>/dev/null; then
  echo "skipped: tmux cannot open a pseudo-terminal here"
  exit 77
fi

# start NAME TERM [VAR=value...]: runs `backrelief ask $ASK_WORDS` in a fresh 100x50 terminal.
start() {
  local name=$1 term=$2
  shift 2
  rm -f "$work/$name.status"
  tmux -S "$socket" new-session -d -s "$name" -x 100 -y 50 \
    env -i PATH=/usr/bin:/bin HOME="$work" XDG_CONFIG_HOME="$work/none" LC_ALL=C.UTF-8 TERM="$term" "$@" \
    sh -c "trap : INT; '$binary' ask ${ASK_WORDS:-}; echo \$? > '$work/$name.status'; sleep 30"
  wait_for "$name" "warning signs"
}

# wait_for NAME TEXT: until the screen shows TEXT (10 s at most).
wait_for() {
  local i
  for i in $(seq 100); do
    tmux -S "$socket" capture-pane -p -t "$1" -S -2000 | grep -qF -- "$2" && return 0
    sleep 0.1
  done
  echo "FAIL $1: the screen never showed '$2'; it shows:"
  tmux -S "$socket" capture-pane -p -t "$1" -S -2000 | tail -15
  failures=$((failures + 1))
  return 1
}

# status_is NAME N: the interview ended with exit status N (10 s at most).
status_is() {
  local i
  for i in $(seq 100); do
    if [[ -s $work/$1.status ]]; then
      if [[ $(<"$work/$1.status") == "$2" ]]; then return 0; fi
      echo "FAIL $1: exit status $(<"$work/$1.status"), expected $2"
      failures=$((failures + 1))
      return 1
    fi
    sleep 0.1
  done
  echo "FAIL $1: never ended"
  failures=$((failures + 1))
}

type_line() { tmux -S "$socket" send-keys -t "$1" -l -- "$2" && tmux -S "$socket" send-keys -t "$1" Enter; }
screen() { tmux -S "$socket" capture-pane -p -e -t "$1" -S -2000; }

if [[ $signs -lt 5 ]]; then
  echo "FAIL: the shipped rules should hold warning-sign questions (the screening counts ${signs:-none})"
  exit 1
fi

# An emergency at the first question: the referral at once, status 3, nothing more asked.
start emergency dumb
type_line emergency "yes"
wait_for emergency "Call emergency services now (emergency)"
status_is emergency 3
if screen emergency | grep -q "2/$signs"; then
  echo "FAIL emergency: a second question was asked after an emergency answer"
  failures=$((failures + 1))
fi

# A full interview: every sign denied, then the preferences by number and in words.
start full xterm-256color NO_COLOR=1
for _ in $(seq "$signs"); do type_line full "n"; done
wait_for full "Where does it hurt?"
type_line full "1"              # lower back
wait_for full "What pressure"
type_line full "1"              # low
wait_for full "What do you want most"
type_line full "relaxation"
wait_for full "Do any of these apply"
type_line full ""
wait_for full "How old are you?"
type_line full "forty"
wait_for full "whole number of years"
type_line full "40"
wait_for full "How long have you had"
type_line full "6m"
wait_for full "in your own words"
type_line full "tight after sitting all day"
wait_for full "Suggestions for: low pressure; lower back; relaxation"
wait_for full " 1  Swedish massage"
wait_for full "Tell your therapist:"
status_is full 0
if screen full | grep -q $'\e\\[[0-9;]*m'; then
  echo "FAIL full: colour despite NO_COLOR"
  failures=$((failures + 1))
fi

# An urgent sign (a fever, the tenth question) lets the warning signs finish, then refers with
# status 3 and asks nothing about preferences.
start urgent dumb
for _ in $(seq 9); do type_line urgent "n"; done
type_line urgent "y"
for _ in $(seq $((signs - 10))); do type_line urgent "n"; done
wait_for urgent "See a doctor today (urgent)"
status_is urgent 3
if screen urgent | grep -q "Where does it hurt?"; then
  echo "FAIL urgent: preferences were asked after an urgent referral"
  failures=$((failures + 1))
fi

# With a description, the warning sign its words hint at (the bladder) is asked first, and a yes
# to it is an emergency at once.
ASK_WORDS="'my lower back aches and I keep needing to pee'" start hinted dumb
wait_for hinted "What you wrote can go with a warning sign"
wait_for hinted "1/$signs. Have you had new trouble passing urine"
type_line hinted "not sure"
wait_for hinted "Call emergency services now (emergency)"
status_is hinted 3

# A wrong answer is asked again with the valid choices; Ctrl-D then ends with status 1.
start again dumb
type_line again "maybe"
wait_for again "Please answer yes, no or not sure"
type_line again "no"
wait_for again "2/$signs."
tmux -S "$socket" send-keys -t again C-d
wait_for again "the interview ended before its last question"
status_is again 1

# Ctrl-C in the middle: the same message, and the status of an interrupted program.
start interrupted dumb
type_line interrupted "no"
wait_for interrupted "2/$signs."
tmux -S "$socket" send-keys -t interrupted C-c
wait_for interrupted "the interview ended before its last question"
status_is interrupted 130

# Colour: on a colour terminal the referral is coloured; TERM=dumb leaves it plain.
start coloured xterm-256color
type_line coloured "yes"
status_is coloured 3
if ! screen coloured | grep -q $'\e\\['; then
  echo "FAIL coloured: no colour on a colour terminal (the check below could not fail)"
  failures=$((failures + 1))
fi
start plain dumb
type_line plain "yes"
status_is plain 3
if screen plain | grep -q $'\e\\[[0-9;]*m'; then
  echo "FAIL plain: colour on TERM=dumb"
  failures=$((failures + 1))
fi

# `recommend` with nothing given at a terminal offers the interview instead of four ties.
tmux -S "$socket" new-session -d -s nothing -x 100 -y 50 \
  env -i PATH=/usr/bin:/bin HOME="$work" XDG_CONFIG_HOME="$work/none" LC_ALL=C.UTF-8 TERM=dumb \
  sh -c "'$binary' recommend; echo \$? > '$work/nothing.status'; sleep 30"
wait_for nothing "Answer a few questions:   backrelief ask"
status_is nothing 0
if screen nothing | grep -q "Suggestions for"; then
  echo "FAIL nothing: four ties were ranked"
  failures=$((failures + 1))
fi

if ((failures)); then
  echo "$failures failures"
  exit 1
fi
echo "ask: every outcome as expected through a pseudo-terminal"
