#!/usr/bin/env bash
# The layers of docs/ARCHITECTURE.md, enforced: every file under SRC (a source tree such as src/)
# includes project headers only by their full path from SRC, and only from its own folder or a
# folder earlier in the pipeline below. The core never includes the front end. With PUBLIC (the
# include/ folder), its headers include only one another (<backrelief/...>) and the standard
# library: the library's internals and its dependencies stay private.
# Usage: check_layers.sh SRC [PUBLIC]
# Exit status: 0 when every include keeps to its layer, 1 otherwise.
set -uo pipefail
src=${1:?usage: check_layers.sh SRC [PUBLIC]}
public=${2:-}
[[ -z $public ]] || public=$(cd "$public" && pwd) || exit 2

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
  report
  api
  cli/io
  cli/input
  cli/output
  cli/commands
  .
)

declare -A rank_of_folder # the position of each folder in the list above
for i in "${!layers[@]}"; do rank_of_folder[${layers[$i]}]=$i; done

problems=0
report() {
  echo "$1" >&2
  problems=$((problems + 1))
}

cd "$src" || exit 2
# Only the include lines are read, by one grep over the whole tree: a line at a time in bash is
# slow enough to cost the suite a minute under the sanitizers.
declare -A folder_checked
while IFS= read -r -d '' file; do
  file=${file#./}
  folder=${file%/*}
  [[ $folder == "$file" ]] && folder=.
  [[ -n ${folder_checked[$folder]:-} ]] && continue
  folder_checked[$folder]=1
  [[ -n ${rank_of_folder[$folder]:-} ]] ||
    report "$file: its folder '$folder' is not a layer: add it to docs/ARCHITECTURE.md and $0"
done < <(find . -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)

while IFS= read -r match; do
  file=${match%%:*}
  rest=${match#*:}
  line_number=${rest%%:*}
  line=${rest#*:}
  file=${file#./}
  folder=${file%/*}
  [[ $folder == "$file" ]] && folder=.
  rank=${rank_of_folder[$folder]:-}
  [[ -z $rank ]] && continue # reported above, once for its folder
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
  target=${included%/*}
  [[ $target == "$included" ]] && target=.
  target_rank=${rank_of_folder[$target]:-}
  if [[ -z $target_rank ]]; then
    report "$file:$line_number: \"$included\" is in '$target', which is not a layer"
  elif ((target_rank > rank)); then
    report "$file:$line_number: $folder includes \"$included\" from $target, a later layer: move the shared part down, or pass it in"
  fi
done < <(find . -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z |
  xargs -0 grep -nE '^[[:space:]]*#[[:space:]]*include' /dev/null)

if [[ -n $public ]]; then
  while IFS= read -r match; do
    file=${match%%:*}
    rest=${match#*:}
    line_number=${rest%%:*}
    line=${rest#*:}
    if [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<backrelief/([^\>]+)\> ]]; then
      name=${BASH_REMATCH[1]}
      # version.hpp is generated from version.hpp.in at configure time
      [[ -f $public/backrelief/$name || -f $public/backrelief/$name.in ]] ||
        report "$file:$line_number: <backrelief/$name> is no public header"
    elif [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<([a-z_0-9]+)\> ]]; then
      : # a standard library header
    else
      report "$file:$line_number: a public header includes only <backrelief/...> and the standard library, not ${line#*include}"
    fi
  done < <(cd "$public" && find . -type f \( -name '*.hpp' -o -name '*.hpp.in' \) -print0 | sort -z |
    xargs -0 grep -nE '^[[:space:]]*#[[:space:]]*include' /dev/null | sed 's#^\./##')
fi

if ((problems > 0)); then
  echo "check_layers: $problems include(s) break the layering of docs/ARCHITECTURE.md" >&2
  exit 1
fi
