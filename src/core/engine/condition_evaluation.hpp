#pragma once

#include "core/engine/profile.hpp"
#include "core/model/condition.hpp"
#include "core/rules/rule_set.hpp"

#include <string>

namespace backrelief {

/// Why a condition did not hold: the first leaf that failed.
struct ConditionFailure {
  const Condition* condition = nullptr; ///< the failing node, or null when the condition held
};

/// Evaluates a condition; on failure returns the first leaf (or negation) that failed.
ConditionFailure evaluate(const Condition& condition, const Profile& profile);

/// Describes what the profile held for a failed condition, e.g. "pressure is firm".
std::string describe_seen(const Condition& condition, const Profile& profile, const RuleSet& rules);

} // namespace backrelief
