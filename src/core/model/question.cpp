#include "core/model/question.hpp"

#include "core/util/text_case.hpp"

#include <array>

namespace backrelief {

namespace {

const std::array<std::string, 9> k_fields{"sign", "area",     "goal",      "condition",  "pressure",
                                          "age",  "duration", "intensity", "description"};

} // namespace

std::string_view to_string(QuestionField field) {
  return k_fields[static_cast<std::size_t>(field)];
}

std::optional<QuestionField> parse_question_field(std::string_view text) {
  for (std::size_t i = 0; i < k_fields.size(); ++i) {
    if (k_fields[i] == text) {
      return static_cast<QuestionField>(i);
    }
  }
  return std::nullopt;
}

std::span<const std::string> question_field_names() {
  return k_fields;
}

bool is_choice(QuestionField field) {
  return field == QuestionField::area || field == QuestionField::goal || field == QuestionField::condition ||
         field == QuestionField::pressure;
}

bool allows_several(QuestionField field) {
  return is_choice(field) && field != QuestionField::pressure;
}

std::string_view to_string(SignAnswer answer) {
  switch (answer) {
  case SignAnswer::yes:
    return "yes";
  case SignAnswer::no:
    return "no";
  case SignAnswer::not_sure:
    return "not-sure";
  }
  return "?";
}

std::optional<SignAnswer> parse_sign_answer(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '.')) {
    text.remove_suffix(1);
  }
  std::string word = to_lower(text);
  for (char& c : word) {
    if (c == '-' || c == '_') {
      c = ' ';
    }
  }
  if (word == "yes" || word == "y") {
    return SignAnswer::yes;
  }
  if (word == "no" || word == "n") {
    return SignAnswer::no;
  }
  if (word == "not sure" || word == "unsure" || word == "dont know" || word == "don't know" || word == "?") {
    return SignAnswer::not_sure;
  }
  return std::nullopt;
}

} // namespace backrelief
