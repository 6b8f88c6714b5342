#pragma once

#include "core/text/compiled_patterns.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace backrelief {

/// A pattern found in a text: which one, and the word positions its elements took (gaps and
/// near-by words it let stand among them are not its own).
struct PatternHit {
  std::uint32_t pattern = 0;
  std::vector<std::uint32_t> positions; ///< ascending
};

/// What a text holds for `only-near` and `not-near`: where each clause begins and ends, and the
/// words of the sets they name, by set and in order. Found for a text when a hit first asks.
struct ConstraintWords {
  std::vector<std::uint32_t> clause_begin; ///< by position: where its clause begins
  std::vector<std::uint32_t> clause_end;   ///< by position: one past where its clause ends
  std::vector<std::uint32_t> start;        ///< by set: where its words begin in `positions`
  std::vector<std::uint32_t> positions;    ///< the words' positions, grouped by set, ascending
};

/// Finds the patterns of a vocabulary in a text's words, like spaCy's Matcher with a bounded
/// wildcard and Elasticsearch's span_near, inside one clause: a sentence end or a member of the
/// "clause-breaks" set ends one. Where hits overlap, a report-only concept's wins, then a red
/// flag's, then the one with the most words.
class PatternMatcher {
public:
  /// Says whether the text negates the word at a position.
  using NegatedWords = std::function<bool(std::uint32_t position)>;

  PatternMatcher() = default;
  /// Indexes `patterns` by each set's first words and each pattern's first element.
  explicit PatternMatcher(const CompiledPatterns& patterns);

  /// The hits in `words` (one entry per word or number of the text, empty where the vocabulary
  /// does not know it); `exact` holds a word's exact form where it has one ("=legs");
  /// `sentence` numbers the sentence each word is in, non-decreasing; `red_flags` says, by
  /// concept id, which concepts are red flags, whose hits win over others on shared words;
  /// `negated_words`, when given, is asked whether a word an `only-near` or a `not-near` finds
  /// close to a hit is negated: such a word counts for neither.
  ///
  /// Time is proportional to the number of words for a given set of patterns: a sequence tries
  /// each of its steps at most once at each position after its first word, a `near` tries at most
  /// a fixed number of placements of its elements, and a constraint is a few binary searches.
  [[nodiscard]] std::vector<PatternHit>
  find(const CompiledPatterns& patterns, std::span<const std::optional<WordId>> words,
       std::span<const std::optional<WordId>> exact, std::span<const std::uint32_t> sentence,
       const std::vector<bool>& red_flags = {}, const NegatedWords& negated_words = {}) const;

  /// True when no pattern is defined, so a text needs no search.
  [[nodiscard]] bool empty() const { return m_anchored.empty(); }

  /// True when a pattern uses an exact form of the word with this id ("=legs" of "leg").
  [[nodiscard]] bool has_exact_form(WordId id) const { return id < m_has_exact.size() && m_has_exact[id]; }

private:
  struct Member {
    std::uint32_t set = 0;
    std::uint32_t length = 0; ///< in words
    std::uint32_t words = 0;  ///< where its words begin in m_member_words
  };
  // Flat tables indexed by word id and by set, built once: a text's words are looked up in them
  // many times a second.
  std::vector<std::uint32_t> m_first_word_start; ///< by word id: where its members begin in m_members
  std::vector<Member> m_members;                 ///< set members, grouped by their first word
  std::vector<WordId> m_member_words;            ///< every member's words, one after another
  std::vector<std::uint32_t> m_anchor_start;     ///< by set: where its patterns begin in m_anchored
  std::vector<std::uint32_t> m_anchored;         ///< patterns, grouped by the set of their first element
  std::vector<std::uint32_t> m_required_start;   ///< by pattern: where its required sets begin
  std::vector<std::uint32_t> m_required;         ///< sets a pattern cannot match without
  std::vector<bool> m_clause_break;              ///< by word id
  std::vector<bool> m_has_exact;                 ///< by word id
  std::vector<std::uint32_t>
      m_rule_span;                    ///< by pattern: how far a sequence with gaps or optional elements reaches; else 0
  std::vector<bool> m_constraint_set; ///< by set: named by an `only-near` or a `not-near`
  // Room reused from text to text, so a batch does not allocate for each line. There is one per
  // thread, shared by every matcher it runs (a search uses it only while it runs), so that many
  // threads may search with one matcher at once.
  struct Scratch {
    std::vector<std::uint32_t> clause;
    std::vector<std::uint32_t> start;
    std::vector<std::uint32_t> taken;
    std::vector<char> present;
    ConstraintWords companions;
    std::vector<std::uint32_t> failed; ///< by (step, offset): the search that found it fails there
    std::uint32_t generation = 0;
  };
};

} // namespace backrelief
