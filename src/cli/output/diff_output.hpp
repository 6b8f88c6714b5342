#pragma once

#include "core/authoring/rule_diff.hpp"

#include <string>
#include <vector>

namespace backrelief::cli {

/// One person whose answer `rules diff` compared, and what changed.
struct ComparedProfile {
  std::string name;  ///< a scenario's name, or "line N" of a profiles file
  std::string where; ///< the scenario's file:line:column, or the line's id
  AnswerChange change;
};

/// `rules diff` for people: each changed profile with what changed, before and after, and the
/// rules behind each side; then one summary line.
std::string format_diff_text(const std::vector<ComparedProfile>& profiles);

/// `rules diff --format json`: backrelief(1), Output of rules diff.
std::string format_diff_json(const std::vector<ComparedProfile>& profiles);

} // namespace backrelief::cli
