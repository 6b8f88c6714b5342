#pragma once

#include "core/model/fact_set.hpp"
#include "core/model/pressure.hpp"
#include "core/model/rule.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace backrelief {

/// Which rules could fire for a profile, so the engine evaluates only those: with ten thousand
/// rules, most of them ask for an area, a condition or a pressure the profile does not have.
/// Each rule is filed under the facts one of its conditions needs (a concept or a pressure the
/// rule cannot fire without); a rule with no such condition (`not`, numbers, no `when`) is a
/// candidate for every profile. A candidate may still not fire: the engine evaluates it.
class RuleIndex {
public:
  RuleIndex() = default;

  /// Indexes `rules` (a rule set's active rules, in order) over `concept_count` concepts.
  RuleIndex(const std::vector<Rule>& rules, std::size_t concept_count);

  /// The positions in the rule list of the rules that could fire for a profile with these facts
  /// and this preferred pressure, in rule order.
  void candidates(const FactSet& facts, std::optional<Pressure> pressure, std::vector<std::uint32_t>& out) const;

  /// How many rules are candidates whatever the profile.
  [[nodiscard]] std::size_t unconditional_count() const { return m_unconditional.size(); }

private:
  std::size_t m_rule_count = 0;
  std::size_t m_concept_count = 0;
  std::vector<std::uint32_t> m_unconditional;       ///< candidates for every profile
  std::vector<std::vector<std::uint32_t>> m_by_key; ///< per concept, then per pressure
};

} // namespace backrelief
