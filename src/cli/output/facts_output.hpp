#pragma once

#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <string>

namespace backrelief::cli {

/// The output of `backrelief analyze` as text for people.
std::string format_analysis_text(const Profile& profile, const RuleSet& rules);

} // namespace backrelief::cli
