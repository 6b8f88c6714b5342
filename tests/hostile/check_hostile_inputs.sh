#!/usr/bin/env bash
# The table of hostile inputs of issue 7: each must give its clear message and exit status, and
# never a crash or a hang (every run is cut off after 60 s, far above the ~0.1 s each takes).
# Usage: check_hostile_inputs.sh BINARY
# With HOSTILE_MEASURE=1 (as bench/hostile-inputs runs it, on a release build) each case also
# prints its wall time and peak memory, and the descriptions are full size (1 MB).
set -u
measure=${HOSTILE_MEASURE:-0}
description_bytes=300000
binary_bytes=200000
if [[ $measure == 1 ]]; then
  description_bytes=1000000
  binary_bytes=1000000
  printf '%-40s %8s %10s\n' case seconds "peak MB"
fi
# shellcheck source-path=SCRIPTDIR source=harness.sh
source "$(dirname "$(realpath "$0")")/harness.sh"

header=$'version: 1\nrules:\n'
rule() { printf '  - {id: %s, when: {pressure: low}, score: {swedish: 1}, because: b, source: s}\n' "$1"; }

check_rules=("$binary" rules check)

# --- rule files: size -----------------------------------------------------------------------
{ printf '%s' "$header"; for i in $(seq 1 2); do rule "r$i"; done; head -c 9000000 /dev/zero | tr '\0' '#'; } >big.yaml
check "file over 8 MiB" 1 "big.yaml: larger than 8388608 bytes" "${check_rules[@]}" big.yaml
{ printf '%s' "$header"; rule r1; printf '# %02000d\n' 0; } >two-k.yaml
check "file over a configured 1K" 1 "two-k.yaml: larger than 1024 bytes" \
  env BACKRELIEF_MAX_RULE_FILE_SIZE=1K "$binary" rules check --no-default-rules two-k.yaml
check "a bad size setting" 2 "BACKRELIEF_MAX_RULE_FILE_SIZE: cannot read 'lots'" \
  env BACKRELIEF_MAX_RULE_FILE_SIZE=lots "$binary" rules check two-k.yaml
check "rules on stdin over the cap" 1 "<stdin>: larger than 1024 bytes" \
  env BACKRELIEF_MAX_RULE_FILE_SIZE=1K "$binary" rules check --no-default-rules - <two-k.yaml

# --- rule files: nesting ----------------------------------------------------------------------
{ printf 'version: 1\nrules: '; head -c 1000000 /dev/zero | tr '\0' '['; } >flow.yaml
check "a million nested [" 1 "flow.yaml:2:72: brackets nested more than 64 levels deep" "${check_rules[@]}" flow.yaml
{ printf 'version: 1\nrules: '; head -c 1000000 /dev/zero | tr '\0' '{'; } >braces.yaml
check "a million nested {" 1 "brackets nested more than 64 levels deep" "${check_rules[@]}" braces.yaml
{ printf 'version: 1\nrules:\n'; for i in $(seq 1 100000); do printf -- '- '; done; printf 'x\n'; } >block.yaml
check "100,000 nested block lists" 1 "nested more than 64 levels deep" "${check_rules[@]}" block.yaml

# --- rule files: anchors and aliases -----------------------------------------------------------
cat >laughs.yaml <<'YAML'
version: 1
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
rules:
  - {id: laughs, when: {all: *i}, score: {swedish: 1}, because: b, source: s}
YAML
check "billion laughs" 1 "laughs.yaml:2:4: anchors (&name) are not allowed" "${check_rules[@]}" laughs.yaml
printf 'version: 1\nroot: &r {child: *r}\n' >self.yaml
check "a self-referencing alias" 1 "self.yaml:2:7: anchors (&name) are not allowed" "${check_rules[@]}" self.yaml
printf 'version: 1\nrules:\n  - {id: a, when: *nowhere, score: {swedish: 1}, because: b, source: s}\n' >alias.yaml
check "an alias" 1 "alias.yaml:3:" "${check_rules[@]}" alias.yaml

# --- rule files: structure and scalars ---------------------------------------------------------
printf 'version: 1\nversion: 1\nrules: []\n' >dup.yaml
check "a duplicate key" 1 "dup.yaml:2:1: duplicate key 'version' in a rule file (first given at dup.yaml:1:1)" \
  "${check_rules[@]}" dup.yaml
