#pragma once

#include "core/model/concept.hpp"
#include "core/model/condition.hpp"
#include "core/model/rule.hpp"
#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// What an answer to a question fills in. A warning-sign question is answered yes, no or not
/// sure; the others give one of a person's preferences, from a list or in their own words.
enum class QuestionField : std::uint8_t {
  sign,        ///< yes / no / not sure about a warning sign (`yes:` names its facts)
  area,        ///< where it hurts: concepts of kind area, several allowed
  goal,        ///< what they want most: goals, several allowed
  condition,   ///< health conditions and medicines, several allowed
  pressure,    ///< the pressure they like: one of low, medium, firm
  age,         ///< years, a whole number
  duration,    ///< how long the pain has lasted: a span such as 6w or 2y
  intensity,   ///< 0 to 10
  description, ///< their own words
};

/// The rule-file spelling of a field: "sign", "area", ..., "description".
std::string_view to_string(QuestionField field);
std::optional<QuestionField> parse_question_field(std::string_view text);
std::span<const std::string> question_field_names();
/// True for the fields answered by picking from a list (area, goal, condition, pressure).
bool is_choice(QuestionField field);
/// True for the fields whose list may be answered with more than one pick.
bool allows_several(QuestionField field);

/// One question of the guided interview, as written in a rule file's `questions:`.
struct Question {
  std::string id;
  QuestionField field = QuestionField::sign;
  std::string ask;  ///< the question, as put to the person
  std::string sign; ///< a sign that can appear later: its plain words, for the safety net; empty for a fact of history
  std::vector<ConceptId> yes; ///< for a warning sign: the concepts a yes affirms and a no denies
  /// For a warning sign: concepts whose mention makes the sign possible, so that it is asked
  /// before anything is suggested (a body place and a feeling, the bladder, an accident...).
  std::vector<ConceptId> hints;
  /// For a warning sign: a condition on the whole profile that makes the sign possible too, for
  /// what no single mention shows (new pain and no age given; an age at risk and no duration).
  std::optional<Condition> hint_when;
  /// For a warning sign: the strongest referral that a rule asking for one of `yes` can make,
  /// worked out once the rules are loaded; none when no referral rule asks for them.
  std::optional<ReferralLevel> tier;
  SourceLocation where;
};

/// What the safety net says to do, at one tier, about the warning signs nobody mentioned.
struct SafetyNetLine {
  ReferralLevel level = ReferralLevel::urgent;
  std::string say;    ///< "Call emergency services now if you notice"
  std::string if_yes; ///< after a possible sign's question: "If so, call emergency services now."
  std::string action; ///< the one action a referral at this level asks for: "Call emergency services now"
  SourceLocation where;
};

/// How a person answered a warning-sign question. "Not sure" counts as yes, on purpose: a
/// clinician would rather check.
enum class SignAnswer : std::uint8_t { yes, no, not_sure };

/// The answer as written: "yes", "no" or "not-sure".
std::string_view to_string(SignAnswer answer);
/// Reads yes / y / no / n / not sure / not-sure / unsure / don't know, ignoring case.
std::optional<SignAnswer> parse_sign_answer(std::string_view text);

} // namespace backrelief
