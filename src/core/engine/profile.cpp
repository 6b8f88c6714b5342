#include "core/engine/profile.hpp"

#include "core/model/duration.hpp"
#include "core/rules/rule_set.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace backrelief {

namespace {

// The field of the input a value was given in; each front end names it its own way.
std::string_view field_of(ConceptKind kind) {
  switch (kind) {
  case ConceptKind::area:
    return k_field_area;
  case ConceptKind::goal:
    return k_field_goal;
  default:
    return k_field_condition;
  }
}

template <typename T>
void push_unique(std::vector<T>& items, T item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) {
    items.push_back(item);
  }
}

class ProfileMaker {
public:
  ProfileMaker(const ProfileInput& input, const RuleSet& rules) : m_input(input), m_rules(rules) {}

  Profile make() {
    Profile profile;
    profile.description = m_input.description;
    if (m_input.pressure) {
      profile.pressure = parse_pressure(*m_input.pressure);
      if (!profile.pressure) {
        fail(k_field_pressure, fmt::format("unknown value '{}': expected low, medium or firm{}", *m_input.pressure,
                                           did_you_mean(*m_input.pressure, pressure_spellings())));
      }
    }
    resolve(ConceptKind::goal, m_input.goals, profile.goals);
    resolve(ConceptKind::area, m_input.areas, profile.areas);
    resolve(ConceptKind::condition, m_input.conditions, profile.conditions);
    for (const std::string& name : m_input.avoid) {
      if (auto id = m_rules.find_technique(name)) {
        push_unique(profile.avoid, *id);
      } else {
        std::string hint = did_you_mean(name, m_rules.technique_names());
        if (hint.empty()) { // nothing close: the few there are, so the person can choose
          std::vector<std::string_view> ids;
          for (const Technique& technique : m_rules.techniques()) {
            ids.push_back(technique.id);
          }
          hint = fmt::format(": expected one of {}", fmt::join(ids, ", "));
        }
        fail(k_field_avoid, fmt::format("unknown technique '{}'{}", name, hint));
      }
    }
    if (m_input.age) {
      if (*m_input.age < 0 || *m_input.age > k_max_age) {
        fail(k_field_age, fmt::format("{} is not an age in years (0 to {})", *m_input.age, k_max_age));
      } else {
        profile.age = m_input.age;
      }
    }
    if (m_input.duration) {
      profile.duration_weeks = parse_duration_weeks(*m_input.duration);
      if (!profile.duration_weeks) {
        fail(k_field_duration,
             fmt::format("cannot read '{}': expected a span such as 10d, 3w, 6m or 2y", *m_input.duration));
      }
    }
    if (m_input.year < 0) {
      fail(k_field_year,
           fmt::format("{} is not a year: give one such as 2026, or 0 to leave dates unread", m_input.year));
    }
    if (m_input.intensity) {
      if (!(*m_input.intensity >= 0 && *m_input.intensity <= 10)) {
        fail(k_field_intensity, std::isnan(*m_input.intensity)
                                    ? std::string("not a number: expected a pain level from 0 to 10")
                                    : fmt::format("{} is not a pain level from 0 to 10", *m_input.intensity));
      } else {
        profile.intensity = m_input.intensity;
      }
    }
    resolve_answers(profile);
    if (m_input.description.size() > k_max_description_bytes) {
      fail({}, fmt::format("the description is longer than {} bytes ({} bytes): describe the pain in fewer words",
                           k_max_description_bytes, m_input.description.size()));
    }
    if (!m_problems.empty()) {
      throw Error(ErrorKind::invalid_input, std::move(m_problems));
    }
    understand_description(profile);
    return profile;
  }

private:
  void resolve(ConceptKind kind, const std::vector<std::string>& names, std::vector<ConceptId>& out) {
    for (const std::string& name : names) {
      if (auto id = m_rules.find_concept(kind, name)) {
        push_unique(out, *id);
      } else {
        std::string hint = did_you_mean(name, m_rules.concept_names(kind));
        if (hint.empty()) {
          hint = expected_values(kind);
        }
        fail(field_of(kind), fmt::format("unknown value '{}'{}", name, hint));
      }
    }
  }

