#pragma once

#include "core/engine/profile.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/rule_set.hpp"
#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <cstddef>
#include <functional>
#include <optional>

namespace backrelief {

/// What a recommendation's JSON document holds besides the answer itself.
struct AnswerJsonOptions {
  RecordHead head;                ///< a batch's line, id and meta
  std::optional<std::size_t> top; ///< at most this many suggestions
  bool trace = false;             ///< every rule, fired or not (the answer must have been traced)
  /// Writes the value of `why_not` when set: the front end explains a technique's place in its
  /// own words (the options a person would type), which this layer does not know.
  std::function<void(JsonWriter&)> why_not;
};

/// The JSON document of backrelief(1), JSON, for one answer, written by `json` (no newline).
void write_answer_json(JsonWriter& json, const RuleSet& rules, const Profile& profile,
                       const Recommendation& recommendation, const AnswerJsonOptions& options);

/// What the rules' safety net says at a level (its action, what to do if yes), or null.
const SafetyNetLine* safety_net_line(const RuleSet& rules, std::optional<ReferralLevel> level);

/// How many suggestions to show: all of them, or at most `top`.
std::size_t shown_count(const Recommendation& recommendation, std::optional<std::size_t> top);

} // namespace backrelief
