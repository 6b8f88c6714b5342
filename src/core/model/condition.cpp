#include "core/model/condition.hpp"

#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <array>
#include <fmt/format.h>

namespace backrelief {

namespace {
const std::array<std::string, 8> k_kind_names{"area",    "goal", "condition", "symptom",
                                              "quality", "side", "context",   "red-flag"};

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

std::string_view key_of(const Condition& condition) {
  return condition.any_kind ? std::string_view{"mentions"} : to_string(condition.concept_kind);
}

std::string concept_list(const Condition& condition, const RuleSet& rules, std::string_view joiner) {
  std::string text;
  for (ConceptId id : condition.concepts) {
    if (!text.empty()) {
      text += joiner;
    }
    text += rules.concepts()[id].id;
  }
  return text;
}
} // namespace

std::string_view to_string(ConceptKind kind) {
  return k_kind_names[static_cast<std::size_t>(kind)];
}

std::string with_article(ConceptKind kind) {
  const std::string_view name = to_string(kind);
  const bool vowel = name.front() == 'a' || name.front() == 'e' || name.front() == 'i' || name.front() == 'o';
  return fmt::format("{} {}", vowel ? "an" : "a", name);
}

std::optional<ConceptKind> parse_concept_kind(std::string_view text) {
  for (std::size_t i = 0; i < k_kind_names.size(); ++i) {
    if (k_kind_names[i] == text) {
      return static_cast<ConceptKind>(i);
    }
  }
  return std::nullopt;
}

std::span<const std::string> concept_kind_names() {
  return k_kind_names;
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
    return fmt::format("{} {}", key_of(condition), concept_list(condition, rules, " or "));
  case Condition::Kind::pressure:
    return fmt::format("pressure {}", condition.pressures.describe());
  case Condition::Kind::number:
    return fmt::format("{} {} {}", to_string(condition.field), to_string(condition.comparison), condition.threshold);
  }
  return "?";
}

std::string describe_seen(const Condition& condition, const Profile& profile, const RuleSet& rules) {
  switch (condition.kind) {
  case Condition::Kind::all:
  case Condition::Kind::any:
    return condition.children.empty() ? "nothing to match" : "none of them held";
  case Condition::Kind::negation:
    return fmt::format("{} held", describe(condition.children.front(), rules));
  case Condition::Kind::concept_:
    return fmt::format("no {} {}", key_of(condition), concept_list(condition, rules, " or "));
  case Condition::Kind::pressure:
    return profile.pressure ? fmt::format("pressure {}", to_string(*profile.pressure)) : "no pressure given";
  case Condition::Kind::number: {
    const auto value = number_of(condition.field, profile);
    return value ? fmt::format("{} {}", to_string(condition.field), *value)
                 : fmt::format("no {} given", to_string(condition.field));
  }
  }
  return "?";
}

} // namespace backrelief
