#pragma once

#include "core/rules/rule_loader.hpp"
#include "core/rules/rule_set.hpp"

#include <backrelief/recommender.hpp>

#include <filesystem>
#include <memory>
#include <vector>

namespace backrelief {

/// The limits a load runs under: the defaults, with `options`' file size and WordNet directory.
RuleLimits limits_of(const LoadOptions& options);

/// Every rule source `options` names, read in load order: the shipped rules, the paths, the texts.
std::vector<RuleSource> read_sources(const LoadOptions& options, const RuleLimits& limits);

/// Rule sources into a rule set: read back from `cache_directory` when a fresh copy is there
/// (empty: never), else parsed and cached, with the system word lists attached. Throws Error.
RuleSet load_rule_set(const std::vector<RuleSource>& sources, const RuleLimits& limits,
                      const std::filesystem::path& cache_directory);

/// Rule sources into a rule set ready for threads: read back from `cache_directory` when a fresh
/// copy is there (empty: never), else parsed and cached; the system word lists attached and the
/// vocabulary compiled, so that nothing is built lazily while threads read it. Throws Error.
std::shared_ptr<const RuleSet> prepare_rules(const std::vector<RuleSource>& sources, const RuleLimits& limits,
                                             const std::filesystem::path& cache_directory);

/// What tells this build of the library from another, for the rule cache: its version and the
/// size and time of the file that holds its code (the shared library, or the program).
std::string library_identity();

} // namespace backrelief
