#pragma once

#include "core/model/concept.hpp"
#include "core/model/pattern.hpp"
#include "core/text/compiled_patterns.hpp"
#include "core/text/context_cues.hpp"
#include "core/text/known_words.hpp"
#include "core/text/pattern_matcher.hpp"
#include "core/util/diagnostic.hpp"
#include "core/util/shared_memo.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace backrelief {

/// The phrases of every concept, compiled for matching descriptions: words are interned, phrases
/// form a trie over word ids, and a length index finds near-misses of misspelled words.
class Vocabulary {
public:
  /// Index of a distinct (stemmed) word.
  using WordId = backrelief::WordId;

  /// A phrase found at the start of a word sequence.
  struct PhraseMatch {
    ConceptId concept_id = 0;
    std::size_t length = 0; ///< in words
    std::uint32_t node = 0; ///< the trie node it ends at, for phrase_where
  };

  /// Compiles the phrases and patterns of `concepts`, with the word sets they name, and the
  /// modifiers and word classes that read the grammar around them; a phrase that means two
  /// concepts, or holds something other than words, is reported as a diagnostic at the phrase.
  /// Past `max_entries` distinct words and phrase steps together (each costs a few hundred bytes
  /// in the tables) compiling stops with a diagnostic where the budget ran out.
  static Vocabulary compile(const std::vector<Concept>& concepts, const std::vector<WordSet>& word_sets,
                            ContextCues context, std::vector<Diagnostic>& diagnostics,
                            std::size_t max_entries = k_default_max_entries);
  /// Enough for twenty times the shipped rules (a test holds them to a twentieth of it).
  static constexpr std::size_t k_default_max_entries = 150000;
  /// What the budget of compile() counts: distinct words, phrase steps, pattern elements and patterns.
  [[nodiscard]] std::size_t entry_count() const;

  /// The id of a lower-case text word, by its written form or its stem.
  [[nodiscard]] std::optional<WordId> find(std::string_view word) const;
  /// The id of the vocabulary word closest to a misspelled one: edit distance 1 for words of 5 to
  /// 7 letters, 2 from 8 letters, nothing for shorter words or words of the text's own grammar.
  [[nodiscard]] std::optional<WordId> find_misspelled(std::string_view word,
                                                      std::optional<WordId> other_than = std::nullopt) const;
  /// The other vocabulary word that a known word (listed as a misspelling) is closest to, if any;
  /// remembered per written form, so one Vocabulary must not analyse on two threads at once.
  [[nodiscard]] std::optional<WordId> misspelling_of(WordId id, std::string_view written) const;
  /// The longest phrase at the start of `words`.
  [[nodiscard]] std::optional<PhraseMatch> longest_phrase(std::span<const std::optional<WordId>> words) const;
  /// The modifiers and word classes that read a description's grammar.
  [[nodiscard]] const ContextCues& context() const { return m_tables.context; }
  /// The kind of a concept.
  [[nodiscard]] ConceptKind kind(ConceptId id) const {
    return id < m_tables.kinds.size() ? m_tables.kinds[id] : ConceptKind::condition;
  }
  /// How old a mention of the concept may be and still count (Concept::counts_within_weeks).
  [[nodiscard]] double counts_within(ConceptId id) const {
    return id < m_tables.counts_within.size() ? m_tables.counts_within[id] : k_counts_as_written;
  }
  /// The concept that a mention too old to count means instead, if any.
  [[nodiscard]] std::optional<ConceptId> past(ConceptId id) const {
    return id < m_tables.past.size() ? m_tables.past[id] : std::nullopt;
  }
  /// The concept that another person's mention means for the person, if any.
  [[nodiscard]] std::optional<ConceptId> family(ConceptId id) const {
    return id < m_tables.family.size() ? m_tables.family[id] : std::nullopt;
  }
  /// True when the concept is a red flag, which only a close, explicit negation suppresses.
  [[nodiscard]] bool is_red_flag(ConceptId id) const {
    return id < m_tables.red_flags.size() && m_tables.red_flags[id];
  }
  /// Words that are spelled right and so are never read as misspellings.
  void use_known_words(std::shared_ptr<const KnownWords> words) { m_known_words = std::move(words); }
  /// True unless the concept says `fuzzy: false`: then a guessed misspelling may not complete it.
  [[nodiscard]] bool is_fuzzy(ConceptId id) const { return id >= m_tables.fuzzy.size() || m_tables.fuzzy[id]; }
  /// Treats a concept as a red flag because a referral rule asks for it (e.g. a fever condition).
  void mark_red_flag(ConceptId id) {
    if (id < m_tables.red_flags.size()) {
      m_tables.red_flags[id] = true;
    }
  }
  /// Treats a concept as stated even in a question, because an exclusion or caution asks for it.
  void mark_stated(ConceptId id) {
    if (id < m_tables.stated.size()) {
      m_tables.stated[id] = true;
    }
  }
  /// True for a concept that a question does not make hypothetical.
  [[nodiscard]] bool is_stated(ConceptId id) const { return id < m_tables.stated.size() && m_tables.stated[id]; }
  /// The patterns found in a text's words (see PatternMatcher::find).
  [[nodiscard]] std::vector<PatternHit> find_patterns(std::span<const std::optional<WordId>> words,
                                                      std::span<const std::optional<WordId>> exact,
                                                      std::span<const std::uint32_t> sentence,
                                                      const PatternMatcher::NegatedWords& negated = {}) const {
    return m_matcher.find(m_tables.patterns, words, exact, sentence, m_tables.red_flags, negated);
  }
  /// The id that stands for any number in patterns ("#"), if a pattern uses it.
  [[nodiscard]] std::optional<WordId> any_number() const { return m_tables.patterns.any_number; }
  /// The exact form ("=legs") of a text word whose id is `id`, if patterns use one.
  [[nodiscard]] std::optional<WordId> exact_form(WordId id, std::string_view written) const;
  /// Where the phrase that ends at a trie node was written.
  [[nodiscard]] const SourceLocation& phrase_where(std::uint32_t node) const { return m_tables.nodes.at(node).where; }
  /// The compiled patterns, for explaining a hit.
  [[nodiscard]] const CompiledPatterns& patterns() const { return m_tables.patterns; }
  /// Number of phrases compiled.
  [[nodiscard]] std::size_t phrase_count() const { return m_tables.phrase_count; }

