#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// A fixed sequence of words, such as "no sign of".
using WordSequence = std::vector<std::string>;

/// Words before a term that negate it: "no", "without", "can't", "ruled out"... (NegEx).
std::span<const WordSequence> negation_triggers();
/// Words after a term that negate it: "went away", "is gone"...
std::span<const WordSequence> negation_after_triggers();
/// Sequences that look like negations but are not: "not only", "no change", "no idea why"...
std::span<const WordSequence> pseudo_negations();
/// Words that end a negation's scope: "but", "however", "although", "except"...
std::span<const WordSequence> scope_terminators();
/// Words that make what follows someone else's: "my dad", "family history of"...
std::span<const WordSequence> family_triggers();
/// Words that make what follows hypothetical: "what if", "in case"...
std::span<const WordSequence> hypothetical_triggers();
/// The lists of cues above, named.
enum class TriggerList : std::uint8_t { negation, negation_after, pseudo, terminator, family, hypothetical };
/// One list of cues.
std::span<const WordSequence> triggers(TriggerList list);
/// What a word can be, as bits: 1 << list for each cue list with a sequence that starts with it,
/// and the word classes below. Most words are none of it, and the analyser, which looks a word up
/// once, then skips comparing it with every cue and class.
std::uint16_t word_traits(std::string_view word);
/// Bits of word_traits() beyond the cue lists.
enum WordTrait : std::uint16_t {
  k_first_person_word = 1U << 8U,    ///< is_first_person()
  k_list_glue_word = 1U << 9U,       ///< is_list_glue()
  k_reporting_verb_word = 1U << 10U, ///< "noticed", "says", "told"...: a relative only reports it
  k_common_long_word = 1U << 11U     ///< is_common_word()
};
/// Words that bring the person back as the subject: "i", "im", "me"...
bool is_first_person(std::string_view word);
/// Words that may join list items: "and", "or", "nor", and fillers such as "any".
bool is_list_glue(std::string_view word);
/// Words of the text's own grammar (negations, terminators, pronouns, conjunctions): never matched
/// as misspellings, and never matched through their stems.
bool is_grammar_word(std::string_view word);
/// Everyday words of five letters or more that are never read as misspellings ("light", "stuff").
bool is_common_word(std::string_view word);

} // namespace backrelief
