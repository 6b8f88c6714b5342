#include "core/authoring/scenario.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace backrelief {

namespace {

std::string ranking_line(const Recommendation& result, const RuleSet& rules) {
  std::vector<std::string> parts;
  for (const TechniqueOutcome& outcome : result.suggestions) {
    parts.push_back(fmt::format("{} {}={:g}", outcome.rank, rules.techniques()[outcome.technique].id, outcome.score));
  }
  std::string line = parts.empty() ? "no suggestions" : fmt::format("{}", fmt::join(parts, ", "));
  std::vector<std::string> out;
  for (const TechniqueOutcome& outcome : result.excluded) {
    out.push_back(rules.techniques()[outcome.technique].id);
  }
  if (!out.empty()) {
    line += fmt::format("; excluded {}", fmt::join(out, ", "));
  }
  line += fmt::format("; referral {}", result.referral ? to_string(result.referral->level) : "none");
  return line;
}

bool contains(const std::vector<TechniqueOutcome>& outcomes, TechniqueId id) {
  return std::any_of(outcomes.begin(), outcomes.end(),
                     [id](const TechniqueOutcome& outcome) { return outcome.technique == id; });
}

} // namespace

ScenarioOutcome run_scenario(const Scenario& scenario, const RuleSet& rules) {
  ScenarioOutcome outcome;
  outcome.scenario = &scenario;
  const Profile profile = make_profile(scenario.input, rules);
  const Recommendation result = recommend(rules, profile, Tracing::every_rule);
  for (const RuleTrace& entry : result.trace) {
    if (entry.fired) {
      outcome.fired.push_back(entry.rule->id);
    }
  }
  outcome.ranking = ranking_line(result, rules);
  if (!result.suggestions.empty()) {
    outcome.top = result.suggestions.front().technique;
  }
  const auto name = [&rules](TechniqueId id) { return rules.techniques()[id].id; };
  const ScenarioExpectation& expect = scenario.expect;
  if (expect.top) {
    const bool first = !result.suggestions.empty() && result.suggestions.front().technique == *expect.top;
    if (!first) {
      outcome.failures.push_back(fmt::format("expected {} first, got {}", name(*expect.top),
                                             result.suggestions.empty() ? std::string("no suggestions")
                                                                        : name(result.suggestions.front().technique)));
    }
  }
  if (expect.referral) {
    const std::optional<ReferralLevel> actual =
        result.referral ? std::optional<ReferralLevel>{result.referral->level} : std::nullopt;
    if (actual != *expect.referral) {
      outcome.failures.push_back(fmt::format("expected referral {}, got {}",
                                             *expect.referral ? to_string(**expect.referral) : "none",
                                             actual ? to_string(*actual) : "none"));
    }
  }
  for (TechniqueId id : expect.excluded) {
    if (!contains(result.excluded, id)) {
      outcome.failures.push_back(fmt::format("expected {} to be excluded", name(id)));
    }
  }
  for (TechniqueId id : expect.suggested) {
    if (!contains(result.suggestions, id)) {
      outcome.failures.push_back(fmt::format("expected {} to be suggested", name(id)));
    }
  }
  const auto fired = [&outcome](const std::string& id) {
    return std::find(outcome.fired.begin(), outcome.fired.end(), id) != outcome.fired.end();
  };
  for (const std::string& id : expect.fired) {
    if (!fired(id)) {
      outcome.failures.push_back(fmt::format("expected rule {} to fire", id));
    }
  }
  for (const std::string& id : expect.not_fired) {
    if (fired(id)) {
      outcome.failures.push_back(fmt::format("expected rule {} not to fire", id));
    }
  }
  return outcome;
}

} // namespace backrelief
