#pragma once

#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// A definition of a technique, concept or rule, checked against what came before it.
struct Definition {
  std::string_view what;                   ///< "technique", "concept" or "rule"
  std::string_view id;                     ///< the id it defines
  const SourceLocation* earlier = nullptr; ///< where that id was defined before, or null
  bool replaces = false;                   ///< it says `replaces: true`
};

/// The one policy for an id defined twice (backrelief-rules(5), `replaces`): a second definition
/// must say `replaces: true`, and `replaces: true` needs an earlier definition to replace.
/// Reports a breach at `node`, with a "did you mean" among `known_ids` (asked for only then),
/// and returns false; true when the definition may be added or may replace the earlier one.
bool allowed_by_replacement_policy(YamlReader& reader, const YAML::Node& node, const Definition& definition,
                                   const std::function<std::vector<std::string>()>& known_ids);

} // namespace backrelief
