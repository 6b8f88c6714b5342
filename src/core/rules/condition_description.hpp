#pragma once

#include "core/model/condition.hpp"
#include "core/rules/rule_set.hpp"

#include <string>
#include <string_view>

namespace backrelief {

/// Describes a condition in rule-file words, e.g. "pressure is low or medium".
std::string describe(const Condition& condition, const RuleSet& rules);

/// The ids of a concept condition's concepts, joined by `joiner`, e.g. "sciatica or numbness".
std::string describe_concepts(const Condition& condition, const RuleSet& rules, std::string_view joiner);

} // namespace backrelief
