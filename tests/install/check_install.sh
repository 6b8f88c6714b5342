#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks that the installed binary runs from any
# directory and reads the installed rules, not the source tree's.
set -eu
build_dir=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
for file in bin/backrelief share/man/man1/backrelief.1 share/man/man5/backrelief-rules.5 \
  share/backrelief/rules/00-techniques.yaml share/backrelief/schema/batch-line.schema.json; do
  [[ -e $prefix/$file ]] || { echo "not installed: $file"; exit 1; }
done
cd /
origin=$(env -i PATH=/usr/bin:/bin HOME="$prefix" "$prefix/bin/backrelief" rules show stay-active | sed -n 's/^origin: *//p')
case $origin in
  "$prefix"/share/backrelief/rules/*) ;;
  *) echo "the installed binary read its rules from '$origin', not from $prefix"; exit 1 ;;
esac
env -i PATH=/usr/bin:/bin HOME="$prefix" "$prefix/bin/backrelief" recommend --pressure low --format tsv | sed -n 2p | grep -q '^1	swedish	' \
  || { echo "the installed binary did not rank swedish first for --pressure low"; exit 1; }
echo "installed and ran from $prefix"