printf 'version: 1\nrules: []\n---\nrules: []\n' >docs.yaml
check "a second document" 1 "docs.yaml:3:1: a second YAML document" "${check_rules[@]}" docs.yaml
printf ',' >comma.yaml
check "a lone comma (LoadAll loops on it)" 1 "comma.yaml:1:1" "${check_rules[@]}" comma.yaml
printf 'version: 042\nrules: []\n' >octal.yaml
check "an octal-looking number" 1 "found '042'" "${check_rules[@]}" octal.yaml
{ printf '%s' "$header"; printf '  - {id: y, when: {pressure: low}, score: {swedish: 1}, because: b, source: s, replaces: yes}\n'; } >yes.yaml
check "yes as a boolean" 1 "as true or false, found 'yes'" "${check_rules[@]}" yes.yaml
{ printf '%s' "$header"; printf '  - {id: y, when: {pressure: low}, score: {swedish: 1}, because: b, source: s, replaces: on}\n'; } >on.yaml
check "on as a boolean" 1 "as true or false, found 'on'" "${check_rules[@]}" on.yaml

# --- rule files: encoding ----------------------------------------------------------------------
printf 'version: 1\nrules:\n  - {id: "a\xffb"}\n' >utf8.yaml
check "invalid UTF-8" 1 "utf8.yaml:3:12: invalid UTF-8 (byte 0xFF)" "${check_rules[@]}" utf8.yaml
printf 'version: 1\nrules:\n  - {id: "a\x00b"}\n' >nul.yaml
check "a NUL in a quoted string" 1 "nul.yaml:3:12: a NUL byte" "${check_rules[@]}" nul.yaml
printf 'version: 1\nrules:\n  - {id: "a\x1bb"}\n' >control.yaml
check "a control byte" 1 "control.yaml:3:12: a control character (byte 0x1B)" "${check_rules[@]}" control.yaml
printf '\xff\xfev\x00e\x00r\x00' >utf16.yaml
check "UTF-16 with a byte-order mark" 1 "utf16.yaml:1:1: the file looks like UTF-16 text" "${check_rules[@]}" utf16.yaml
printf '\x00v\x00e\x00r' >utf16be.yaml
check "UTF-16 starting with 00" 1 "the file looks like UTF-16 text" "${check_rules[@]}" utf16be.yaml

# --- rule paths --------------------------------------------------------------------------------
mkdir empty-dir
check "a directory without rule files" 1 "empty-dir: no *.yaml or *.yml rule files in this directory" "${check_rules[@]}" empty-dir
check "a path that does not exist" 1 "nowhere.yaml: no such rule file or directory" "${check_rules[@]}" nowhere.yaml
mkfifo pipe.yaml
check "a FIFO" 1 "pipe.yaml: not a regular file" "${check_rules[@]}" pipe.yaml
check "a device" 1 "/dev/zero: not a regular file" "${check_rules[@]}" /dev/zero
cp "$(dirname "$binary")/../../rules/00-techniques.yaml" unreadable.yaml 2>/dev/null || printf 'version: 1\n' >unreadable.yaml
chmod 000 unreadable.yaml
if [[ $(id -u) -ne 0 ]]; then
  check "an unreadable file" 1 "unreadable.yaml: cannot read rule file" "${check_rules[@]}" unreadable.yaml
fi

# --- batch lines -------------------------------------------------------------------------------
{
  printf '{"description": "%s"}\n' "$(head -c 1100000 /dev/zero | tr '\0' 'a')"
  printf 'not json\n'
  printf '{"age": "forty"}\n'
  printf '{"pressure": ["low", "firm"]}\n'
  printf '{"presure": "low"}\n'
  printf '[1, 2]\n'
  printf '{"age": 1e999}\n'
  printf '{"pressure": "low"}\n'
} >batch.jsonl
check "batch: a line over 1 MiB" 1 '{"line":1,"schema":2,"error":"line longer than 1048576 bytes' "$binary" recommend --batch <batch.jsonl
check "batch: invalid JSON" 1 '{"line":2,"schema":2,"error":"invalid JSON' "$binary" recommend --batch <batch.jsonl
check "batch: a wrong type" 1 "{\"line\":3,\"schema\":2,\"error\":\"'age' must be a whole number" "$binary" recommend --batch <batch.jsonl
check "batch: a list for one value" 1 "{\"line\":4,\"schema\":2,\"error\":\"'pressure' must be a string, found a list" "$binary" recommend --batch <batch.jsonl
check "batch: an unknown key" 1 "{\"line\":5,\"schema\":2,\"error\":\"unknown key 'presure' (did you mean 'pressure'?)\"}" \
  "$binary" recommend --batch <batch.jsonl
