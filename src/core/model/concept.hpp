#pragma once

#include "core/model/pattern.hpp"
#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// Index of a concept in its rule set.
using ConceptId = std::uint32_t;

/// The kinds of fact a profile can hold; each is also a condition key in rules.
enum class ConceptKind : std::uint8_t { area, goal, condition, symptom, quality, side, context, red_flag };

/// The spelling used in rule files: "area", "goal", "condition", "symptom", "quality", "side",
/// "context", "red-flag".
std::string_view to_string(ConceptKind kind);

/// The kind with its article, for sentences: "an area", "a goal".
std::string with_article(ConceptKind kind);

/// Reads a kind name as rule files spell it.
std::optional<ConceptKind> parse_concept_kind(std::string_view text);

/// Every kind name, for messages and suggestions.
std::span<const std::string> concept_kind_names();

/// Words that mean a concept in a description, as written in a rule file.
struct Phrase {
  std::string text;
  SourceLocation where;
};

/// Another concept named by id in a rule file, with where it was named.
struct ConceptLink {
  std::string id; ///< empty: none
  SourceLocation where;
};

/// Concept::counts_within_weeks when the rule file says nothing: time is not read.
inline constexpr double k_counts_as_written = -1;
/// Concept::counts_within_weeks for `counts: ever`.
inline constexpr double k_counts_ever = 1e9;

/// Something a profile can state about a person: an area, a goal, a condition...
struct Concept {
  std::string id;                            ///< stable identifier, e.g. "blood-thinners"
  ConceptKind kind = ConceptKind::condition; ///< which fact it is a value of
  std::string name;                          ///< readable name, e.g. "taking blood thinners"
  std::vector<std::string> aliases;          ///< other accepted identifiers on the command line
  std::vector<Phrase> phrases;               ///< words that mean it in a description
  bool fuzzy = true;                         ///< whether misspelled phrases still match
  bool report_only = false;                  ///< shown by analyze, used by no rule on purpose
  SourceLocation origin;                     ///< where it was defined
  std::vector<Pattern> patterns;             ///< looser forms of those words: sets, gaps, nearness
  /// How old a mention may be and still count, in weeks: k_counts_as_written (the default) reads
  /// no time at all; k_counts_ever keeps a history however old, even one that cleared up ("breast
  /// cancer in 2008, all clear"); a number sets aside anything older ("a fever in 1999").
  double counts_within_weeks = k_counts_as_written;
  /// What a mention older than that means instead: a past clot is a clotting history.
  ConceptLink past;
  /// What another person's mention means for the person: a parent's spondylitis is a family history.
  ConceptLink family;
  /// Only a hint that a warning sign is possible (a question's `hints`): its pattern hits share
  /// every word with the other concepts' and take none from them.
  bool hint = false;
};

} // namespace backrelief
