#include "core/rules/condition_parser.hpp"

#include "core/util/edit_distance.hpp"

#include <array>
#include <fmt/format.h>
#include <tuple>

namespace backrelief {

namespace {

const std::vector<std::string>& condition_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all{"all", "any", "not", "mentions", "pressure", "age", "duration_weeks", "intensity"};
    for (const std::string& kind : concept_kind_names()) {
      all.push_back(kind);
    }
    return all;
  }();
  return keys;
}

const std::vector<std::string> k_comparison_keys{"at_least", "at_most", "above", "below", "equals"};

class ConditionParser {
public:
  ConditionParser(YamlReader& reader, const RuleSet& rules) : m_reader(reader), m_rules(rules) {}

  std::optional<Condition> parse(const YAML::Node& node, int depth) {
    if (depth > k_max_condition_depth) {
      m_reader.error(node, fmt::format("conditions nest deeper than {} levels", k_max_condition_depth));
      return std::nullopt;
    }
    if (node.IsSequence()) {
      return group(Condition::Kind::all, node, depth);
    }
    auto fields = m_reader.mapping(node, condition_keys(), "a condition");
    if (!fields) {
      return std::nullopt;
    }
    if (fields->all().empty()) {
      if (node.size() == 0) { // otherwise its unknown keys were reported already
        m_reader.error(node, "empty condition: give at least one key such as 'pressure' or 'condition'");
      }
      return std::nullopt;
    }
    std::vector<Condition> parts;
    bool good = true;
    for (const Field& field : fields->all()) {
      auto part = parse_field(field, depth);
      if (part) {
        parts.push_back(std::move(*part));
      } else {
        good = false;
      }
    }
    if (!good) {
      return std::nullopt;
    }
    if (parts.size() == 1) {
      return std::move(parts.front());
    }
    Condition all;
    all.kind = Condition::Kind::all;
    all.children = std::move(parts);
    all.where = m_reader.where(node);
    return all;
  }

private:
  std::optional<Condition> parse_field(const Field& field, int depth) {
    const std::string& key = field.key;
    if (key == "all" || key == "any") {
      if (!field.value.IsSequence()) {
        m_reader.error(field.value, fmt::format("expected a list of conditions after '{}', found {}", key,
                                                describe_node(field.value)));
        return std::nullopt;
      }
      return group(key == "all" ? Condition::Kind::all : Condition::Kind::any, field.value, depth);
    }
    if (key == "not") {
      auto child = parse(field.value, depth + 1);
      if (!child) {
        return std::nullopt;
      }
      Condition negation;
      negation.kind = Condition::Kind::negation;
      negation.children.push_back(std::move(*child));
      negation.where = m_reader.where(field.key_node);
      return negation;
    }
    if (key == "pressure") {
      return pressure(field);
    }
    if (key == "age") {
      return number(field, NumericField::age);
    }
    if (key == "duration_weeks") {
      return number(field, NumericField::duration_weeks);
    }
    if (key == "intensity") {
      return number(field, NumericField::intensity);
    }
    return concepts(field);
  }

  std::optional<Condition> group(Condition::Kind kind, const YAML::Node& list, int depth) {
    Condition condition;
    condition.kind = kind;
    condition.where = m_reader.where(list);
    if (list.size() == 0) {
      m_reader.error(list, "expected at least one condition in the list");
      return std::nullopt;
    }
    bool good = true;
    for (const YAML::Node& item : list) {
      auto child = parse(item, depth + 1);
      if (child) {
        condition.children.push_back(std::move(*child));
      } else {
        good = false;
      }
    }
    return good ? std::optional<Condition>{std::move(condition)} : std::nullopt;
  }

  // An empty list would make a test that can never hold: surely a mistake.
  std::optional<std::vector<YAML::Node>> non_empty_list(const Field& field, std::string_view what) {
    auto items = m_reader.scalar_list(field.value, what);
    if (items && items->empty()) {
      m_reader.error(field.value, fmt::format("expected at least one value after '{}'", field.key));
      return std::nullopt;
    }
    return items;
  }

  std::optional<Condition> pressure(const Field& field) {
    auto items = non_empty_list(field, "a pressure");
    if (!items) {
      return std::nullopt;
    }
    Condition condition;
    condition.kind = Condition::Kind::pressure;
    condition.where = m_reader.where(field.key_node);
    bool good = true;
    for (const YAML::Node& item : *items) {
      if (auto value = parse_pressure(item.Scalar())) {
        condition.pressures.insert(*value);
      } else {
        m_reader.error(item, fmt::format("unknown pressure '{}': expected low, medium or firm{}", item.Scalar(),
                                         did_you_mean(item.Scalar(), pressure_spellings())));
        good = false;
      }
    }
    return good ? std::optional<Condition>{condition} : std::nullopt;
  }

