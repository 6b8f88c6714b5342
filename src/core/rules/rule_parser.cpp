#include "core/rules/rule_parser.hpp"

#include "core/rules/condition_parser.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace backrelief {

namespace {

// The largest score one rule may give: any number of rules then add up to a finite total, shown
// as a number in every output.
constexpr double k_max_score = 1000;

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
    if (good && !m_named_trait && rule.weights.empty() && rule.excludes.empty() && rule.cautions.empty() &&
        !rule.referral && rule.advice.empty()) {
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

  /// What a key of score, exclude or caution names: one technique, or every technique with a trait.
  struct Target {
    std::vector<TechniqueId> techniques;
    bool trait = false;
  };

  std::optional<Target> target(const YAML::Node& node) {
    if (!node.IsScalar()) {
      m_reader.error(node, fmt::format("expected a technique id or a trait, found {}", describe_node(node)));
      return std::nullopt;
    }
    if (auto id = m_rules.find_technique(node.Scalar())) {
      return Target{{*id}, false};
    }
    if (m_rules.find_trait(node.Scalar()) != nullptr) {
      m_named_trait = true;
      return Target{m_rules.techniques_with(node.Scalar()), true};
    }
    auto names = m_rules.technique_names();
    const auto traits = m_rules.trait_ids();
    names.insert(names.end(), traits.begin(), traits.end());
    m_reader.error(node, fmt::format("unknown technique{} '{}'{}{}", traits.empty() ? "" : " or trait", node.Scalar(),
                                     did_you_mean(node.Scalar(), names), m_rules.defined_with_errors(node.Scalar())));
    return std::nullopt;
  }

  // A technique named by its id takes that entry; one reached only through its traits takes the
  // first of its traits written, so a technique with two listed traits is not counted twice.
  template <typename Entry, typename Make>
  bool read_targets(const YAML::Node& node, std::string_view key, std::string_view value_name, std::vector<Entry>& out,
                    Make make) {
    if (!node.IsMap()) {
      m_reader.error(node, fmt::format("expected '{}' as a mapping of technique ids or traits to {}, found {}", key,
                                       value_name, describe_node(node)));
      return false;
    }
    bool good = true;
    std::vector<std::pair<Target, YAML::Node>> by_trait;
    std::vector<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto chosen = target(it->first);
      auto entry = chosen ? make(it->second) : std::nullopt;
      if (!chosen || !entry) {
        good = false;
        continue;
      }
      const bool repeated = chosen->trait ? std::find(seen.begin(), seen.end(), it->first.Scalar()) != seen.end()
                                          : std::any_of(out.begin(), out.end(), [&](const Entry& earlier) {
                                              return earlier.technique == chosen->techniques.front();
                                            });
      if (repeated) {
        m_reader.error(it->first, fmt::format("duplicate {} '{}' in {}", chosen->trait ? "trait" : "technique",
                                              it->first.Scalar(), key));
        good = false;
        continue;
      }
      seen.push_back(it->first.Scalar());
      if (chosen->trait) {
        by_trait.emplace_back(std::move(*chosen), it->second);
      } else {
        entry->technique = chosen->techniques.front();
        out.push_back(std::move(*entry));
      }
    }
    for (const auto& [chosen, value] : by_trait) {
      for (TechniqueId id : chosen.techniques) {
        const bool taken =
            std::any_of(out.begin(), out.end(), [id](const Entry& entry) { return entry.technique == id; });
        if (!taken) {
          auto entry = make(value);
          entry->technique = id;
          out.push_back(std::move(*entry));
        }
      }
    }
    return good;
  }

  bool read_weights(const YAML::Node& node, Rule& rule) {
    return read_targets(node, "score", "numbers", rule.weights, [this](const YAML::Node& value) {
      auto number = m_reader.number(value, "a score");
      if (number && std::abs(*number) > k_max_score) {
        m_reader.error(value, fmt::format("a score must be between {:g} and {:g}, found '{}'", -k_max_score,
                                          k_max_score, value.Scalar()));
        return std::optional<Weight>{};
      }
      return number ? std::optional(Weight{0, *number}) : std::nullopt;
    });
  }

  bool read_excludes(const YAML::Node& node, Rule& rule) {
    auto items = m_reader.scalar_list(node, "a technique id or trait to exclude");
    if (!items) {
      return false;
    }
    bool good = true;
    for (const YAML::Node& item : *items) {
      auto chosen = target(item);
      if (!chosen) {
        good = false;
        continue;
      }
      for (TechniqueId id : chosen->techniques) {
        if (std::find(rule.excludes.begin(), rule.excludes.end(), id) == rule.excludes.end()) {
          rule.excludes.push_back(id);
        }
      }
    }
    return good;
  }

  bool read_cautions(const YAML::Node& node, Rule& rule) {
    return read_targets(node, "caution", "notes", rule.cautions, [this](const YAML::Node& value) {
      auto text = m_reader.text(value, "a caution");
      return text ? std::optional(Caution{0, *text}) : std::nullopt;
    });
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
  bool m_named_trait = false; ///< an effect named a trait, which may have no technique yet
};

} // namespace

std::optional<ParsedRule> parse_rule(YamlReader& reader, const YAML::Node& node, const RuleSet& rules) {
  return RuleParser(reader, rules).parse(node);
}

} // namespace backrelief
