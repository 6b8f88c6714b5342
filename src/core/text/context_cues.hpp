#pragma once

#include "core/model/modifier.hpp"
#include "core/model/number_words.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace backrelief {

/// The most modifiers one rule set may define: each word records in one 64-bit mask which
/// modifiers have a cue that starts with it.
inline constexpr std::size_t k_max_modifiers = 64;

/// The modifiers and word classes of a rule set, compiled for reading a description's grammar.
class ContextCues {
public:
  /// A cue split into words, with the modifier it belongs to.
  struct Cue {
    std::vector<std::string> words;
    std::uint32_t modifier = 0;
  };
  /// What one word can be: the modifiers with a cue that starts with it, those cues, and its
  /// word classes.
  struct WordInfo {
    std::uint64_t starts = 0;
    std::uint32_t first_cue = 0; ///< where its cues start in the cues by first word
    std::uint32_t cue_count = 0;
    std::uint8_t classes = 0; ///< one bit per WordClass
  };

  ContextCues() = default;
  /// Compiles modifiers (at most k_max_modifiers; the loader checks), word classes and the
  /// words that read numbers.
  ContextCues(std::vector<Modifier> modifiers, std::vector<WordClassWords> word_classes,
              std::vector<NumberWords> number_words = {});

  [[nodiscard]] const std::vector<Modifier>& modifiers() const { return m_modifiers; }
  [[nodiscard]] const std::vector<WordClassWords>& word_classes() const { return m_word_classes; }
  [[nodiscard]] const std::vector<NumberWords>& number_words() const { return m_number_words; }
  /// The number a count word stands for ("three": 3, "a few": 3).
  [[nodiscard]] std::optional<double> count_value(std::string_view word) const;
  /// The weeks a unit of time stands for ("months": 52/12).
  [[nodiscard]] std::optional<double> unit_weeks(std::string_view word) const;
  /// The first year of the decade of life a word names ("sixties": 60).
  [[nodiscard]] std::optional<double> decade_start(std::string_view word) const;
  /// True when the word has this role (NumberRole::some, event, measure, not_an_age, season).
  [[nodiscard]] bool has_role(std::string_view word, NumberRole role) const;
  /// The cues of one modifier, longest first.
  [[nodiscard]] std::span<const Cue> cues(std::size_t modifier) const { return m_cues.at(modifier); }
  /// The cues that start with a word (its WordInfo), longest first, then in the order of their
  /// modifiers: the first that fits is the longest, as a text is read.
  [[nodiscard]] std::span<const Cue> cues_starting(const WordInfo& info) const {
    return std::span<const Cue>(m_by_first_word).subspan(info.first_cue, info.cue_count);
  }
  /// What a word can be; most words are nothing, found with one lookup.
  [[nodiscard]] WordInfo info(std::string_view word) const;
  [[nodiscard]] static bool has(WordInfo info, WordClass word_class) {
    return (info.classes & class_bit(word_class)) != 0;
  }
  [[nodiscard]] bool in_class(std::string_view word, WordClass word_class) const { return has(info(word), word_class); }
  /// Words of the text's own grammar (the first words of negations and terminators, the person's
  /// own pronouns, the words of lists): never matched as misspellings, nor through their stems.
  [[nodiscard]] bool is_grammar_word(std::string_view word) const;
  /// True when a negation has a cue that starts with this word: words without one negate nothing.
  [[nodiscard]] bool may_start_negation(std::string_view word) const {
    return (info(word).starts & m_negation_modifiers) != 0;
  }
  /// Everyday words never read as misspellings.
  [[nodiscard]] bool is_common_word(std::string_view word) const { return in_class(word, WordClass::common_words); }
  /// True when no modifier is defined: nothing would be read as negated or asked.
  [[nodiscard]] bool empty() const { return m_modifiers.empty(); }

  static constexpr std::uint8_t class_bit(WordClass word_class) {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(word_class));
  }

private:
  void index_by_first_word();

  std::vector<Modifier> m_modifiers;
  std::vector<WordClassWords> m_word_classes;
  std::vector<NumberWords> m_number_words;
  /// What a word says about numbers: its roles, and its count or span where it has one.
  struct NumberWordInfo {
    std::uint16_t roles = 0; ///< one bit per NumberRole
    double count = 0;
    double weeks = 0;
    double decade = 0;
  };
  std::vector<std::vector<Cue>> m_cues;
  std::vector<Cue> m_by_first_word; ///< every cue, grouped by first word (WordInfo::first_cue)
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };
  std::unordered_map<std::string, WordInfo, WordHash, std::equal_to<>> m_words;
  std::unordered_map<std::string, NumberWordInfo, WordHash, std::equal_to<>> m_numbers;
  [[nodiscard]] const NumberWordInfo* number_info(std::string_view word) const;
  std::uint64_t m_grammar_modifiers = 0;  ///< negations and terminators
  std::uint64_t m_negation_modifiers = 0; ///< negations, in any direction
};

} // namespace backrelief
