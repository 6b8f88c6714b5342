#include "cli/input/answer_file.hpp"

#include "core/model/duration.hpp"
#include "core/model/pressure.hpp"
#include "core/util/edit_distance.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace backrelief::cli {

namespace {

class AnswerFileReader {
public:
  AnswerFileReader(const std::string& name, const RuleSet& rules, ProfileInput& input)
      : m_reader(name, m_problems), m_rules(rules), m_input(input) {}

  void read(const std::string& text) {
    const auto root = m_reader.parse(text);
    if (root && !root->IsNull()) {
      const std::vector<std::string> ids = m_rules.question_ids();
      if (const auto fields = m_reader.mapping(*root, ids, "the answers")) {
        for (const Field& field : fields->all()) {
          answer(*m_rules.find_question(field.key), field.value);
        }
      }
    }
    if (!m_problems.empty()) {
      std::stable_sort(m_problems.begin(), m_problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
      });
      throw Error(ErrorKind::invalid_input, std::move(m_problems));
    }
  }

private:
  void answer(const Question& question, const YAML::Node& value) {
    switch (question.field) {
    case QuestionField::sign:
      if (auto text = m_reader.text(value, "an answer")) {
        if (parse_sign_answer(*text)) {
          m_input.answers.emplace_back(question.id, *text);
        } else {
          m_reader.error(value, fmt::format("cannot read '{}' as an answer to '{}': expected yes, no or not-sure",
                                            *text, question.id));
        }
      }
      return;
    case QuestionField::area:
    case QuestionField::goal:
    case QuestionField::condition:
      choose(question, value);
      return;
    case QuestionField::pressure:
      if (auto text = m_reader.text(value, "a pressure")) {
        if (parse_pressure(*text)) {
          m_input.pressure = *text;
        } else {
          m_reader.error(value, fmt::format("unknown pressure '{}'{}; expected low, medium or firm", *text,
                                            did_you_mean(*text, pressure_spellings())));
        }
      }
      return;
    case QuestionField::age:
      if (auto age = m_reader.integer(value, "an age in years")) {
        if (*age < 0 || *age > k_max_age) {
          m_reader.error(value, fmt::format("{} is not an age in years (0 to {})", *age, k_max_age));
        } else {
          m_input.age = *age;
        }
      }
      return;
    case QuestionField::duration:
      if (auto text = m_reader.text(value, "how long the pain has lasted")) {
        if (parse_duration_weeks(*text)) {
          m_input.duration = *text;
        } else {
          m_reader.error(value, fmt::format("cannot read '{}': expected a span such as 10d, 3w, 6m or 2y", *text));
        }
      }
      return;
    case QuestionField::intensity:
      if (auto level = m_reader.number(value, "a pain level from 0 to 10")) {
        if (*level < 0 || *level > 10) {
          m_reader.error(value, fmt::format("{:g} is not a pain level from 0 to 10", *level));
        } else {
          m_input.intensity = *level;
        }
      }
      return;
    case QuestionField::description:
      if (auto text = m_reader.text(value, "a description")) {
        m_input.description += m_input.description.empty() ? *text : " " + *text;
      }
      return;
    }
  }

  void choose(const Question& question, const YAML::Node& value) {
    const ConceptKind kind = kind_of(question.field);
    auto& list = question.field == QuestionField::area   ? m_input.areas
                 : question.field == QuestionField::goal ? m_input.goals
                                                         : m_input.conditions;
    const auto items = m_reader.scalar_list(value, fmt::format("the answer to '{}'", question.id));
    if (!items) {
      return;
    }
    for (const YAML::Node& item : *items) {
      auto name = m_reader.text(item, "a choice");
      if (!name) {
        continue;
      }
      if (m_rules.find_concept(kind, *name)) {
        list.push_back(*name);
      } else {
        m_reader.error(item, fmt::format("unknown {} '{}'{}", to_string(question.field), *name,
                                         did_you_mean(*name, m_rules.concept_names(kind))));
      }
    }
  }

  std::vector<Diagnostic> m_problems;
  YamlReader m_reader;
  const RuleSet& m_rules;
  ProfileInput& m_input;
};

} // namespace

ConceptKind kind_of(QuestionField field) {
  switch (field) {
  case QuestionField::area:
    return ConceptKind::area;
  case QuestionField::goal:
    return ConceptKind::goal;
  default:
    return ConceptKind::condition;
  }
}

void read_answer_file(const std::string& name, const std::string& text, const RuleSet& rules, ProfileInput& input) {
  AnswerFileReader(name, rules, input).read(text);
}

} // namespace backrelief::cli
