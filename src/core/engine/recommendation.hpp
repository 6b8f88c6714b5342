#pragma once

#include "core/engine/profile.hpp"
#include "core/engine/screening.hpp"
#include "core/engine/therapist_note.hpp"
#include "core/model/condition.hpp"
#include "core/model/rule.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// A rule's effect on one technique's score.
struct Contribution {
  const Rule* rule = nullptr;
  double weight = 0;
};

/// A rule's note about one technique: a caution or the reason for an exclusion.
/// The texts of an answer are the rule set's own (or the engine's constants), not copies: an
/// answer lives no longer than the rule set it came from, as its Rule pointers already require.
struct Note {
  const Rule* rule = nullptr; ///< null for a note the engine made (e.g. an avoided technique)
  std::string_view text;
  std::string_view cause; ///< for a note the engine made, its cause in one word: avoided, answer-first, referral
};

/// Where one technique ended up, and why.
struct TechniqueOutcome {
  TechniqueId technique = 0;
  double score = 0;
  std::vector<Contribution> reasons; ///< in rule order
  std::vector<Note> cautions;
  std::vector<Note> exclusions; ///< non-empty means the technique is out
  int rank = 0;                 ///< 1-based among suggestions; 0 when excluded
};

/// A red flag that fired.
struct RedFlag {
  const Rule* rule = nullptr;
};

/// The strongest referral that fired, with every red flag behind it.
struct ReferralOutcome {
  ReferralLevel level = ReferralLevel::routine;
  std::vector<RedFlag> red_flags; ///< every referring rule, strongest first
  std::string_view advice;
};

/// What happened to one rule, for --trace.
struct RuleTrace {
  const Rule* rule = nullptr;
  bool fired = false;
  const Condition* failed = nullptr; ///< the first condition that failed, when not fired
};

/// The whole answer for one profile.
struct Recommendation {
  std::vector<TechniqueOutcome> suggestions; ///< suitable techniques, best first
  std::vector<TechniqueOutcome> excluded;    ///< vetoed techniques, in declaration order
  std::optional<ReferralOutcome> referral;
  std::vector<std::string_view> advice; ///< general advice lines, in rule order, no repeats
  std::vector<RuleTrace> trace;         ///< with Tracing::every_rule: one entry per active rule, in order
  Screening screening;                  ///< where each warning sign the rules ask about stands
  /// The possible signs to ask about first, strongest tier first: their hints were raised, and
  /// nothing reported or denied them. Empty when a referral stops every suggestion.
  std::vector<const Question*> check_first;
  /// True when a possible sign is an emergency: every technique waits for the answer.
  bool answer_first = false;
  std::optional<TherapistNote> for_therapist; ///< what to say at the door; none without a suggestion

  /// True when an emergency or urgent referral stopped every suggestion.
  [[nodiscard]] bool stopped_by_referral() const { return referral && referral->level != ReferralLevel::routine; }
};

/// The one-line summary of what the evidence supports.
std::string_view evidence_summary();

/// The sentence that says what the tool is not.
std::string_view disclaimer();

/// The words of the description behind a rule: the affirmed text facts whose concepts its
/// condition asks for (outside any `not`), as written, in text order, without repeats.
std::vector<std::string> words_behind(const Rule& rule, const Profile& profile);

/// Whether an answer records what happened to every rule (`Recommendation::trace`).
enum class Tracing : std::uint8_t { off, every_rule };

/// Evaluates the rules against the profile and ranks the techniques. Without tracing only the
/// rules the index names as candidates are evaluated; with it, every rule, for the trace.
Recommendation recommend(const RuleSet& rules, const Profile& profile, Tracing tracing = Tracing::off);

} // namespace backrelief
