#include "api/internals.hpp"
#include "core/rules/member_origin.hpp"
#include "report/facts_json.hpp"

namespace backrelief {

namespace {

std::optional<NumberFound> number_of(const std::optional<TextNumber>& number) {
  if (!number) {
    return std::nullopt;
  }
  return NumberFound{number->value, number->from};
}

} // namespace

const Analysis::State::Data& Analysis::State::data() const {
  return m_data.get([this](Data& built) {
    for (const TextFact& fact : profile.text.facts) {
      const Concept& entry = rules->concepts()[fact.concept_id];
      built.findings.push_back({entry.id, std::string(to_string(entry.kind)), std::string(fact_status(fact)), fact.from,
                                fact.begin, fact.end, fact.fuzzy});
    }
    built.age = number_of(profile.text.age);
    built.duration_weeks = number_of(profile.text.duration_weeks);
    built.intensity = number_of(profile.text.intensity);
  });
}

Analysis::Analysis(std::shared_ptr<const State> state) : m_state(std::move(state)) {}

const std::vector<Finding>& Analysis::findings() const {
  return m_state->data().findings;
}

const std::optional<NumberFound>& Analysis::age() const {
  return m_state->data().age;
}

const std::optional<NumberFound>& Analysis::duration_weeks() const {
  return m_state->data().duration_weeks;
}

const std::optional<NumberFound>& Analysis::intensity() const {
  return m_state->data().intensity;
}

std::string Analysis::to_json(JsonLayout layout) const {
  JsonWriter json(layout == JsonLayout::indented ? std::optional<int>(2) : std::nullopt);
  write_analysis_json(json, m_state->profile, *m_state->rules, MemberOrigins(*m_state->rules), RecordHead{});
  return std::string(json.text());
}

} // namespace backrelief
