#pragma once

/// @file
/// What the rules answered for one profile, as data and as the JSON of backrelief(1).

#include <backrelief/export.hpp>
#include <backrelief/json_layout.hpp>
#include <backrelief/referral_level.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// A rule that raised or lowered a technique's score.
struct Reason {
  std::string rule;              ///< The rule's id.
  double weight = 0;             ///< What it added to the score (negative when it lowered it).
  std::string text;              ///< The rule's reason, in words for the person.
  std::vector<std::string> from; ///< The words of the description behind it, as written.
};

/// A caution about a technique, or one reason it was left out.
struct TechniqueNote {
  std::string rule;  ///< The rule's id; empty for a note the engine made itself.
  std::string text;  ///< What to know, in words for the person.
  std::string cause; ///< For a note the engine made: "avoided", "answer-first" or "referral"; else empty.
};

/// A technique the rules suggest, with its place.
struct Suggestion {
  int rank = 0;                        ///< 1 for the best; ties share no rank (the gentler goes first).
  std::string technique;               ///< The technique's id ("swedish").
  std::string name;                    ///< Its name for people ("Swedish massage").
  double score = 0;                    ///< The sum of its reasons' weights.
  std::vector<Reason> reasons;         ///< Every rule behind the score, in rule order.
  std::vector<TechniqueNote> cautions; ///< What to tell the therapist or watch for.
  std::vector<std::string> aftercare;  ///< What to do after a session.
};

/// A technique left out, and every reason why.
struct Exclusion {
  std::string technique;              ///< The technique's id.
  std::vector<TechniqueNote> reasons; ///< Never empty.
};

/// A warning sign that fired: a red-flag rule.
struct WarningSign {
  std::string rule;              ///< The rule's id.
  std::string text;              ///< What it means, in words for the person.
  std::vector<std::string> from; ///< The words of the description behind it, as written.
};

/// The advice to see a clinician, when warning signs call for it.
struct ClinicianReferral {
  ReferralLevel level = ReferralLevel::routine; ///< How soon: the strongest sign's level.
  std::vector<WarningSign> signs;               ///< Every sign that fired, strongest first.
  std::string advice;                           ///< What to do, in words for the person.
};

/// A possible warning sign to ask about before any massage: the words hinted at it, and
/// nothing in the profile said yes or no.
struct SignQuestion {
  std::string id;                               ///< The question's id, the key of an answer in ProfileInput::answers.
  std::string question;                         ///< The question to put to the person.
  ReferralLevel level = ReferralLevel::routine; ///< How soon to see a clinician if the answer is yes.
  std::string if_yes;                           ///< What to do if the answer is yes.
  std::vector<std::string> from;                ///< The words that hinted at it.
};

/// What to tell the therapist at the door, for the first suggestion.
struct TherapistBrief {
  std::string technique;               ///< The technique the person comes for.
  std::vector<std::string> areas;      ///< Where to work, as given or described.
  std::string pressure;                ///< The pressure asked for ("low", "medium", "firm"); empty if none.
  std::vector<std::string> conditions; ///< The health conditions and medicines that matter.
  std::vector<std::string> cautions;   ///< The technique's cautions for this person.
};

/// Where each warning sign the rules ask about stands, by the ids of its questions: what a
/// clinician would still have to ask.
struct SignScreening {
  std::vector<std::string> reported;      ///< Affirmed by the words, a condition or a yes.
  std::vector<std::string> denied;        ///< Denied by the words ("no numbness") or a no.
  std::vector<std::string> not_mentioned; ///< Neither; asked, imagined, someone else's or long past counts here.
};

/// What the rules answered for one profile. It holds its own copy of everything it needs, so it
/// may outlive the Recommender that made it and be read from any thread.
class BACKRELIEF_API Answer {
public:
  /// The advice to see a clinician, or none. At urgent or emergency level there are no suggestions.
  [[nodiscard]] const std::optional<ClinicianReferral>& referral() const;
  /// The possible warning signs to ask about first, the most pressing first.
  [[nodiscard]] const std::vector<SignQuestion>& check_first() const;
  /// Whether a possible sign is an emergency, so that every technique waits for the answer.
  [[nodiscard]] bool answer_first() const;
  /// The techniques suggested, best first.
  [[nodiscard]] const std::vector<Suggestion>& suggestions() const;
  /// The techniques left out, in the order the rules define them.
  [[nodiscard]] const std::vector<Exclusion>& excluded() const;
  /// General advice for every day (staying active, posture...), ending with what the evidence supports.
  [[nodiscard]] const std::vector<std::string>& advice() const;
  /// What to tell the therapist, when something is suggested.
  [[nodiscard]] const std::optional<TherapistBrief>& for_therapist() const;
  /// Where each warning sign stands: reported, denied, or never mentioned.
  [[nodiscard]] const SignScreening& screening() const;
  /// The sentence that says what this answer is not: a diagnosis or a cure.
  [[nodiscard]] std::string_view disclaimer() const;
  /// The document `backrelief recommend --format json` prints for the same profile and rules,
  /// with its `schema` member (json_schema_version()); no newline at the end.
  [[nodiscard]] std::string to_json(JsonLayout layout = JsonLayout::indented) const;

  /// The state an Answer shares between its copies; defined inside the library.
  struct State;

  /// An answer made by the library; programs receive answers from Recommender::recommend().
  explicit Answer(std::shared_ptr<const State> state);

private:
  friend struct Internals; // the library's own access to its state
  std::shared_ptr<const State> m_state;
};

} // namespace backrelief