  std::optional<Condition> number(const Field& field, NumericField numeric) {
    Condition condition;
    condition.kind = Condition::Kind::number;
    condition.field = numeric;
    condition.where = m_reader.where(field.key_node);
    if (field.value.IsScalar()) {
      auto value = m_reader.number(field.value, field.key);
      if (!value || !within_range(numeric, *value, field.value, field.key)) {
        return std::nullopt;
      }
      condition.comparison = Comparison::equals;
      condition.threshold = *value;
      return condition;
    }
    auto comparisons = m_reader.mapping(field.value, k_comparison_keys, fmt::format("a comparison of '{}'", field.key));
    if (!comparisons) {
      return std::nullopt;
    }
    if (comparisons->all().empty()) {
      if (field.value.size() == 0) { // otherwise its unknown keys were reported already
        m_reader.error(field.value, "expected a comparison such as 'at_least: 12'");
      }
      return std::nullopt;
    }
    std::vector<Condition> parts;
    for (const Field& comparison : comparisons->all()) {
      auto value = m_reader.number(comparison.value, comparison.key);
      if (!value || !within_range(numeric, *value, comparison.value, field.key)) {
        return std::nullopt;
      }
      Condition part = condition;
      part.comparison = comparison_of(comparison.key);
      part.threshold = *value;
      part.where = m_reader.where(comparison.key_node);
      parts.push_back(part);
    }
    if (parts.size() == 1) {
      return parts.front();
    }
    Condition all;
    all.kind = Condition::Kind::all;
    all.children = std::move(parts);
    all.where = condition.where;
    return all;
  }

  // A threshold no person can reach makes a rule that can never fire, or always does: refused,
  // with the range a profile can hold.
  bool within_range(NumericField numeric, double value, const YAML::Node& node, std::string_view key) {
    const auto [low, high, what] = numeric == NumericField::age         ? std::tuple{0.0, 130.0, "an age in years"}
                                   : numeric == NumericField::intensity ? std::tuple{0.0, 10.0, "a pain level"}
                                                                        : std::tuple{0.0, 5200.0, "a number of weeks"};
    if (value >= low && value <= high) {
      return true;
    }
    m_reader.error(node, fmt::format("{}: {:g} is not {} ({:g} to {:g})", key, value, what, low, high));
    return false;
  }

  static Comparison comparison_of(std::string_view key) {
    for (std::size_t i = 0; i < k_comparison_keys.size(); ++i) {
      if (k_comparison_keys[i] == key) {
        return static_cast<Comparison>(i);
      }
    }
    return Comparison::equals;
  }

  std::optional<Condition> concepts(const Field& field) {
    const bool any_kind = field.key == "mentions";
    const auto kind = any_kind ? ConceptKind::condition : *parse_concept_kind(field.key);
    auto items = non_empty_list(field, fmt::format("a {} id", field.key));
    if (!items) {
      return std::nullopt;
    }
    Condition condition;
    condition.kind = Condition::Kind::concept_;
    condition.concept_kind = kind;
    condition.any_kind = any_kind;
    condition.where = m_reader.where(field.key_node);
    bool good = true;
    for (const YAML::Node& item : *items) {
      if (auto id = resolve(item, kind, any_kind)) {
        condition.concepts.push_back(*id);
      } else {
        good = false;
      }
    }
    return good ? std::optional<Condition>{condition} : std::nullopt;
  }

  std::optional<ConceptId> resolve(const YAML::Node& item, ConceptKind kind, bool any_kind) {
    const std::string& name = item.Scalar();
    auto id = any_kind ? std::nullopt : m_rules.find_concept(kind, name);
    if (!id) {
      id = m_rules.find_concept(name);
    }
    if (id && (any_kind || m_rules.concepts()[*id].kind == kind)) {
      return id;
    }
    if (id) {
      m_reader.error(item, fmt::format("'{}' is {}, not {}", name, with_article(m_rules.concepts()[*id].kind),
                                       with_article(kind)));
      return std::nullopt;
    }
    std::vector<std::string> candidates;
    for (const Concept& entry : m_rules.concepts()) {
      if (any_kind || entry.kind == kind) {
        candidates.push_back(entry.id);
      }
    }
    m_reader.error(item, fmt::format("unknown {} '{}'{}{}", any_kind ? "concept" : to_string(kind), name,
                                     did_you_mean(name, candidates), m_rules.defined_with_errors(name)));
    return std::nullopt;
  }

  YamlReader& m_reader;
  const RuleSet& m_rules;
};

} // namespace

std::optional<Condition> parse_condition(YamlReader& reader, const YAML::Node& node, const RuleSet& rules) {
  return ConditionParser(reader, rules).parse(node, 0);
}

} // namespace backrelief
