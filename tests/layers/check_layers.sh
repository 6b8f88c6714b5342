#!/usr/bin/env bash
# The layers of docs/ARCHITECTURE.md, enforced: every file under SRC (a source tree such as src/)
# includes project headers only by their full path from SRC, and only from its own folder or a
# folder earlier in the pipeline below. The core never includes the front end.
# Usage: check_layers.sh SRC     Exit status: 0 when every include keeps to its layer, 1 otherwise.
set -uo pipefail
src=${1:?usage: check_layers.sh SRC}

# The folders in the order data flows; a folder may include from itself and from those above it.
layers=(
  core/util
  core/yaml
  core/model
  core/text
  core/rules
  core/config
  core/engine
  core/authoring
  cli/io
  cli/input
  cli/output
  cli/commands
  .
)

rank_of() { # the position of a folder in the list above, or nothing when it is not there
  local folder=$1 i
  for i in "${!layers[@]}"; do
    [[ ${layers[$i]} == "$folder" ]] && { echo "$i"; return; }
  done
}

problems=0
report() {
  echo "$1" >&2
  problems=$((problems + 1))
}

cd "$src" || exit 2
while IFS= read -r -d '' file; do
  file=${file#./}
  folder=$(dirname "$file")
  rank=$(rank_of "$folder")
  if [[ -z $rank ]]; then
    report "$file: its folder '$folder' is not a layer: add it to docs/ARCHITECTURE.md and $0"
    continue
  fi
  line_number=0
  while IFS= read -r line; do
    line_number=$((line_number + 1))
    if [[ $folder == core/* && $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<(CLI/[^\>]*|cli/[^\>]*)\> ]]; then
      report "$file:$line_number: the core includes <${BASH_REMATCH[1]}>: options belong to the front end (src/cli)"
      continue
    fi
    [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]] || continue
    included=${BASH_REMATCH[1]}
    if [[ ! -f $included ]]; then
      report "$file:$line_number: \"$included\" is not a path from the source root (write it in full, e.g. \"core/model/rule.hpp\")"
      continue
    fi
    target=$(dirname "$included")
    target_rank=$(rank_of "$target")
    if [[ -z $target_rank ]]; then
      report "$file:$line_number: \"$included\" is in '$target', which is not a layer"
    elif ((target_rank > rank)); then
      report "$file:$line_number: $folder includes \"$included\" from $target, a later layer: move the shared part down, or pass it in"
    fi
  done < "$file"
done < <(find . -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)

if ((problems > 0)); then
  echo "check_layers: $problems include(s) break the layering of docs/ARCHITECTURE.md" >&2
  exit 1
fi
