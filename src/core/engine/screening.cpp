#include "core/engine/screening.hpp"

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
                                      [&](ConceptId id) { return profile.facts.contains(id); });
      if (hinted) {
        screening.possible.push_back(&question);
      }
    }
  }
  return screening;
}

std::vector<std::string> hint_words(const Question& question, const Profile& profile) {
  std::vector<std::string> words;
  for (const TextFact& fact : profile.text.facts) {
    const bool hint = std::find(question.hints.begin(), question.hints.end(), fact.concept_id) != question.hints.end();
    if (hint && fact.affirmed() && std::find(words.begin(), words.end(), fact.from) == words.end()) {
      words.push_back(fact.from);
    }
  }
  return words;
}

} // namespace backrelief
