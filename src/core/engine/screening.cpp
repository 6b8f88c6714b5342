#include "core/engine/screening.hpp"

#include "core/engine/condition_evaluation.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <algorithm>

namespace backrelief {

namespace {

bool reported(const Question& question, const Profile& profile) {
  return std::any_of(question.yes.begin(), question.yes.end(),
                     [&](ConceptId id) { return profile.facts.contains(id); });
}

bool denied(const Question& question, std::size_t index, const Profile& profile) {
  const auto answered_no = [index](const GivenAnswer& given) {
    return given.question == index && given.answer == SignAnswer::no;
  };
  if (std::any_of(profile.answers.begin(), profile.answers.end(), answered_no)) {
    return true;
  }
  const auto& yes = question.yes;
  return std::any_of(profile.text.facts.begin(), profile.text.facts.end(), [&](const TextFact& fact) {
    return fact.negated && !fact.family && !fact.hypothetical &&
           std::find(yes.begin(), yes.end(), fact.concept_id) != yes.end();
  });
}

// True when the condition compares `field` anywhere, under a `not` too.
bool tests_number(const Condition& condition, NumericField field) {
  return (condition.kind == Condition::Kind::number && condition.field == field) ||
         std::any_of(condition.children.begin(), condition.children.end(),
                     [field](const Condition& child) { return tests_number(child, field); });
}

} // namespace

Screening screen(const RuleSet& rules, const Profile& profile) {
  Screening screening;
  const auto& questions = rules.questions();
  screening.not_mentioned.reserve(questions.size()); // most signs, for most people
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& question = questions[i];
    if (question.field != QuestionField::sign) {
      continue;
    }
    if (reported(question, profile)) {
      screening.reported.push_back(&question);
    } else if (denied(question, i, profile)) {
      screening.denied.push_back(&question);
    } else {
      screening.not_mentioned.push_back(&question);
      const bool hinted = std::any_of(question.hints.begin(), question.hints.end(),
                                      [&](ConceptId id) { return profile.facts.contains(id); }) ||
                          (question.hint_when && evaluate(*question.hint_when, profile).condition == nullptr);
      if (hinted) {
        screening.possible.push_back(&question);
      }
    }
  }
  return screening;
}

std::vector<std::string> hint_words(const Question& question, const Profile& profile) {
  std::vector<std::string> words;
  std::vector<ConceptId> raising = question.hints;
  if (question.hint_when && evaluate(*question.hint_when, profile).condition == nullptr) {
    const auto used = concepts_in(*question.hint_when);
    raising.insert(raising.end(), used.begin(), used.end());
  }
  for (const TextFact& fact : profile.text.facts) {
    const bool hint = std::find(raising.begin(), raising.end(), fact.concept_id) != raising.end();
    if (hint && fact.affirmed() && std::find(words.begin(), words.end(), fact.from) == words.end()) {
      words.push_back(fact.from);
    }
  }
  // An age or a duration read from the words, when the condition raising the hint tests it.
  if (raising.size() > question.hints.size()) {
    for (const auto& [field, number] : {std::pair(NumericField::age, &profile.text.age),
                                        std::pair(NumericField::duration_weeks, &profile.text.duration_weeks)}) {
      if (*number && tests_number(*question.hint_when, field)) {
        words.push_back((*number)->from);
      }
    }
  }
  return words;
}

} // namespace backrelief
