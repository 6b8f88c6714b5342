#pragma once
// Conditions built by hand over a four-concept rule set, for the tests of what conditions are,
// how they are described and how they are evaluated.

#include "core/engine/profile.hpp"
#include "core/model/condition.hpp"
#include "core/rules/rule_set.hpp"

#include <initializer_list>
#include <optional>
#include <vector>

namespace backrelief::test_conditions {

// Concept ids of the rule set built by make_rules().
inline constexpr ConceptId k_neck = 0;
inline constexpr ConceptId k_lower_back = 1;
inline constexpr ConceptId k_pregnancy = 2;
inline constexpr ConceptId k_numbness = 3;

inline RuleSet make_rules() {
  RuleSet rules;
  rules.add_concept(
      Concept{"neck", ConceptKind::area, "neck", {}, {}, true, false, {}, {}, k_counts_as_written, {}, {}});
  rules.add_concept(
      Concept{"lower-back", ConceptKind::area, "lower back", {}, {}, true, false, {}, {}, k_counts_as_written, {}, {}});
  rules.add_concept(Concept{
      "pregnancy", ConceptKind::condition, "pregnancy", {}, {}, true, false, {}, {}, k_counts_as_written, {}, {}});
  rules.add_concept(
      Concept{"numbness", ConceptKind::red_flag, "numbness", {}, {}, true, false, {}, {}, k_counts_as_written, {}, {}});
  return rules;
}

inline Condition pressure_is(std::initializer_list<Pressure> pressures) {
  Condition condition;
  condition.kind = Condition::Kind::pressure;
  for (Pressure pressure : pressures) {
    condition.pressures.insert(pressure);
  }
  return condition;
}

inline Condition concept_is(ConceptKind kind, std::vector<ConceptId> concepts) {
  Condition condition;
  condition.kind = Condition::Kind::concept_;
  condition.concept_kind = kind;
  condition.concepts = std::move(concepts);
  return condition;
}

inline Condition mentions(std::vector<ConceptId> concepts) {
  Condition condition = concept_is(ConceptKind::condition, std::move(concepts));
  condition.any_kind = true;
  return condition;
}

inline Condition number_is(NumericField field, Comparison comparison, double threshold) {
  Condition condition;
  condition.kind = Condition::Kind::number;
  condition.field = field;
  condition.comparison = comparison;
  condition.threshold = threshold;
  return condition;
}

inline Condition group(Condition::Kind kind, std::vector<Condition> children) {
  Condition condition;
  condition.kind = kind;
  condition.children = std::move(children);
  return condition;
}

inline Condition negation(Condition child) {
  return group(Condition::Kind::negation, {std::move(child)});
}

inline Profile profile_with(std::optional<Pressure> pressure, std::initializer_list<ConceptId> facts = {}) {
  Profile profile;
  profile.pressure = pressure;
  for (ConceptId id : facts) {
    profile.facts.insert(id);
  }
  return profile;
}

} // namespace backrelief::test_conditions
