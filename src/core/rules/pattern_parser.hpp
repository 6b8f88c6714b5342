#pragma once

#include "core/model/pattern.hpp"
#include "core/rules/rule_set.hpp"
#include "core/text/wordnet.hpp"
#include "core/yaml/yaml_reader.hpp"

#include <optional>
#include <vector>

namespace backrelief {

/// The most words a gap ("...3") may skip, and the most other words among the elements of a
/// `near` pattern: a pattern reaches across a few words of one clause, never across a text.
inline constexpr int k_max_pattern_gap = 8;
inline constexpr int k_max_pattern_within = 12;
/// The most elements a pattern may have.
inline constexpr std::size_t k_max_pattern_elements = 8;

/// Reads the `patterns:` list of a concept or vocabulary entry; each problem is reported at its
/// place and the pattern left out.
bool read_patterns(YamlReader& reader, const YAML::Node& node, std::vector<Pattern>& out);

/// Reads one entry of `word-sets:` and adds (or, with `replaces: true`, replaces) it. A member may
/// name a WordNet sense (`{wordnet: buttocks.n.01, hyponyms: 1, except: [can, seat]}`), expanded
/// here from `wordnet`, which opens the database only when a file names one.
void define_word_set(YamlReader& reader, const YAML::Node& node, RuleSet& rules, const WordNetSource& wordnet);

/// Reports every pattern element that names a word set no file defines, with a "did you mean".
void check_pattern_sets(const RuleSet& rules, std::vector<Diagnostic>& diagnostics);

} // namespace backrelief
