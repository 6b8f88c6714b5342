#pragma once

#include "core/model/condition.hpp"
#include "core/rules/rule_set.hpp"

#include <string>
#include <string_view>

namespace backrelief {

/// Describes a condition in rule-file words, e.g. "pressure is low or medium".
std::string describe(const Condition& condition, const RuleSet& rules);

/// A number of a field as the rules write it and, for a span, as people say it where that says
/// more: "0.43 (3 days)", "34.6667 (8 months)", "12"; an age "47".
std::string describe_number(NumericField field, double value);

/// The ids of a concept condition's concepts, joined by `joiner`, e.g. "sciatica or numbness".
std::string describe_concepts(const Condition& condition, const RuleSet& rules, std::string_view joiner);

} // namespace backrelief
