#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// A fixed sequence of words, such as "no sign of".
using WordSequence = std::vector<std::string>;

/// The lists of cues the analyser reads a description's grammar with.
enum class TriggerList : std::uint8_t {
  negation,       ///< before a term, negating it: "no", "without", "can't", "ruled out"... (NegEx)
  negation_after, ///< after a term, negating it: "went away", "is gone"...
  pseudo,         ///< look like negations but are not: "not only", "no change", "no idea why"...
  terminator,     ///< end a negation's scope: "but", "however", "although", "except"...
  family,         ///< make what follows someone else's: "my dad", "family history of"...
  hypothetical    ///< make what follows hypothetical: "what if", "in case"...
};
/// One list of cues.
std::span<const WordSequence> triggers(TriggerList list);
/// What a word can be, as bits: 1 << list for each cue list with a sequence that starts with it,
/// and the word classes below. Most words are none of it, and the analyser, which looks a word up
/// once, then skips comparing it with every cue and class.
std::uint16_t word_traits(std::string_view word);
/// Bits of word_traits() beyond the cue lists.
enum WordTrait : std::uint16_t {
  k_first_person_word = 1U << 8U,    ///< is_first_person()
  k_list_glue_word = 1U << 9U,       ///< may join list items: "and", "or", "nor", fillers such as "any"
  k_reporting_verb_word = 1U << 10U, ///< "noticed", "says", "told"...: a relative only reports it
  k_common_long_word = 1U << 11U     ///< is_common_word()
};
/// Words that bring the person back as the subject: "i", "im", "me"...
bool is_first_person(std::string_view word);
/// Words of the text's own grammar (negations, terminators, pronouns, conjunctions): never matched
/// as misspellings, and never matched through their stems.
bool is_grammar_word(std::string_view word);
/// Everyday words of five letters or more that are never read as misspellings ("light", "stuff").
bool is_common_word(std::string_view word);

} // namespace backrelief
