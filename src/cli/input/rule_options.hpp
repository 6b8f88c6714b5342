#pragma once

#include "api/internals.hpp"
#include "core/authoring/scenario.hpp"
#include "core/rules/rule_loader.hpp"
#include "core/rules/rule_set.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace backrelief::cli {

/// The options every rule-reading command shares.
struct RuleOptions {
  std::vector<std::string> paths; ///< --rules, in the order given
  bool no_defaults = false;       ///< --no-default-rules
  bool no_user = false;           ///< --no-user-rules
  bool no_cache = false;          ///< --no-cache
};

/// Adds --rules, --no-default-rules, --no-user-rules and --no-cache to a command.
void add_rule_options(CLI::App& command, RuleOptions& options);

/// The directory of the rules that ship with backrelief.
std::filesystem::path default_rules_directory();

/// The directory of the scenarios that ship with backrelief (what `rules diff` compares over).
std::filesystem::path default_scenarios_directory();

/// A rule path and what put it in the load order ("default", "flag --rules"...).
struct RulePath {
  std::string path;
  std::string origin;
};

/// Every rule path in load order: defaults, $XDG_CONFIG_HOME/backrelief/rules.d,
/// $BACKRELIEF_RULES, then --rules, each with its origin. A "-" path means standard input.
std::vector<RulePath> rule_paths_with_origins(const RuleOptions& options);

/// The paths of rule_paths_with_origins().
std::vector<std::string> rule_paths(const RuleOptions& options);

/// Where WordNet is read from: $WNSEARCHDIR, as WordNet's tools read it, or where Debian puts it.
std::filesystem::path wordnet_directory();

/// Reads and loads the rules the options choose, then `extra_paths`; throws Error (one about a
/// file of the user's own rules says so, and how to run without them). Unless
/// --no-cache, a rule set loaded before from the same files is read back from
/// $XDG_CACHE_HOME/backrelief instead of parsed, and a freshly loaded one is written there.
RuleSet load_chosen_rules(const RuleOptions& options, const std::vector<std::string>& extra_paths = {});

/// The rules load_chosen_rules() reads, as the API's Recommender: what `recommend` and `analyze`
/// answer through.
Recommender load_chosen_recommender(const RuleOptions& options);

/// Whether a rule file is read from standard input, by --rules - or in $BACKRELIEF_RULES.
bool rules_from_stdin(const RuleOptions& options);

/// The scenario files at these paths (files, or directories of *.yaml), in order.
std::vector<RuleSource> read_scenario_files(const std::vector<std::string>& paths);

/// The scenarios of those files, each description dated this year as `recommend` dates it, so
/// that "a car accident in 2005" is read as long past by `test` as it is by `recommend`.
std::vector<Scenario> load_dated_scenarios(const std::vector<std::string>& paths, const RuleSet& rules);

/// Reads and loads only the rules that ship with backrelief, as load_chosen_rules does.
RuleSet load_shipped_rules(bool no_cache);

} // namespace backrelief::cli
