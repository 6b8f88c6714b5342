#pragma once

#include "backrelief/rule_set.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace backrelief {

/// One rule file's text and the name to report it by.
struct RuleSource {
  std::string name; ///< a path, or "<stdin>"
  std::string text;
};

/// Reads a file, or every `*.yaml` file of a directory in name order; throws Error (io).
std::vector<RuleSource> read_rule_sources(const std::filesystem::path& path);

/// Parses and validates rule sources in order into one rule set.
/// Throws Error (invalid_rules) carrying every problem of every source.
RuleSet load_rules(const std::vector<RuleSource>& sources);

/// The rule-file format version this library reads.
inline constexpr int k_rules_format_version = 1;

} // namespace backrelief
