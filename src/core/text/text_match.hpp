#pragma once

#include "core/model/concept.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace backrelief {

/// A concept found over tokens [first, last]: by a phrase, every token between; by a pattern,
/// the tokens in `taken` (a gap's words are not its own).
struct TextMatch {
  ConceptId concept_id = 0;
  std::size_t first = 0;
  std::size_t last = 0;
  bool fuzzy = false;
  bool by_pattern = false;
  std::uint32_t source = 0; ///< the phrase's trie node or the pattern's index
  std::vector<std::size_t> taken;

  [[nodiscard]] bool takes(std::size_t token) const {
    return by_pattern ? std::binary_search(taken.begin(), taken.end(), token) : token >= first && token <= last;
  }
};

/// Words of a description, as byte offsets: a cue that qualified a fact.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

} // namespace backrelief
