#include "core/rules/condition_description.hpp"

#include "core/model/duration.hpp"

#include <fmt/format.h>

namespace backrelief {

std::string describe_concepts(const Condition& condition, const RuleSet& rules, std::string_view joiner) {
  std::string text;
  for (ConceptId id : condition.concepts) {
    if (!text.empty()) {
      text += joiner;
    }
    text += rules.concepts()[id].id;
  }
  return text;
}
std::string describe(const Condition& condition, const RuleSet& rules) {
  switch (condition.kind) {
  case Condition::Kind::all:
  case Condition::Kind::any: {
    if (condition.children.empty()) {
      return condition.kind == Condition::Kind::all ? "always" : "never";
    }
    std::string text = condition.kind == Condition::Kind::all ? "all of (" : "any of (";
    for (std::size_t i = 0; i < condition.children.size(); ++i) {
      text += (i == 0 ? "" : "; ") + describe(condition.children[i], rules);
    }
    return text + ")";
  }
  case Condition::Kind::negation:
    return fmt::format("not ({})", describe(condition.children.front(), rules));
  case Condition::Kind::concept_:
    return fmt::format("{} {}", condition_key(condition), describe_concepts(condition, rules, " or "));
  case Condition::Kind::pressure:
    return fmt::format("pressure {}", condition.pressures.describe());
  case Condition::Kind::number:
    return fmt::format("{} {} {}", to_string(condition.field), to_string(condition.comparison),
                       describe_number(condition.field, condition.threshold));
  }
  return "?";
}

std::string describe_number(NumericField field, double value) {
  std::string written = fmt::format("{:g}", value);
  if (field != NumericField::duration_weeks) {
    return written;
  }
  const std::string said = describe_weeks(value);
  return said == written + " weeks" || said == written + " week" ? written : fmt::format("{} ({})", written, said);
}

} // namespace backrelief
