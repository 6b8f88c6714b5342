#include "core/engine/condition_evaluation.hpp"

#include "core/rules/condition_description.hpp"

#include <fmt/format.h>

namespace backrelief {

namespace {
std::optional<double> number_of(NumericField field, const Profile& profile) {
  switch (field) {
  case NumericField::age:
    if (profile.age) {
      return static_cast<double>(*profile.age);
    }
    return std::nullopt;
  case NumericField::duration_weeks:
    return profile.duration_weeks;
  case NumericField::intensity:
    return profile.intensity;
  }
  return std::nullopt;
}

bool compare(double value, Comparison comparison, double threshold) {
  switch (comparison) {
  case Comparison::at_least:
    return value >= threshold;
  case Comparison::at_most:
    return value <= threshold;
  case Comparison::above:
    return value > threshold;
  case Comparison::below:
    return value < threshold;
  case Comparison::equals:
    return value == threshold;
  }
  return false;
}

} // namespace

ConditionFailure evaluate(const Condition& condition, const Profile& profile) {
  switch (condition.kind) {
  case Condition::Kind::all:
    for (const Condition& child : condition.children) {
      if (auto failure = evaluate(child, profile); failure.condition != nullptr) {
        return failure;
      }
    }
    return {};
  case Condition::Kind::any:
    for (const Condition& child : condition.children) {
      if (evaluate(child, profile).condition == nullptr) {
        return {};
      }
    }
    // Report the `any` itself: no single child is to blame.
    return {&condition};
  case Condition::Kind::negation:
    if (evaluate(condition.children.front(), profile).condition == nullptr) {
      return {&condition};
    }
    return {};
  case Condition::Kind::concept_:
    for (ConceptId id : condition.concepts) {
      if (profile.facts.contains(id)) {
        return {};
      }
    }
    return {&condition};
  case Condition::Kind::pressure:
    if (profile.pressure && condition.pressures.contains(*profile.pressure)) {
      return {};
    }
    return {&condition};
  case Condition::Kind::number: {
    const auto value = number_of(condition.field, profile);
    if (value && compare(*value, condition.comparison, condition.threshold)) {
      return {};
    }
    return {&condition};
  }
  }
  return {&condition};
}

std::string describe_seen(const Condition& condition, const Profile& profile, const RuleSet& rules) {
  switch (condition.kind) {
  case Condition::Kind::all:
  case Condition::Kind::any:
    return condition.children.empty() ? "nothing to match" : "none of them held";
  case Condition::Kind::negation:
    return fmt::format("{} held", describe(condition.children.front(), rules));
  case Condition::Kind::concept_:
    return fmt::format("no {} {}", condition_key(condition), describe_concepts(condition, rules, " or "));
  case Condition::Kind::pressure:
    return profile.pressure ? fmt::format("pressure {}", to_string(*profile.pressure)) : "no pressure given";
  case Condition::Kind::number: {
    const auto value = number_of(condition.field, profile);
    return value ? fmt::format("{} {}", to_string(condition.field), describe_number(condition.field, *value))
                 : fmt::format("no {} given", to_string(condition.field));
  }
  }
  return "?";
}

} // namespace backrelief