  /// The compiled tables, plain data: what the rule cache stores so a warm start skips compiling.
  struct Tables {
    struct Node {
      std::unordered_map<WordId, std::uint32_t> children;
      std::optional<ConceptId> concept_id;
      SourceLocation where;
    };
    struct Candidate {
      std::string written;
      WordId id = 0;
      std::uint32_t letters = 0; ///< one bit per letter used, to skip most candidates cheaply
    };
    std::unordered_map<std::string, WordId> written; ///< words by their written form
    std::unordered_map<std::string, WordId> stems;   ///< words by their stem
    std::vector<std::vector<Candidate>> by_length;   ///< misspelling targets by length
    std::vector<Node> nodes{Node{}};                 ///< the phrase trie; nodes[0] is its root
    std::size_t phrase_count = 0;
    WordId word_count = 0;
    std::vector<bool> red_flags;                  ///< by concept id
    std::vector<bool> fuzzy;                      ///< by concept id
    std::vector<bool> stated;                     ///< by concept id
    std::vector<ConceptKind> kinds;               ///< by concept id
    std::vector<double> counts_within;            ///< by concept id: Concept::counts_within_weeks
    std::vector<std::optional<ConceptId>> past;   ///< by concept id: what a mention too old means instead
    std::vector<std::optional<ConceptId>> family; ///< by concept id: what another person's mention means
    CompiledPatterns patterns;
    ContextCues context;
  };

  Vocabulary() = default;
  /// A vocabulary with tables compiled before (read back from the rule cache).
  explicit Vocabulary(Tables tables) : m_tables(std::move(tables)), m_matcher(m_tables.patterns) {}
  /// The compiled tables, for storing them.
  [[nodiscard]] const Tables& tables() const { return m_tables; }

private:
  WordId intern(const std::string& written);
  /// True, after reporting it at `where`, once the tables hold more than m_max_entries.
  bool over_budget(const SourceLocation& where, std::vector<Diagnostic>& diagnostics);
  void compile_patterns(const std::vector<Concept>& concepts, const std::vector<WordSet>& word_sets,
                        std::vector<Diagnostic>& diagnostics);
  std::optional<std::vector<WordId>> intern_words(const std::string& text);
  WordId intern_exact(const std::string& written);
  [[nodiscard]] std::optional<WordId> find_by_stem(std::string_view word) const;
  [[nodiscard]] std::optional<WordId> closest(std::string_view word, std::size_t typos,
                                              std::optional<WordId> other_than) const;

  Tables m_tables;
  std::size_t m_max_entries = k_default_max_entries; ///< while compiling
  PatternMatcher m_matcher;
  std::shared_ptr<const KnownWords> m_known_words;
  // Each remembered lookup costs a few dozen bytes; a megabyte of new words cannot grow memory
  // past this many.
  static constexpr std::size_t k_max_remembered_lookups = std::size_t{1} << 16U;
  SharedMemo<std::optional<WordId>> m_misspelling_of{k_max_remembered_lookups}; // by written form, as seen
  SharedMemo<std::optional<WordId>> m_misspelled{k_max_remembered_lookups};     // find_misspelled, as seen
  SharedMemo<std::optional<WordId>> m_found_by_stem{k_max_remembered_lookups};  // find past the written forms
};

} // namespace backrelief
