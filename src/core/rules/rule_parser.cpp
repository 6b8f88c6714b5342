#include "core/rules/rule_parser.hpp"

#include "core/rules/condition_parser.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace backrelief {

namespace {

const std::vector<std::string> k_rule_keys{"id",    "when",   "score",   "exclude", "caution",
                                           "refer", "advice", "because", "source",  "replaces"};
const std::vector<std::string> k_required_rule_keys{"id", "because"};
const std::vector<std::string> k_refer_keys{"level", "advice"};
const std::vector<std::string> k_level_names{"emergency", "urgent", "routine"};

class RuleParser {
public:
  RuleParser(YamlReader& reader, const RuleSet& rules) : m_reader(reader), m_rules(rules) {}

  std::optional<ParsedRule> parse(const YAML::Node& node) {
    auto fields = m_reader.mapping(node, k_rule_keys, "a rule");
    if (!fields) {
      return std::nullopt;
    }
    ParsedRule parsed;
    Rule& rule = parsed.rule;
    rule.origin = m_reader.where(node);
    bool good = m_reader.require(*fields, node, k_required_rule_keys, "a rule");
    if (const auto* id = fields->find("id")) {
      auto value = m_reader.identifier(*id, "a rule id");
      good = good && value;
      rule.id = value.value_or("");
    }
    if (const auto* when = fields->find("when")) {
      auto condition = parse_condition(m_reader, *when, m_rules);
      good = good && condition;
      if (condition) {
        rule.when = std::move(*condition);
      }
    } else {
      rule.when.where = rule.origin;
    }
    good = read_text(*fields, "because", "the reason ('because')", rule.because) && good;
    good = read_text(*fields, "source", "the source", rule.source) && good;
    good = read_text(*fields, "advice", "the advice", rule.advice) && good;
    if (const auto* score = fields->find("score")) {
      good = read_weights(*score, rule) && good;
    }
    if (const auto* exclude = fields->find("exclude")) {
      good = read_excludes(*exclude, rule) && good;
    }
    if (const auto* caution = fields->find("caution")) {
      good = read_cautions(*caution, rule) && good;
    }
    if (const auto* refer = fields->find("refer")) {
      good = read_referral(*refer, rule) && good;
    }
    if (const auto* replaces = fields->find("replaces")) {
      auto value = m_reader.boolean(*replaces, "'replaces'");
      good = good && value;
      parsed.replaces = value.value_or(false);
    }
    if (good && rule.weights.empty() && rule.excludes.empty() && rule.cautions.empty() && !rule.referral &&
        rule.advice.empty()) {
      m_reader.error(node, fmt::format("rule '{}' has no effect: give at least one of score, exclude, "
                                       "caution, refer or advice",
                                       rule.id));
      good = false;
    }
    return good ? std::optional<ParsedRule>{std::move(parsed)} : std::nullopt;
  }

private:
  bool read_text(const Fields& fields, std::string_view key, std::string_view what, std::string& out) {
    if (const auto* node = fields.find(key)) {
      auto value = m_reader.text(*node, what);
      out = value.value_or("");
      return value.has_value();
    }
    return true;
  }

  std::optional<TechniqueId> technique(const YAML::Node& node) {
    if (!node.IsScalar()) {
      m_reader.error(node, fmt::format("expected a technique id, found {}", describe_node(node)));
      return std::nullopt;
    }
    if (auto id = m_rules.find_technique(node.Scalar())) {
      return id;
    }
    const auto names = m_rules.technique_names();
    m_reader.error(node, fmt::format("unknown technique '{}'{}", node.Scalar(), did_you_mean(node.Scalar(), names)));
    return std::nullopt;
  }

  bool read_weights(const YAML::Node& node, Rule& rule) {
    if (!node.IsMap()) {
      m_reader.error(node, fmt::format("expected 'score' as a mapping of technique ids to numbers, found {}",
                                       describe_node(node)));
      return false;
    }
    bool good = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto id = technique(it->first);
      auto value = m_reader.number(it->second, "a score");
      if (!id || !value) {
        good = false;
        continue;
      }
      if (has_weight(rule, *id)) {
        m_reader.error(it->first, fmt::format("duplicate technique '{}' in score", it->first.Scalar()));
        good = false;
        continue;
      }
      rule.weights.push_back({*id, *value});
    }
    return good;
  }

  static bool has_weight(const Rule& rule, TechniqueId id) {
    for (const Weight& weight : rule.weights) {
      if (weight.technique == id) {
        return true;
      }
    }
    return false;
  }

  bool read_excludes(const YAML::Node& node, Rule& rule) {
    auto items = m_reader.scalar_list(node, "a technique id to exclude");
    if (!items) {
      return false;
    }
    bool good = true;
    for (const YAML::Node& item : *items) {
      if (auto id = technique(item)) {
        rule.excludes.push_back(*id);
      } else {
        good = false;
      }
    }
    return good;
  }

  bool read_cautions(const YAML::Node& node, Rule& rule) {
    if (!node.IsMap()) {
      m_reader.error(node, fmt::format("expected 'caution' as a mapping of technique ids to notes, found {}",
                                       describe_node(node)));
      return false;
    }
    bool good = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto id = technique(it->first);
      auto text = m_reader.text(it->second, "a caution");
      if (!id || !text) {
        good = false;
        continue;
      }
      const bool repeated = std::any_of(rule.cautions.begin(), rule.cautions.end(),
                                        [&id](const Caution& caution) { return caution.technique == *id; });
      if (repeated) {
        m_reader.error(it->first, fmt::format("duplicate technique '{}' in caution", it->first.Scalar()));
        good = false;
        continue;
      }
      rule.cautions.push_back({*id, *text});
    }
    return good;
  }

  bool read_referral(const YAML::Node& node, Rule& rule) {
    Referral referral;
    const YAML::Node* level = &node; // a pointer: assigning a YAML::Node would overwrite the document
    std::optional<Fields> fields;
    if (node.IsMap()) {
      fields = m_reader.mapping(node, k_refer_keys, "a referral");
      if (!fields || !m_reader.require(*fields, node, std::vector<std::string>{"level"}, "a referral")) {
        return false;
      }
      level = fields->find("level");
      if (const auto* advice = fields->find("advice")) {
        auto text = m_reader.text(*advice, "the referral advice");
        if (!text) {
          return false;
        }
        referral.advice = *text;
      }
    }
    const YAML::Node& level_node = *level;
    if (!level_node.IsScalar()) {
      m_reader.error(level_node, fmt::format("expected a referral level (emergency, urgent or routine), found {}",
                                             describe_node(level_node)));
      return false;
    }
    auto parsed = parse_referral_level(level_node.Scalar());
    if (!parsed) {
      m_reader.error(level_node, fmt::format("unknown referral level '{}': expected emergency, urgent or routine{}",
                                             level_node.Scalar(), did_you_mean(level_node.Scalar(), k_level_names)));
      return false;
    }
    referral.level = *parsed;
    rule.referral = std::move(referral);
    return true;
  }

  YamlReader& m_reader;
  const RuleSet& m_rules;
};

} // namespace

std::optional<ParsedRule> parse_rule(YamlReader& reader, const YAML::Node& node, const RuleSet& rules) {
  return RuleParser(reader, rules).parse(node);
}

} // namespace backrelief
