#include "core/engine/why_not.hpp"

#include "core/rules/rule_set.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace backrelief {

namespace {

const TechniqueOutcome* find_outcome(const std::vector<TechniqueOutcome>& outcomes, TechniqueId technique) {
  const auto found = std::find_if(outcomes.begin(), outcomes.end(),
                                  [&](const TechniqueOutcome& outcome) { return outcome.technique == technique; });
  return found == outcomes.end() ? nullptr : &*found;
}

// Every single change worth trying, in the order they are preferred when equally good.
std::vector<PreferenceChange> candidate_changes(const RuleSet& rules, const Profile& profile, TechniqueId technique) {
  using Kind = PreferenceChange::Kind;
  std::vector<PreferenceChange> changes;
  for (Pressure pressure : {Pressure::low, Pressure::medium, Pressure::firm}) {
    if (profile.pressure != pressure) {
      changes.push_back({Kind::set_pressure, pressure, 0, 0});
    }
  }
  if (profile.pressure) {
    changes.push_back({Kind::clear_pressure, Pressure::low, 0, 0});
  }
  for (ConceptId id = 0; id < rules.concepts().size(); ++id) {
    if (rules.concepts()[id].kind != ConceptKind::goal) {
      continue;
    }
    if (std::find(profile.goals.begin(), profile.goals.end(), id) != profile.goals.end()) {
      changes.push_back({Kind::remove_goal, Pressure::low, id, 0});
    } else if (!profile.facts.contains(id)) {
      changes.push_back({Kind::add_goal, Pressure::low, id, 0});
    }
  }
  if (std::find(profile.avoid.begin(), profile.avoid.end(), technique) != profile.avoid.end()) {
    changes.push_back({Kind::stop_avoiding, Pressure::low, 0, technique});
  }
  return changes;
}

void apply(const PreferenceChange& change, Profile& profile) {
  using Kind = PreferenceChange::Kind;
  switch (change.kind) {
  case Kind::set_pressure:
    profile.pressure = change.pressure;
    break;
  case Kind::clear_pressure:
    profile.pressure.reset();
    break;
  case Kind::add_goal:
    profile.goals.push_back(change.goal);
    break;
  case Kind::remove_goal:
    std::erase(profile.goals, change.goal);
    break;
  case Kind::stop_avoiding:
    std::erase(profile.avoid, change.technique);
    break;
  }
}

bool is_pressure(const PreferenceChange& change) {
  return change.kind == PreferenceChange::Kind::set_pressure || change.kind == PreferenceChange::Kind::clear_pressure;
}

class CounterfactualSearch {
public:
  CounterfactualSearch(const RuleSet& rules, const Profile& profile, TechniqueId technique)
      : m_rules(rules), m_profile(profile), m_technique(technique),
        m_candidates(candidate_changes(rules, profile, technique)) {}

  std::optional<Counterfactual> run() {
    if (m_candidates.size() > k_max_combined_changes) {
      keep_most_promising(); // a rule set may define a thousand goals: never try them in threes
    }
    for (std::size_t size = 1; size <= k_max_preference_changes && size <= m_candidates.size(); ++size) {
      std::vector<std::size_t> chosen;
      search(size, 0, chosen);
      if (m_best) {
        return m_best;
      }
    }
    return std::nullopt;
  }

private:
  // Tries every combination of `size` candidates, at most one of them about pressure.
  void search(std::size_t size, std::size_t from, std::vector<std::size_t>& chosen) {
    if (chosen.size() == size) {
      evaluate(chosen);
      return;
    }
    for (std::size_t i = from; i < m_candidates.size(); ++i) {
      const bool second_pressure =
          is_pressure(m_candidates[i]) &&
          std::any_of(chosen.begin(), chosen.end(), [&](std::size_t j) { return is_pressure(m_candidates[j]); });
      if (second_pressure) {
        continue;
      }
      chosen.push_back(i);
      search(size, i + 1, chosen);
      chosen.pop_back();
    }
  }

