#!/usr/bin/env bash
# Every option that `--help` of any command prints must appear in backrelief(1).
set -u
binary=$1
page=$2
rendered=$(mandoc -T utf8 "$page" | col -b)
missing=0
for command in "" recommend ask analyze test techniques rules "rules list" "rules check" "rules show" values config; do
  # shellcheck disable=SC2086 # the command words are meant to split
  options=$("$binary" $command --help | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*' | sed 's/^[ ,]//' | sort -u)
  for option in $options; do
    if ! grep -qE -- "(^|[^A-Za-z-])$option([^A-Za-z-]|$)" <<<"$rendered"; then
      echo "backrelief ${command:+$command }--help lists $option, but $(basename "$page") does not"
      missing=1
    fi
  done
done
exit $missing
