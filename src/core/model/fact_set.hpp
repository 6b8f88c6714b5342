#pragma once

#include "core/model/concept.hpp"

#include <bit>
#include <cstdint>
#include <vector>

namespace backrelief {

/// The concepts a profile affirms, one bit per concept of the rule set.
class FactSet {
public:
  FactSet() = default;
  /// An empty set able to hold `size` concepts.
  explicit FactSet(std::size_t size) : m_words((size + 63) / 64, 0) {}

  /// Marks a concept as present.
  void insert(ConceptId id) {
    if (id / 64 >= m_words.size()) {
      m_words.resize(id / 64 + 1, 0);
    }
    m_words[id / 64] |= std::uint64_t{1} << (id % 64);
  }
  /// True when the concept is present.
  [[nodiscard]] bool contains(ConceptId id) const {
    return id / 64 < m_words.size() && ((m_words[id / 64] >> (id % 64)) & 1U) != 0;
  }

  /// Calls `visit` with each concept present, lowest id first.
  template <typename Visit>
  void for_each(Visit visit) const {
    for (std::size_t word = 0; word < m_words.size(); ++word) {
      for (std::uint64_t bits = m_words[word]; bits != 0; bits &= bits - 1) {
        visit(static_cast<ConceptId>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
      }
    }
  }

private:
  std::vector<std::uint64_t> m_words;
};

} // namespace backrelief