  // Tries each change alone once, and keeps the changes about pressure and those that bring the
  // technique closest to first place; only these are combined.
  void keep_most_promising() {
    std::vector<std::pair<double, std::size_t>> gaps;
    std::vector<PreferenceChange> kept;
    for (std::size_t i = 0; i < m_candidates.size(); ++i) {
      if (is_pressure(m_candidates[i])) {
        kept.push_back(m_candidates[i]);
        continue;
      }
      Profile changed = m_profile;
      apply(m_candidates[i], changed);
      changed.facts = affirmed_facts(changed, m_rules);
      gaps.emplace_back(gap_to_first(recommend(m_rules, changed)), i);
    }
    // Smallest gap first; equal gaps keep the candidates' own order.
    std::stable_sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [gap, i] : gaps) {
      if (kept.size() == k_max_combined_changes) {
        break;
      }
      kept.push_back(m_candidates[i]);
    }
    m_candidates = std::move(kept);
  }

  // How far the technique is behind the first suggestion (negative: ahead); far when it is out.
  [[nodiscard]] double gap_to_first(const Recommendation& result) const {
    if (result.stopped_by_referral() || result.suggestions.empty()) {
      return std::numeric_limits<double>::infinity();
    }
    const TechniqueOutcome* mine = find_outcome(result.suggestions, m_technique);
    if (mine == nullptr) {
      return std::numeric_limits<double>::infinity();
    }
    double best_other = -std::numeric_limits<double>::infinity();
    for (const TechniqueOutcome& outcome : result.suggestions) {
      if (outcome.technique != m_technique) {
        best_other = std::max(best_other, outcome.score);
      }
    }
    return best_other - mine->score;
  }

  void evaluate(const std::vector<std::size_t>& chosen) {
    Profile changed = m_profile;
    Counterfactual candidate;
    for (std::size_t i : chosen) {
      apply(m_candidates[i], changed);
      candidate.changes.push_back(m_candidates[i]);
    }
    changed.facts = affirmed_facts(changed, m_rules);
    const Recommendation result = recommend(m_rules, changed);
    if (result.stopped_by_referral() || result.suggestions.empty() ||
        result.suggestions.front().technique != m_technique) {
      return;
    }
    candidate.score = result.suggestions.front().score;
    candidate.runner_up = result.suggestions.size() > 1 ? result.suggestions[1].score : 0;
    const auto lead = [](const Counterfactual& c) { return c.score - c.runner_up; };
    if (!m_best || lead(candidate) > lead(*m_best)) {
      m_best = std::move(candidate);
    }
  }

  const RuleSet& m_rules;
  const Profile& m_profile;
  TechniqueId m_technique;
  std::vector<PreferenceChange> m_candidates;
  std::optional<Counterfactual> m_best;
};

} // namespace

WhyNot why_not(const RuleSet& rules, const Profile& profile, const Recommendation& recommendation,
               TechniqueId technique) {
  WhyNot answer;
  answer.technique = technique;
  if (!recommendation.suggestions.empty() && recommendation.suggestions.front().technique != technique) {
    answer.leader = &recommendation.suggestions.front();
  }
  if (recommendation.stopped_by_referral()) {
    answer.standing = Standing::referral;
    answer.outcome = find_outcome(recommendation.excluded, technique);
    return answer;
  }
  if (const TechniqueOutcome* suggestion = find_outcome(recommendation.suggestions, technique)) {
    answer.outcome = suggestion;
    answer.standing = suggestion->rank == 1 ? Standing::first : Standing::ranked;
  } else {
    answer.outcome = find_outcome(recommendation.excluded, technique);
    answer.standing = Standing::excluded;
    answer.safety_veto =
        answer.outcome != nullptr && std::any_of(answer.outcome->exclusions.begin(), answer.outcome->exclusions.end(),
                                                 [](const Note& note) { return note.rule != nullptr; });
  }
  if (answer.standing != Standing::first && !answer.safety_veto) {
    answer.counterfactual = CounterfactualSearch(rules, profile, technique).run();
  }
  return answer;
}

std::vector<WhyNot> tie_breaks(const RuleSet& rules, const Profile& profile, const Recommendation& recommendation) {
  std::vector<WhyNot> ties;
  const auto& suggestions = recommendation.suggestions;
  for (std::size_t i = 1; i < suggestions.size() && suggestions[i].score == suggestions.front().score; ++i) {
    ties.push_back(why_not(rules, profile, recommendation, suggestions[i].technique));
  }
  return ties;
}

} // namespace backrelief
