#pragma once

#include "core/engine/profile.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/rule_loader.hpp"
#include "core/rules/rule_set.hpp"
#include "core/util/diagnostic.hpp"

#include <optional>
#include <string>
#include <vector>

namespace backrelief {

/// What a scenario expects of the answer; every part given must hold.
struct ScenarioExpectation {
  std::optional<TechniqueId> top;                       ///< the technique ranked first
  std::optional<std::optional<ReferralLevel>> referral; ///< the referral level; an empty inner value is "none"
  std::vector<TechniqueId> excluded;                    ///< techniques that must be out
  std::vector<TechniqueId> suggested;                   ///< techniques that must be suggested
  std::vector<std::string> fired;                       ///< rules that must fire
  std::vector<std::string> not_fired;                   ///< rules that must not fire
};

/// One test case for rule authors: a person's situation and what the rules must make of it.
struct Scenario {
  std::string name;
  ProfileInput input;
  ScenarioExpectation expect;
  SourceLocation where;
};

/// The result of running one scenario.
struct ScenarioOutcome {
  const Scenario* scenario = nullptr;
  std::vector<std::string> failures; ///< one sentence per expectation not met; empty when it passed
  std::vector<std::string> fired;    ///< ids of the rules that fired
  std::string ranking;               ///< the answer in one line, for failure reports
  std::optional<TechniqueId> top;    ///< the technique ranked first, if any
};

/// Reads scenario files (format: backrelief-rules(5), SCENARIOS) against loaded rules.
/// Throws Error (invalid_rules) with every problem of every file at its file:line:column.
std::vector<Scenario> load_scenarios(const std::vector<RuleSource>& files, const RuleSet& rules);

/// Runs one scenario.
ScenarioOutcome run_scenario(const Scenario& scenario, const RuleSet& rules);

} // namespace backrelief
