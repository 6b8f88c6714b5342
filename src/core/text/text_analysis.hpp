#pragma once

#include "core/model/concept.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

class Vocabulary;

/// A concept found in a description, with the words it came from and how it was meant.
struct TextFact {
  ConceptId concept_id = 0;
  std::string from;                ///< the words as written
  std::size_t begin = 0;           ///< byte offset of the words in the description
  std::size_t end = 0;             ///< byte offset just past them
  bool negated = false;            ///< "no numbness"
  bool resolved = false;           ///< had, but no more: "the numbness went away"
  bool family = false;             ///< someone else's: "my dad had cancer"
  bool hypothetical = false;       ///< asked or imagined, not reported: "what if I get numbness?"
  bool historical = false;         ///< long past, not now: "I broke my wrist as a kid"
  bool fuzzy = false;              ///< matched despite a misspelling
  bool by_pattern = false;         ///< found by a pattern of the concept rather than one of its phrases
  std::uint32_t source = 0;        ///< the pattern's index, or the phrase's node (Vocabulary::phrase_where)
  std::string qualifier;           ///< the words that negated it, resolved it, made it someone else's, asked or past
  std::optional<double> weeks_ago; ///< when it happened, where the words say and its concept reads time
  std::string when;                ///< the words that say when
  /// The concept whose mention this fact stands for, when that mention did not count: too long
  /// ago (a past clot is a clotting history) or someone else's (a parent's spondylitis is a
  /// family history); `stands_for_family` says which.
  std::optional<ConceptId> stands_for;
  bool stands_for_family = false;

  /// True when the person reports it as theirs and current: none of the above.
  [[nodiscard]] bool affirmed() const { return !negated && !resolved && !family && !hypothetical && !historical; }
};

/// A number read from a description, with the words it came from.
struct TextNumber {
  double value = 0;
  std::string from;
  std::string over; ///< the words of another reading set aside for this plainer one, if any
};

/// Everything understood from one description.
struct TextAnalysis {
  std::vector<TextFact> facts;              ///< in the order they appear
  std::optional<TextNumber> age;            ///< years
  std::optional<TextNumber> duration_weeks; ///< how long the pain has lasted
  std::optional<TextNumber> intensity;      ///< pain on a 0-10 scale
};

/// The longest description accepted (make_profile refuses longer ones); analyze_text cuts longer
/// text at a word boundary before this, so its time and memory stay bounded whatever it is given.
inline constexpr std::size_t k_max_description_bytes = std::size_t{1024} * 1024;

/// Understands a description with a compiled vocabulary. `year` is the year it was written, so
/// that "in 2019" has an age; 0 when unknown, and then a year alone dates nothing.
TextAnalysis analyze_text(std::string_view text, const Vocabulary& vocabulary, int year = 0);

} // namespace backrelief
