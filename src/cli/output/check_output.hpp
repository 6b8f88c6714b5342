#pragma once

#include "core/util/diagnostic.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief::cli {

/// The sizes of a rule set that loaded.
struct RuleCounts {
  std::size_t techniques = 0;
  std::size_t concepts = 0;
  std::size_t rules = 0;
  std::size_t disabled = 0;
};

/// What `rules check` found: the problems that keep the rules from loading, the warnings of
/// --strict, and the sizes of the rule set when it loaded.
struct CheckReport {
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  std::optional<RuleCounts> counts;
};

/// The report as the JSON document of backrelief(1), Output of rules check.
std::string format_check_json(const CheckReport& report);

/// The report as SARIF 2.1.0, as code-scanning tools read it: one run of the tool `backrelief`
/// (at `version`), one result per error and warning, each at its file, line and column.
std::string format_check_sarif(const CheckReport& report, std::string_view version);

} // namespace backrelief::cli
