#pragma once

#include "core/engine/profile.hpp"
#include "core/model/rule.hpp"
#include "core/rules/rule_set.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backrelief {

/// What one rule set answers for one person, in the terms a reviewer of a rule change compares:
/// ids, not texts, so that only what the rules decide shows.
struct AnswerSummary {
  std::string unreadable;                ///< why these rules cannot read the input, or empty
  std::optional<ReferralLevel> referral; ///< the strongest referral, if any
  std::vector<std::string> red_flags;    ///< the ids of the referring rules, strongest first
  std::vector<std::string> check_first;  ///< the ids of the questions to ask first
  std::vector<std::string> ranking;      ///< the suggested techniques' ids, best first
  std::vector<std::string> top_reasons;  ///< the first technique's reasons: "rule-id +3"
  std::vector<std::pair<std::string, std::vector<std::string>>> excluded; ///< technique, the ids of its reasons
};

/// The answer of `rules` for `input`, summarised; an input these rules refuse (an unknown
/// condition) gives `unreadable` rather than an exception.
AnswerSummary summarise_answer(const RuleSet& rules, const ProfileInput& input);

/// How one person's answer differs between two rule sets; every flag false means no change.
struct AnswerChange {
  AnswerSummary before;
  AnswerSummary after;
  bool readable = false;    ///< one side can read the input and the other cannot, or the reasons differ
  bool referral = false;    ///< the level or the referring rules
  bool top = false;         ///< the technique ranked first
  bool ranking = false;     ///< the order of the suggested techniques
  bool excluded = false;    ///< which techniques are out, or why
  bool check_first = false; ///< the questions to ask first

  [[nodiscard]] bool any() const { return readable || referral || top || ranking || excluded || check_first; }
};

/// Compares what `before` and `after` answer for `input`.
AnswerChange compare_answers(const RuleSet& before, const RuleSet& after, const ProfileInput& input);

} // namespace backrelief
