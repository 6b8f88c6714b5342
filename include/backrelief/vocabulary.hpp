#pragma once

#include "backrelief/concept.hpp"
#include "backrelief/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace backrelief {

/// The phrases of every concept, compiled for matching descriptions: words are interned, phrases
/// form a trie over word ids, and a length index finds near-misses of misspelled words.
class Vocabulary {
public:
  /// Index of a distinct (stemmed) word.
  using WordId = std::uint32_t;

  /// A phrase found at the start of a word sequence.
  struct PhraseMatch {
    ConceptId concept_id = 0;
    std::size_t length = 0; ///< in words
  };

  /// Compiles the phrases of `concepts`; a phrase that means two concepts, or holds something
  /// other than words, is reported as a diagnostic at the phrase.
  static Vocabulary compile(const std::vector<Concept>& concepts, std::vector<Diagnostic>& diagnostics);

  /// The id of a lower-case text word, by its written form or its stem.
  [[nodiscard]] std::optional<WordId> find(std::string_view word) const;
  /// The id of the vocabulary word closest to a misspelled one: edit distance 1 for words of 5 to
  /// 7 letters, 2 from 8 letters, nothing for shorter words or words of the text's own grammar.
  [[nodiscard]] std::optional<WordId> find_misspelled(std::string_view word,
                                                      std::optional<WordId> other_than = std::nullopt) const;
  /// The longest phrase at the start of `words`.
  [[nodiscard]] std::optional<PhraseMatch> longest_phrase(std::span<const std::optional<WordId>> words) const;
  /// True when the concept is a red flag, which only a close, explicit negation suppresses.
  [[nodiscard]] bool is_red_flag(ConceptId id) const { return id < m_red_flags.size() && m_red_flags[id]; }
  /// Treats a concept as a red flag because a referral rule asks for it (e.g. a fever condition).
  void mark_red_flag(ConceptId id) {
    if (id < m_red_flags.size()) {
      m_red_flags[id] = true;
    }
  }
  /// Number of phrases compiled.
  [[nodiscard]] std::size_t phrase_count() const { return m_phrase_count; }

private:
  struct Node {
    std::unordered_map<WordId, std::uint32_t> children;
    std::optional<ConceptId> concept_id;
    SourceLocation where;
  };

  WordId intern(const std::string& written, bool fuzzy);

  std::unordered_map<std::string, WordId> m_written;
  std::unordered_map<std::string, WordId> m_stems;
  std::vector<std::vector<std::pair<std::string, WordId>>> m_by_length; // fuzzy candidates
  std::vector<Node> m_nodes{Node{}};
  std::size_t m_phrase_count = 0;
  WordId m_word_count = 0;
  std::vector<bool> m_red_flags; // by concept id
  std::unordered_set<std::string> m_exact_only;
};

} // namespace backrelief
