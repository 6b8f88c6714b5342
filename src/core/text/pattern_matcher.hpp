#pragma once

#include "core/text/compiled_patterns.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

namespace backrelief {

/// A pattern found in a text: which one, and the word positions its elements took (gaps and
/// near-by words it let stand among them are not its own).
struct PatternHit {
  std::uint32_t pattern = 0;
  std::vector<std::uint32_t> positions; ///< ascending
};

/// Finds the patterns of a vocabulary in a text's words, like spaCy's Matcher with a bounded
/// wildcard and Elasticsearch's span_near, inside one clause: a sentence end or a member of the
/// "clause-breaks" set ends one. Where hits overlap, a report-only concept's wins, then a red
/// flag's, then the one with the most words.
class PatternMatcher {
public:
  PatternMatcher() = default;
  /// Indexes `patterns` by each set's first words and each pattern's first element.
  explicit PatternMatcher(const CompiledPatterns& patterns);

  /// The hits in `words` (one entry per word or number of the text, empty where the vocabulary
  /// does not know it); `exact` holds a word's exact form where it has one ("=legs");
  /// `sentence` numbers the sentence each word is in, non-decreasing; `red_flags` says, by
  /// concept id, which concepts are red flags, whose hits win over others on shared words.
  [[nodiscard]] std::vector<PatternHit> find(const CompiledPatterns& patterns,
                                             std::span<const std::optional<WordId>> words,
                                             std::span<const std::optional<WordId>> exact,
                                             std::span<const std::uint32_t> sentence,
                                             const std::vector<bool>& red_flags = {}) const;

  /// True when no pattern is defined, so a text needs no search.
  [[nodiscard]] bool empty() const { return m_by_anchor.empty(); }

private:
  struct Member {
    std::uint32_t set = 0;
    std::uint32_t member = 0;
  };
  std::unordered_map<WordId, std::vector<Member>> m_by_first_word;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_by_anchor; ///< patterns by first set
};

} // namespace backrelief
