#include "core/rules/replacement.hpp"

#include "core/util/edit_distance.hpp"

#include <fmt/format.h>

namespace backrelief {

bool allowed_by_replacement_policy(YamlReader& reader, const YAML::Node& node, const Definition& definition,
                                   const std::function<std::vector<std::string>()>& known_ids) {
  if (definition.earlier != nullptr && !definition.replaces) {
    reader.error(node, fmt::format("duplicate {} id '{}' (first defined at {}); add 'replaces: true' to replace it",
                                   definition.what, definition.id, to_string(*definition.earlier)));
    return false;
  }
  if (definition.earlier == nullptr && definition.replaces) {
    reader.error(node, fmt::format("{} '{}' says 'replaces: true' but no earlier {} has that id{}", definition.what,
                                   definition.id, definition.what, did_you_mean(definition.id, known_ids())));
    return false;
  }
  return true;
}

} // namespace backrelief
