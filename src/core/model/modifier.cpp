#include "core/model/modifier.hpp"

#include <array>

namespace backrelief {

namespace {

const std::array<std::string, 5> k_categories{"negated", "resolved", "someone-else", "hypothetical", "historical"};
const std::array<std::string, 5> k_directions{"forward", "backward", "both", "terminate", "pseudo"};
const std::array<std::string, 8> k_word_classes{"first-person",     "possessive",   "list-joiners", "list-fillers",
                                                "question-openers", "common-words", "definite",     "current"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

} // namespace

std::string_view to_string(ModifierCategory category) {
  return k_categories[static_cast<std::size_t>(category)];
}

std::string_view to_string(ModifierDirection direction) {
  return k_directions[static_cast<std::size_t>(direction)];
}

std::string_view to_string(WordClass word_class) {
  return k_word_classes[static_cast<std::size_t>(word_class)];
}

std::optional<ModifierCategory> parse_modifier_category(std::string_view text) {
  return parse_name<ModifierCategory>(k_categories, text);
}

std::optional<ModifierDirection> parse_modifier_direction(std::string_view text) {
  return parse_name<ModifierDirection>(k_directions, text);
}

std::optional<WordClass> parse_word_class(std::string_view text) {
  return parse_name<WordClass>(k_word_classes, text);
}

std::span<const std::string> modifier_category_names() {
  return k_categories;
}

std::span<const std::string> modifier_direction_names() {
  return k_directions;
}

std::span<const std::string> word_class_names() {
  return k_word_classes;
}

} // namespace backrelief
