#include "api/internals.hpp"
#include "core/engine/screening.hpp"
#include "report/answer_json.hpp"

namespace backrelief {

namespace {

std::vector<TechniqueNote> notes_of(const std::vector<Note>& notes) {
  std::vector<TechniqueNote> made;
  made.reserve(notes.size());
  for (const Note& note : notes) {
    made.push_back(
        {note.rule == nullptr ? std::string() : note.rule->id, std::string(note.text), std::string(note.cause)});
  }
  return made;
}

} // namespace

const Answer::State::Data& Answer::State::data() const {
  return m_data.get([this](Data& built) {
    const RuleSet& set = *rules;
    if (recommendation.referral) {
      const ReferralOutcome& referral = *recommendation.referral;
      ClinicianReferral made{referral.level, {}, std::string(referral.advice)};
      for (const RedFlag& flag : referral.red_flags) {
        made.signs.push_back({flag.rule->id, flag.rule->because, words_behind(*flag.rule, profile)});
      }
      built.referral = std::move(made);
    }
    for (const Question* question : recommendation.check_first) {
      const SafetyNetLine* net = safety_net_line(set, question->tier);
      built.check_first.push_back({question->id, question->ask, question->tier.value_or(ReferralLevel::routine),
                                   net != nullptr ? net->if_yes : std::string(), hint_words(*question, profile)});
    }
    for (const TechniqueOutcome& outcome : recommendation.suggestions) {
      const Technique& technique = set.techniques()[outcome.technique];
      Suggestion made;
      made.rank = outcome.rank;
      made.technique = technique.id;
      made.name = technique.name;
      made.score = outcome.score;
      made.cautions = notes_of(outcome.cautions);
      made.aftercare = technique.aftercare;
      for (const Contribution& reason : outcome.reasons) {
        made.reasons.push_back(
            {reason.rule->id, reason.weight, reason.rule->because, words_behind(*reason.rule, profile)});
      }
      built.suggestions.push_back(std::move(made));
    }
    for (const TechniqueOutcome& outcome : recommendation.excluded) {
      built.excluded.push_back({set.techniques()[outcome.technique].id, notes_of(outcome.exclusions)});
    }
    built.advice.assign(recommendation.advice.begin(), recommendation.advice.end());
    built.advice.emplace_back(evidence_summary());
    const auto concept_ids = [&](const std::vector<ConceptId>& concepts) {
      std::vector<std::string> ids;
      ids.reserve(concepts.size());
      for (const ConceptId id : concepts) {
        ids.push_back(set.concepts()[id].id);
      }
      return ids;
    };
    if (const auto& note = recommendation.for_therapist) {
      built.for_therapist = TherapistBrief{set.techniques()[note->technique].id, concept_ids(note->areas),
                                           note->pressure ? std::string(to_string(*note->pressure)) : std::string(),
                                           concept_ids(note->conditions),
                                           std::vector<std::string>(note->cautions.begin(), note->cautions.end())};
    }
    const auto question_ids = [](const std::vector<const Question*>& questions) {
      std::vector<std::string> ids;
      ids.reserve(questions.size());
      for (const Question* question : questions) {
        ids.push_back(question->id);
      }
      return ids;
    };
    built.screening = {question_ids(recommendation.screening.reported), question_ids(recommendation.screening.denied),
                       question_ids(recommendation.screening.not_mentioned)};
  });
}

Answer::Answer(std::shared_ptr<const State> state) : m_state(std::move(state)) {}

const std::optional<ClinicianReferral>& Answer::referral() const {
  return m_state->data().referral;
}

const std::vector<SignQuestion>& Answer::check_first() const {
  return m_state->data().check_first;
}

bool Answer::answer_first() const {
  return m_state->recommendation.answer_first;
}

const std::vector<Suggestion>& Answer::suggestions() const {
  return m_state->data().suggestions;
}

const std::vector<Exclusion>& Answer::excluded() const {
  return m_state->data().excluded;
}

const std::vector<std::string>& Answer::advice() const {
  return m_state->data().advice;
}

const std::optional<TherapistBrief>& Answer::for_therapist() const {
  return m_state->data().for_therapist;
}

const SignScreening& Answer::screening() const {
  return m_state->data().screening;
}

std::string_view Answer::disclaimer() const {
  return backrelief::disclaimer();
}

std::string Answer::to_json(JsonLayout layout) const {
  JsonWriter json(layout == JsonLayout::indented ? std::optional<int>(2) : std::nullopt);
  write_answer_json(json, *m_state->rules, m_state->profile, m_state->recommendation, AnswerJsonOptions{});
  return std::string(json.text());
}

} // namespace backrelief
