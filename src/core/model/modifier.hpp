#pragma once

#include "core/model/concept.hpp"
#include "core/util/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// What a modifier says about the concepts in its scope (the categories of ConText, Harkema et
/// al. 2009).
enum class ModifierCategory : std::uint8_t {
  negated,      ///< "no numbness", "not numb"
  resolved,     ///< "the numbness went away"
  someone_else, ///< "my dad had cancer"
  hypothetical, ///< asked, feared or imagined: "what if I get numbness?"
  historical    ///< in the past: "as a kid", "years ago"
};

/// Which way a modifier reaches from its cue, or what its cue does instead.
enum class ModifierDirection : std::uint8_t {
  forward,   ///< the concepts after the cue
  backward,  ///< the concepts just before the cue
  both,      ///< either side
  terminate, ///< ends the scopes open before it
  pseudo     ///< looks like a cue but is none: "no change", "not only"
};

/// A scope or a reach in tokens; k_clause means up to the end of the clause.
inline constexpr int k_clause = -1;

/// A ConText modifier as written in a rule file: cue words, what they mean and how far they reach.
struct Modifier {
  std::vector<std::string> cues; ///< words or short phrases, lower case as the tokenizer leaves them
  std::vector<SourceLocation> cue_where;
  std::optional<ModifierCategory> category; ///< none for terminate and pseudo
  ModifierDirection direction = ModifierDirection::forward;
  int scope = k_clause;                ///< how many tokens it reaches, or the clause
  int red_flag_scope = 0;              ///< within how many tokens it clears a red flag; 0: never
  std::vector<ConceptKind> applies_to; ///< only concepts of these kinds; empty: every kind
  std::vector<ModifierCategory> ends;  ///< terminate: only these scopes; empty: every scope
  std::vector<std::string> not_before; ///< the cue is none when one of these words follows it
  bool not_before_a_concept = false;   ///< the cue is none when a concept follows it ("gone numb")
  bool only_in_questions = false;      ///< a cue only in a question: "can massage cause a clot?"
  bool only_before_a_concept = false;  ///< the cue counts only when a concept follows it ("her groin")
  bool needs_a_speaker = false;        ///< the cue counts only where the text says "I" or "my" somewhere
  SourceLocation where;
};

/// The word classes the analyser's grammar uses, each a list of words in a rule file.
enum class WordClass : std::uint8_t {
  first_person,     ///< "i", "me": the person speaking again
  possessive,       ///< "my", "mine": the person's own
  list_joiners,     ///< "and", "or": join the items of a list
  list_fillers,     ///< "any", "the": may stand among the items of a list
  question_openers, ///< "is", "could": a sentence that opens with one and ends in '?' asks
  common_words,     ///< everyday words never read as misspellings ("light", "stuff")
  definite,         ///< "the", "my": what follows exists, so a question about it still reports it
  current           ///< "still", "again": an old thing that goes on now
};

/// The words of one class, as written in a rule file.
struct WordClassWords {
  WordClass word_class = WordClass::first_person;
  std::vector<std::string> words;
  std::vector<SourceLocation> word_where;
  SourceLocation where;
};

/// The spelling used in rule files: "negated", "resolved", "someone-else"...
std::string_view to_string(ModifierCategory category);
std::string_view to_string(ModifierDirection direction);
std::string_view to_string(WordClass word_class);
std::optional<ModifierCategory> parse_modifier_category(std::string_view text);
std::optional<ModifierDirection> parse_modifier_direction(std::string_view text);
std::optional<WordClass> parse_word_class(std::string_view text);
std::span<const std::string> modifier_category_names();
std::span<const std::string> modifier_direction_names();
std::span<const std::string> word_class_names();

} // namespace backrelief
