#pragma once

#include "core/engine/recommendation.hpp"

#include <optional>
#include <vector>

namespace backrelief {

/// One change to a preference. Only preferences are ever offered: pressure, goals and avoided
/// techniques. Where it hurts, health conditions and the words of the description are facts,
/// and a safety veto is never something to change.
struct PreferenceChange {
  enum class Kind { set_pressure, clear_pressure, add_goal, remove_goal, stop_avoiding };
  Kind kind = Kind::set_pressure;
  Pressure pressure = Pressure::low; ///< for set_pressure
  ConceptId goal = 0;                ///< for add_goal and remove_goal
  TechniqueId technique = 0;         ///< for stop_avoiding
};

/// The smallest set of preference changes that brings a technique to the top.
struct Counterfactual {
  std::vector<PreferenceChange> changes;
  double score = 0;     ///< the technique's score with the changes
  double runner_up = 0; ///< the best other score with the changes (0 when no other is suitable)
};

/// Where a technique stands for one person.
enum class Standing {
  first,    ///< it already ranks first
  ranked,   ///< suitable, but another ranks above it
  excluded, ///< out, by a rule or because the person avoids it
  referral, ///< a red flag stopped every suggestion
};

/// Why a technique is not first, and what would change that.
struct WhyNot {
  TechniqueId technique = 0;
  Standing standing = Standing::ranked;
  const TechniqueOutcome* outcome = nullptr; ///< its entry in the recommendation (suggestion or exclusion)
  const TechniqueOutcome* leader = nullptr;  ///< the first suggestion, when it is another technique
  bool safety_veto = false;                  ///< a rule excluded it: nothing is offered to change
  std::optional<Counterfactual> counterfactual;
};

/// How many preference changes the search combines at most.
inline constexpr std::size_t k_max_preference_changes = 3;

/// How many single changes are combined in twos and threes at most: with more (a rule set with
/// many goals), those that bring the technique closest to first place alone are kept.
inline constexpr std::size_t k_max_combined_changes = 12;

/// Explains one technique's place in `recommendation` (made from `profile`) and searches the
/// fewest preference changes that rank it first; ties go to the widest lead, then to the first
/// found. The result points into `recommendation`.
WhyNot why_not(const RuleSet& rules, const Profile& profile, const Recommendation& recommendation,
               TechniqueId technique);

/// For each suggestion with the same score as the first (the engine puts the gentler first),
/// what would rank it first instead: what tells the tied techniques apart. Empty when the first
/// suggestion stands alone.
std::vector<WhyNot> tie_breaks(const RuleSet& rules, const Profile& profile, const Recommendation& recommendation);

} // namespace backrelief
