#include "core/authoring/rule_diff.hpp"

#include "core/engine/recommendation.hpp"

#include <fmt/format.h>

namespace backrelief {

namespace {

// The id of a note's reason: its rule, or for a note the engine made, its cause.
std::string reason_id(const Note& note) {
  return note.rule != nullptr ? note.rule->id : std::string(note.cause);
}

} // namespace

AnswerSummary summarise_answer(const RuleSet& rules, const ProfileInput& input) {
  AnswerSummary summary;
  std::optional<Profile> profile;
  try {
    profile.emplace(make_profile(input, rules));
  } catch (const Error& error) {
    summary.unreadable = error.what();
    return summary;
  }
  const Recommendation answer = recommend(rules, *profile);
  if (answer.referral) {
    summary.referral = answer.referral->level;
    for (const RedFlag& flag : answer.referral->red_flags) {
      summary.red_flags.push_back(flag.rule->id);
    }
  }
  for (const Question* question : answer.check_first) {
    summary.check_first.push_back(question->id);
  }
  for (const TechniqueOutcome& outcome : answer.suggestions) {
    summary.ranking.push_back(rules.techniques()[outcome.technique].id);
  }
  if (!answer.suggestions.empty()) {
    for (const Contribution& reason : answer.suggestions.front().reasons) {
      summary.top_reasons.push_back(fmt::format("{} {:+g}", reason.rule->id, reason.weight));
    }
  }
  for (const TechniqueOutcome& outcome : answer.excluded) {
    std::vector<std::string> reasons;
    for (const Note& note : outcome.exclusions) {
      reasons.push_back(reason_id(note));
    }
    summary.excluded.emplace_back(rules.techniques()[outcome.technique].id, std::move(reasons));
  }
  return summary;
}

AnswerChange compare_answers(const RuleSet& before, const RuleSet& after, const ProfileInput& input) {
  AnswerChange change{summarise_answer(before, input), summarise_answer(after, input)};
  const AnswerSummary& a = change.before;
  const AnswerSummary& b = change.after;
  change.readable = a.unreadable != b.unreadable;
  if (!a.unreadable.empty() || !b.unreadable.empty()) {
    return change; // nothing else can be compared
  }
  change.referral = a.referral != b.referral || a.red_flags != b.red_flags;
  const auto top = [](const AnswerSummary& s) { return s.ranking.empty() ? std::string() : s.ranking.front(); };
  change.top = top(a) != top(b);
  change.ranking = a.ranking != b.ranking;
  change.excluded = a.excluded != b.excluded;
  change.check_first = a.check_first != b.check_first;
  return change;
}

} // namespace backrelief
