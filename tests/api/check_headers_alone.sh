#!/usr/bin/env bash
# Every public header compiles on its own, with only the public include folders on the path and
# the strictest warnings: a program may include any one of them first, and nothing of src/ is
# needed to do so (the layer check keeps the dependencies' headers out).
# Usage: check_headers_alone.sh CXX PUBLIC GENERATED   Exit status: 0 when every header compiles.
set -uo pipefail
cxx=${1:?usage: check_headers_alone.sh CXX PUBLIC GENERATED}
public=${2:?usage: check_headers_alone.sh CXX PUBLIC GENERATED}
generated=${3:?usage: check_headers_alone.sh CXX PUBLIC GENERATED}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
count=0
for header in "$public"/backrelief/*.hpp "$generated"/backrelief/*.hpp; do
  [[ -f $header ]] || continue
  name=backrelief/${header##*/}
  count=$((count + 1))
  # Twice in one file: each header guards against being read twice.
  printf '#include <%s>\n#include <%s>\n' "$name" "$name" > "$work/one.cpp"
  if ! "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion \
    -Wnon-virtual-dtor -Werror -I "$public" -I "$generated" "$work/one.cpp" 2> "$work/errors"; then
    echo "FAIL $name does not compile alone:" >&2
    cat "$work/errors" >&2
    failures=$((failures + 1))
  fi
done
((count > 0)) || { echo "FAIL: no public header found under $public" >&2; exit 1; }
echo "$count public headers compile alone"
((failures == 0))
