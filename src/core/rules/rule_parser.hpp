#pragma once

#include "core/model/rule.hpp"
#include "core/rules/rule_set.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <optional>

namespace backrelief {

/// A rule as parsed, with the flag that says it may reuse an earlier id.
struct ParsedRule {
  Rule rule;
  bool replaces = false;
};

/// Converts one entry of `rules:` into a Rule, reporting every problem through the reader.
std::optional<ParsedRule> parse_rule(YamlReader& reader, const YAML::Node& node, const RuleSet& rules);

} // namespace backrelief
