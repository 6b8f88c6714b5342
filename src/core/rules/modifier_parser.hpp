#pragma once

#include "core/model/modifier.hpp"
#include "core/model/number_words.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <optional>

namespace backrelief {

/// The most tokens a modifier's scope may reach, and the most words in one cue.
inline constexpr int k_max_modifier_scope = 20;
inline constexpr std::size_t k_max_cue_words = 6;

/// Reads one entry of `modifiers:`; each problem is reported at its place and the entry left out.
std::optional<Modifier> read_modifier(YamlReader& reader, const YAML::Node& node);

/// Reads one entry of `word-classes:` ({class: first-person, words: [i, me]}).
std::optional<WordClassWords> read_word_class(YamlReader& reader, const YAML::Node& node);

/// Reads one entry of `number-words:`: {role: event, words: [surgery, operation]}, or for a count
/// or a unit a mapping of each word to its value ({role: unit, words: {days: 1d, months: 1m}}).
std::optional<NumberWords> read_number_words(YamlReader& reader, const YAML::Node& node);

} // namespace backrelief
