#pragma once

#include "core/rules/rule_set.hpp"
#include "core/yaml/yaml_reader.hpp"

namespace backrelief {

/// Reads one entry of `traits:` and adds (or, with `replaces: true`, replaces) it.
void define_trait(YamlReader& reader, const YAML::Node& node, RuleSet& rules);

/// Reads one entry of `techniques:` and adds (or, with `replaces: true`, replaces) it.
void define_technique(YamlReader& reader, const YAML::Node& node, RuleSet& rules);

/// Reads one entry of `concepts:` and adds (or, with `replaces: true`, replaces) it.
void define_concept(YamlReader& reader, const YAML::Node& node, RuleSet& rules);

/// Reads one entry of `vocabulary:` and adds its phrases to an existing concept.
void add_vocabulary(YamlReader& reader, const YAML::Node& node, RuleSet& rules);

} // namespace backrelief
