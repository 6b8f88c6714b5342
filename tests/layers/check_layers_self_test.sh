#!/usr/bin/env bash
# check_layers.sh must not be a test that cannot fail: on copies of the source tree it must
# refuse an upward include inside the core, the core including the front end or CLI11, an include
# written relative to its folder, and a file in a folder that is not a layer; and a public header
# that includes the internals, a dependency's header or a public header that does not exist.
# Usage: check_layers_self_test.sh CHECK_LAYERS SRC PUBLIC
set -euo pipefail
check=${1:?usage: check_layers_self_test.sh CHECK_LAYERS SRC PUBLIC}
src=${2:?usage: check_layers_self_test.sh CHECK_LAYERS SRC PUBLIC}
public=${3:?usage: check_layers_self_test.sh CHECK_LAYERS SRC PUBLIC}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
# expect_refused NAME FILE LINE MESSAGE: adds LINE to FILE in a fresh copy; the check must fail
# and say MESSAGE.
expect_refused() {
  local name=$1 file=$2 line=$3 message=$4
  rm -rf "$work/src" "$work/include"
  cp -R "$src" "$work/src"
  cp -R "$public" "$work/include"
  mkdir -p "$(dirname "$work/$file")"
  printf '%s\n' "$line" >> "$work/$file"
  if "$check" "$work/src" "$work/include" > "$work/out" 2>&1; then
    echo "FAIL $name: check_layers accepted it" >&2
    failures=$((failures + 1))
  elif ! grep -qF -- "$message" "$work/out"; then
    echo "FAIL $name: expected '$message' in:" >&2
    cat "$work/out" >&2
    failures=$((failures + 1))
  fi
}

"$check" "$src" "$public" || { echo "FAIL: the real tree does not pass, so the cases below prove nothing" >&2; exit 1; }
expect_refused model-includes-engine src/core/model/rule.cpp '#include "core/engine/profile.hpp"' \
  'core/model/rule.cpp:'
expect_refused core-includes-cli src/core/engine/why_not.cpp '#include "cli/output/output.hpp"' \
  'core/engine includes "cli/output/output.hpp" from cli/output, a later layer'
expect_refused output-includes-commands src/cli/output/palette.cpp '#include "cli/commands/app.hpp"' \
  'cli/output includes "cli/commands/app.hpp" from cli/commands, a later layer'
expect_refused core-includes-cli11 src/core/engine/profile.cpp '#include <CLI/CLI.hpp>' \
  'the core includes <CLI/CLI.hpp>'
expect_refused relative-include src/core/text/context_marking.cpp '#include "tokenizer.hpp"' \
  '"tokenizer.hpp" is not a path from the source root'
expect_refused unknown-folder src/core/extra/thing.cpp '// a file in a folder no layer names' \
  "its folder 'core/extra' is not a layer"
expect_refused api-includes-cli src/api/answer.cpp '#include "cli/output/output.hpp"' \
  'api includes "cli/output/output.hpp" from cli/output, a later layer'
expect_refused report-includes-api src/report/answer_json.cpp '#include "api/internals.hpp"' \
  'report includes "api/internals.hpp" from api, a later layer'
expect_refused public-includes-core include/backrelief/answer.hpp '#include "core/engine/recommendation.hpp"' \
  'backrelief/answer.hpp:'
expect_refused public-includes-internal-angled include/backrelief/answer.hpp '#include <core/model/rule.hpp>' \
  'a public header includes only <backrelief/...> and the standard library'
expect_refused public-includes-dependency include/backrelief/recommender.hpp '#include <fmt/format.h>' \
  'a public header includes only <backrelief/...> and the standard library'
expect_refused public-includes-missing include/backrelief/backrelief.hpp '#include <backrelief/detail.hpp>' \
  '<backrelief/detail.hpp> is no public header'
((failures == 0))
