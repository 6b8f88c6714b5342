#include "core/rules/question_parser.hpp"

#include "core/rules/condition_parser.hpp"
#include "core/rules/rule_set.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace backrelief {

namespace {

const std::vector<std::string> k_question_keys{"id", "field", "ask", "sign", "yes", "hints", "hint-when", "replaces"};
const std::vector<std::string> k_required_question_keys{"id", "ask"};
const std::vector<std::string> k_safety_net_keys{"level", "say", "if-yes", "action"};
const std::vector<std::string> k_required_safety_net_keys{"level", "say"};
const std::vector<std::string> k_levels{"routine", "urgent", "emergency"};

// A warning sign's yes is one or more plain facts: {red-flag: x}, {condition: [a, b]}, or a list
// of them. Anything that tests numbers or combines with any/not is no single answer's fact.
bool only_facts(const Condition& condition) {
  if (condition.kind == Condition::Kind::concept_) {
    return true;
  }
  if (condition.kind != Condition::Kind::all || condition.children.empty()) {
    return false;
  }
  for (const Condition& child : condition.children) {
    if (!only_facts(child)) {
      return false;
    }
  }
  return true;
}

// Hints are concepts of any kind, named by id: usually report-only concepts whose loose patterns
// find the topic of a sign ("hints" of backrelief-rules(5)).
bool read_hints(YamlReader& reader, const YAML::Node& node, const RuleSet& rules, Question& question) {
  auto items = reader.scalar_list(node, "a hint concept");
  if (!items) {
    return false;
  }
  bool good = true;
  for (const YAML::Node& item : *items) {
    auto id = reader.identifier(item, "a hint concept");
    if (!id) {
      good = false;
      continue;
    }
    const auto found = rules.find_concept(*id);
    if (!found) {
      std::vector<std::string> ids;
      for (const Concept& entry : rules.concepts()) {
        ids.push_back(entry.id);
      }
      reader.error(item, fmt::format("unknown concept '{}' in hints{}{}", *id, did_you_mean(*id, ids),
                                     rules.defined_with_errors(*id)));
      good = false;
    } else if (std::find(question.hints.begin(), question.hints.end(), *found) != question.hints.end()) {
      reader.error(item, fmt::format("hint '{}' is listed twice", *id));
      good = false;
    } else {
      question.hints.push_back(*found);
    }
  }
  return good;
}

} // namespace

std::optional<ParsedQuestion> read_question(YamlReader& reader, const YAML::Node& node, const RuleSet& rules) {
  auto fields = reader.mapping(node, k_question_keys, "a question");
  if (!fields || !reader.require(*fields, node, k_required_question_keys, "a question")) {
    return std::nullopt;
  }
  ParsedQuestion parsed;
  Question& question = parsed.question;
  question.where = reader.where(node);
  bool good = true;
  auto id = reader.identifier(*fields->find("id"), "a question id");
  good = good && id.has_value();
  question.id = id.value_or("");
  auto ask = reader.text(*fields->find("ask"), "the question as put");
  good = good && ask.has_value();
  question.ask = ask.value_or("");
  if (const YAML::Node* field = fields->find("field")) {
    if (auto text = reader.text(*field, "a question's field")) {
      if (auto value = parse_question_field(*text)) {
        question.field = *value;
      } else {
        reader.error(*field,
                     fmt::format("unknown field '{}'{}; expected one of {}", *text,
                                 did_you_mean(*text, question_field_names()), fmt::join(question_field_names(), ", ")));
        return std::nullopt; // what else the entry needs depends on its field
      }
    } else {
      return std::nullopt;
    }
  }
  const YAML::Node* sign = fields->find("sign");
  const YAML::Node* yes = fields->find("yes");
  if (question.field == QuestionField::sign) {
    if (yes == nullptr) {
      reader.error(node, fmt::format("question '{}' asks about a warning sign, so it needs 'yes': the facts a yes "
                                     "sets, e.g. {{red-flag: saddle-numbness}}; a question about something else "
                                     "names its 'field'",
                                     question.id));
      return std::nullopt;
    }
    if (sign != nullptr) {
      auto words = reader.text(*sign, "the sign's plain words");
      good = good && words.has_value();
      question.sign = words.value_or("");
    }
    if (auto condition = parse_condition(reader, *yes, rules)) {
      if (only_facts(*condition)) {
        question.yes = concepts_in(*condition);
      } else {
        reader.error(*yes, "a yes sets facts, such as {red-flag: saddle-numbness} or a list of them; it cannot "
                           "test numbers or use any and not");
        good = false;
      }
    } else {
      good = false;
    }
    if (const YAML::Node* hints = fields->find("hints")) {
      good = read_hints(reader, *hints, rules, question) && good;
    }
    if (const YAML::Node* hint_when = fields->find("hint-when")) {
      question.hint_when = parse_condition(reader, *hint_when, rules);
      good = question.hint_when.has_value() && good;
    }
  } else {
    for (const YAML::Node* extra : {sign, yes, fields->find("hints"), fields->find("hint-when")}) {
      if (extra != nullptr) {
        reader.error(*extra,
                     fmt::format("'sign', 'yes', 'hints' and 'hint-when' belong to a warning-sign question; question "
                                 "'{}' asks for its {}",
                                 question.id, to_string(question.field)));
        good = false;
      }
    }
  }
  if (const YAML::Node* replaces = fields->find("replaces")) {
    auto value = reader.boolean(*replaces, "replaces");
    good = good && value.has_value();
    parsed.replaces = value.value_or(false);
  }
  if (!good) {
    return std::nullopt;
  }
  return parsed;
}

std::optional<SafetyNetLine> read_safety_net_line(YamlReader& reader, const YAML::Node& node) {
  auto fields = reader.mapping(node, k_safety_net_keys, "an entry of safety-net");
  if (!fields || !reader.require(*fields, node, k_required_safety_net_keys, "an entry of safety-net")) {
    return std::nullopt;
  }
  SafetyNetLine line;
  line.where = reader.where(node);
  const YAML::Node& level = *fields->find("level");
  auto text = reader.text(level, "a referral level");
  if (!text) {
    return std::nullopt;
  }
  auto parsed = parse_referral_level(*text);
  if (!parsed) {
    reader.error(level, fmt::format("unknown level '{}'{}; expected one of routine, urgent, emergency", *text,
                                    did_you_mean(*text, k_levels)));
    return std::nullopt;
  }
  line.level = *parsed;
  auto say = reader.text(*fields->find("say"), "what to do at this level");
  if (!say) {
    return std::nullopt;
  }
  line.say = std::move(*say);
  if (const YAML::Node* if_yes = fields->find("if-yes")) {
    auto words = reader.text(*if_yes, "what to do if the answer is yes");
    if (!words) {
      return std::nullopt;
    }
    line.if_yes = std::move(*words);
  }
  if (const YAML::Node* action = fields->find("action")) {
    auto words = reader.text(*action, "the one action a referral at this level asks for");
    if (!words) {
      return std::nullopt;
    }
    line.action = std::move(*words);
  }
  return line;
}

} // namespace backrelief
