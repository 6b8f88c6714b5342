#include "core/model/concept.hpp"

#include <array>
#include <fmt/format.h>

namespace backrelief {

namespace {
const std::array<std::string, 8> k_kind_names{"area",    "goal", "condition", "symptom",
                                              "quality", "side", "context",   "red-flag"};
} // namespace

std::string_view to_string(ConceptKind kind) {
  return k_kind_names[static_cast<std::size_t>(kind)];
}

std::string with_article(ConceptKind kind) {
  const std::string_view name = to_string(kind);
  const bool vowel = name.front() == 'a' || name.front() == 'e' || name.front() == 'i' || name.front() == 'o';
  return fmt::format("{} {}", vowel ? "an" : "a", name);
}

std::optional<ConceptKind> parse_concept_kind(std::string_view text) {
  for (std::size_t i = 0; i < k_kind_names.size(); ++i) {
    if (k_kind_names[i] == text) {
      return static_cast<ConceptKind>(i);
    }
  }
  return std::nullopt;
}

std::span<const std::string> concept_kind_names() {
  return k_kind_names;
}

} // namespace backrelief
