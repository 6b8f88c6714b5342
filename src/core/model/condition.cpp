#include "core/model/condition.hpp"

#include <algorithm>
#include <tuple>

namespace backrelief {

bool same_test(const Condition& a, const Condition& b) {
  const auto test = [](const Condition& c) {
    return std::tie(c.kind, c.concepts, c.concept_kind, c.any_kind, c.pressures, c.field, c.comparison, c.threshold);
  };
  return test(a) == test(b) &&
         std::equal(a.children.begin(), a.children.end(), b.children.begin(), b.children.end(), same_test);
}

std::string_view to_string(NumericField field) {
  switch (field) {
  case NumericField::age:
    return "age";
  case NumericField::duration_weeks:
    return "duration_weeks";
  case NumericField::intensity:
    return "intensity";
  }
  return "?";
}

std::string_view to_string(Comparison comparison) {
  switch (comparison) {
  case Comparison::at_least:
    return "at_least";
  case Comparison::at_most:
    return "at_most";
  case Comparison::above:
    return "above";
  case Comparison::below:
    return "below";
  case Comparison::equals:
    return "equals";
  }
  return "?";
}

std::string_view condition_key(const Condition& condition) {
  return condition.any_kind ? std::string_view{"mentions"} : to_string(condition.concept_kind);
}

namespace {
void collect(const Condition& condition, bool include_negated, std::vector<ConceptId>& out) {
  if (condition.kind == Condition::Kind::negation && !include_negated) {
    return;
  }
  out.insert(out.end(), condition.concepts.begin(), condition.concepts.end());
  for (const Condition& child : condition.children) {
    collect(child, include_negated, out);
  }
}
} // namespace

std::vector<ConceptId> concepts_in(const Condition& condition, bool include_negated) {
  std::vector<ConceptId> concepts;
  collect(condition, include_negated, concepts);
  return concepts;
}

} // namespace backrelief
