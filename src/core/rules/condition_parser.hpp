#pragma once

#include "core/model/condition.hpp"
#include "core/rules/rule_set.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <optional>

namespace backrelief {

/// Converts a rule's `when` tree into a Condition, reporting every problem through the reader.
std::optional<Condition> parse_condition(YamlReader& reader, const YAML::Node& node, const RuleSet& rules);

/// How deep `all`/`any`/`not` may nest; deeper trees are refused, not walked.
inline constexpr int k_max_condition_depth = 32;

} // namespace backrelief