  // What a value could have been, when no one name is close: the list itself when it is short
  // enough to read in one line ("-a back": the areas), else how many there are.
  std::string expected_values(ConceptKind kind) const {
    constexpr std::size_t k_listed_at_most = 16;
    std::vector<std::string> ids;
    for (const Concept& entry : m_rules.concepts()) {
      if (entry.kind == kind) {
        ids.push_back(entry.id);
      }
    }
    if (ids.empty()) {
      return fmt::format(": the rules define no {}", to_string(kind));
    }
    if (ids.size() > k_listed_at_most) {
      return fmt::format(": not one of the {} {}s the rules define", ids.size(), to_string(kind));
    }
    return fmt::format(": expected {}", fmt::join(ids, ", "));
  }

  std::vector<std::string> sign_question_ids() const {
    std::vector<std::string> ids;
    for (const Question& question : m_rules.questions()) {
      if (question.field == QuestionField::sign) {
        ids.push_back(question.id);
      }
    }
    return ids;
  }

  void resolve_answers(Profile& profile) {
    const auto& questions = m_rules.questions();
    for (const auto& [id, value] : m_input.answers) {
      const Question* question = m_rules.find_question(id);
      if (question == nullptr || question->field != QuestionField::sign) {
        const auto ids = sign_question_ids();
        if (question != nullptr) {
          fail(k_field_answer, fmt::format("'{}' asks for the {}, which is given as such, not as an answer; the "
                                           "questions answered yes or no are {}",
                                           id, to_string(question->field), fmt::join(ids, ", ")));
        } else if (ids.empty()) {
          fail(k_field_answer, fmt::format("unknown question '{}': the loaded rules ask no questions", id));
        } else {
          fail(k_field_answer, fmt::format("unknown question '{}'{}", id, did_you_mean(id, ids)));
        }
        continue;
      }
      const auto answer = parse_sign_answer(value);
      if (!answer) {
        fail(k_field_answer,
             fmt::format("cannot read '{}' as an answer to '{}': expected yes, no or not-sure", value, id));
        continue;
      }
      const auto index = static_cast<std::size_t>(question - questions.data());
      const auto same = std::find_if(profile.answers.begin(), profile.answers.end(),
                                     [index](const GivenAnswer& given) { return given.question == index; });
      if (same != profile.answers.end()) {
        if (same->answer != *answer) {
          fail(k_field_answer, fmt::format("'{}' is answered twice, {} and {}: give one answer", id,
                                           to_string(same->answer), to_string(*answer)));
        }
        continue;
      }
      profile.answers.push_back({index, *answer});
    }
  }

  // Facts from the words join those from the options; a number given as an option wins.
  void understand_description(Profile& profile) {
    if (!profile.description.empty()) { // nothing to read: the vocabulary need not even be built
      profile.text = analyze_text(profile.description, m_rules.vocabulary(), m_input.year);
    }
    profile.facts = affirmed_facts(profile, m_rules);
    if (!profile.age && profile.text.age) {
      profile.age = static_cast<int>(profile.text.age->value);
    }
    if (!profile.duration_weeks && profile.text.duration_weeks) {
      profile.duration_weeks = profile.text.duration_weeks->value;
    }
    if (!profile.intensity && profile.text.intensity) {
      profile.intensity = profile.text.intensity->value;
    }
  }

  void fail(std::string_view field, std::string message) {
    m_problems.push_back({{}, std::move(message), std::string(field)});
  }

  const ProfileInput& m_input;
  const RuleSet& m_rules;
  std::vector<Diagnostic> m_problems;
};

} // namespace

FactSet affirmed_facts(const Profile& profile, const RuleSet& rules) {
  FactSet facts(rules.concepts().size());
  for (const GivenAnswer& given : profile.answers) {
    if (given.answer != SignAnswer::no) { // "not sure" counts as yes: a clinician would rather check
      for (ConceptId id : rules.questions()[given.question].yes) {
        facts.insert(id);
      }
    }
  }
  for (const auto* group : {&profile.goals, &profile.areas, &profile.conditions}) {
    for (ConceptId id : *group) {
      facts.insert(id);
    }
  }
  for (const TextFact& fact : profile.text.facts) {
    if (fact.affirmed()) {
      facts.insert(fact.concept_id);
    }
  }
  return facts;
}

Profile make_profile(const ProfileInput& input, const RuleSet& rules) {
  return ProfileMaker(input, rules).make();
}

} // namespace backrelief