check "batch: not an object" 1 '{"line":6,"schema":2,"error":' "$binary" recommend --batch <batch.jsonl
check "batch: a number too large (fuzzing)" 1 '{"line":7,"schema":2,"error":"invalid JSON: a number too large to read"}' \
  "$binary" recommend --batch <batch.jsonl
check "batch: goes on after errors" 1 '{"line":8,"schema":2' "$binary" recommend --batch <batch.jsonl

# --- descriptions ------------------------------------------------------------------------------
# Full-size descriptions (1 MB) are timed in release by bench/hostile-inputs; here they are
# smaller, so the debug and sanitizer builds stay quick.
head -c "$binary_bytes" /dev/urandom >binary.txt
check "a binary description" 0 "" "$binary" analyze - <binary.txt
yes 'my lower back aches after sitting and I have knots under my shoulder blade.' | head -c "$description_bytes" >megabyte.txt
check "a long description" 0 "Suggestions for:" sh -c "'$binary' recommend - <megabyte.txt 2>&1"
yes 'no numbness' | head -n 10000 | tr '\n' ' ' >negations.txt
check "10,000 negations" 0 "negated" sh -c "'$binary' analyze - <negations.txt 2>&1"
# Context (issue 25): one list of warning signs without a sentence end, and facts that stand for
# another person's or a past mention, repeated: each read once, never a scan per comma or fact.
yes 'denies fever, chills, night sweats, weight loss,' | head -c "$description_bytes" >lists.txt
check "one list of a description's length" 0 "negated" sh -c "'$binary' analyze - <lists.txt 2>&1"
yes 'my dad has ankylosing spondylitis and PMH DVT 2014 with cancer in 2008' | head -c "$description_bytes" >stand-ins.txt
check "stand-in facts, repeated" 0 "spa-family-history" sh -c "'$binary' analyze - <stand-ins.txt 2>&1"
# Patterns (issue 29): every kind is read in time proportional to the text: the shipped rules
# over many matches in one clause or many sentences, and a user's `near` of eight elements whose
# sets share words and a sequence of gaps and optional elements, over words that nearly match.
yes 'lost weight' | tr '\n' ' ' | head -c "$description_bytes" >weight.txt
check "one weight-loss phrase, repeated" 0 "unexplained-weight-loss" sh -c "'$binary' analyze - <weight.txt 2>&1"
yes 'numb bum and groin' | tr '\n' ' ' | head -c "$description_bytes" >saddle.txt
check "saddle words, repeated" 0 "saddle-numbness" sh -c "'$binary' analyze - <saddle.txt 2>&1"
yes 'the numbness went away.' | tr '\n' ' ' | head -c "$description_bytes" >went.txt
check "a resolution after every fact" 0 "resolved" sh -c "'$binary' analyze - <went.txt 2>&1"
cat >crowd.yaml <<'EOF'
version: 1
word-sets:
  - {id: a, words: [x, y, z, x y, y z]}
  - {id: b, words: [y, z, x, z x]}
concepts:
  - id: crowd
    kind: symptom
    name: crowd
    patterns:
      - near: [<a>, <b>, <a>, <b>, <a>, <b>, <a>, q]
        within: 12
      - sequence: [<a>, ...8, (<b>), ...8, (<a>), ...8, (<b>), q]
  - id: ping
    kind: symptom
    name: ping
    patterns:
      - sequence: [ping]
EOF
yes 'ping.' | tr '\n' ' ' | head -c "$description_bytes" >pings.txt
check "a one-word pattern in every sentence" 0 "ping" sh -c "'$binary' analyze -r crowd.yaml - <pings.txt 2>&1"
awk -v bytes="$description_bytes" 'BEGIN { srand(1); split("x y z", w, " ");
  for (n = 0; n < bytes; n += 2) printf "%s ", (n % 100 == 0 ? "q" : w[int(rand() * 3) + 1]) }' >crowd.txt
check "patterns whose elements share words" 0 "crowd" sh -c "'$binary' analyze -r crowd.yaml - <crowd.txt 2>&1"
head -c 1100000 /dev/zero | tr '\0' 'a' >too-long.txt
check "a description over 1 MiB" 2 "the description is longer than 1048576 bytes" "$binary" recommend - <too-long.txt

echo "$count hostile inputs checked"
exit $failed
