#pragma once

#include "core/model/question.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <optional>

namespace backrelief {

class RuleSet;

/// A question read from `questions:`, and whether it said `replaces: true`.
struct ParsedQuestion {
  Question question;
  bool replaces = false;
};

/// Reads one entry of `questions:`. A warning sign names the facts a yes affirms with the keys
/// of a rule's `when` ({red-flag: saddle-numbness}); every concept must exist in `rules`.
std::optional<ParsedQuestion> read_question(YamlReader& reader, const YAML::Node& node, const RuleSet& rules);

/// Reads one entry of `safety-net:`: {level: urgent, say: "See a doctor the same day if you notice"}.
std::optional<SafetyNetLine> read_safety_net_line(YamlReader& reader, const YAML::Node& node);

} // namespace backrelief
