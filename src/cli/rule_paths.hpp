#pragma once

#include "backrelief/rule_set.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace backrelief::cli {

/// The options every rule-reading command shares.
struct RuleOptions {
  std::vector<std::string> paths; ///< --rules, in the order given
  bool no_defaults = false;       ///< --no-default-rules
};

/// Adds --rules and --no-default-rules to a command.
void add_rule_options(CLI::App& command, RuleOptions& options);

/// The directory of the rules that ship with backrelief.
std::filesystem::path default_rules_directory();

/// Every rule path in load order: defaults, $XDG_CONFIG_HOME/backrelief/rules.d,
/// $BACKRELIEF_RULES, then --rules. A "-" path means standard input.
std::vector<std::string> rule_paths(const RuleOptions& options);

/// Reads and loads the rules; throws Error.
RuleSet load_rule_set(const std::vector<std::string>& paths);

} // namespace backrelief::cli
