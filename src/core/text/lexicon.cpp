#include "core/text/lexicon.hpp"

#include <array>
#include <unordered_map>

namespace backrelief {

namespace {

// Written as the tokenizer leaves words: lower case, apostrophes removed ("don't" is "dont").
const std::vector<WordSequence> k_negation_triggers{
    {"no"},           {"not"},        {"without"},       {"never"},
    {"denies"},       {"deny"},       {"absence", "of"}, {"no", "sign", "of"},
    {"free", "of"},   {"dont"},       {"doesnt"},        {"didnt"},
    {"isnt"},         {"wasnt"},      {"arent"},         {"werent"},
    {"cant"},         {"cannot"},     {"none"},          {"no", "longer"},
    {"havent"},       {"hasnt"},      {"hadnt"},         {"never", "had"},
    {"ruled", "out"}, {"nor"},        {"neither"},       {"nothing"},
    {"zero"},         {"do", "not"},  {"does", "not"},   {"did", "not"},
    {"have", "not"},  {"has", "not"}, {"am", "not"},     {"is", "not"},
    {"was", "not"},
};

const std::vector<WordSequence> k_negation_after_triggers{
    {"went", "away"},       {"gone", "away"},       {"is", "gone"},          {"are", "gone"},
    {"has", "gone"},        {"have", "gone"},       {"was", "ruled", "out"}, {"were", "ruled", "out"},
    {"is", "ruled", "out"}, {"disappeared"},        {"has", "disappeared"},  {"resolved"},
    {"has", "resolved"},    {"cleared", "up"},      {"is", "fine", "now"},   {"anymore"},
    {"isnt", "there"},      {"is", "not", "there"}, {"any", "more"},
};

const std::vector<WordSequence> k_pseudo_negations{
    {"not", "only"}, {"not", "just"},           {"no", "change"},      {"no", "increase"}, {"not", "sure", "if"},
    {"not", "sure"}, {"without", "difficulty"}, {"no", "idea", "why"}, {"no", "idea"},     {"not", "necessarily"},
    {"no", "doubt"}, {"dont", "know"},          {"dont", "think"},     {"not", "certain"}, {"cant", "tell"},
    {"cant", "say"}, {"no", "matter"},          {"not", "always"},     {"no", "better"},   {"not", "better"},
};

const std::vector<WordSequence> k_scope_terminators{
    {"but"},     {"however"}, {"although"}, {"though"},     {"except"}, {"apart", "from"}, {"aside", "from"},
    {"because"}, {"since"},   {"so"},       {"due", "to"},  {"until"},  {"till"},          {"yet"},
    {"still"},   {"whereas"}, {"which"},    {"more", "of"}, {"rather"},
};

const std::vector<WordSequence> k_family_triggers{
    {"my", "mum"},
    {"my", "mom"},
    {"my", "mother"},
    {"my", "dad"},
    {"my", "father"},
    {"my", "brother"},
    {"my", "sister"},
    {"my", "grandma"},
    {"my", "grandmother"},
    {"my", "grandpa"},
    {"my", "grandfather"},
    {"my", "aunt"},
    {"my", "uncle"},
    {"my", "cousin"},
    {"my", "parents"},
    {"my", "son"},
    {"my", "daughter"},
    {"my", "wife"},
    {"my", "husband"},
    {"my", "partner"},
    {"my", "friend"},
    {"my", "family"},
    {"family", "history"},
    {"runs", "in", "the", "family"},
    // Possessives lose their apostrophe: "my dad's cancer" reads "my dads cancer".
    {"my", "dads"},
    {"my", "mums"},
    {"my", "moms"},
    {"my", "mothers"},
    {"my", "fathers"},
    {"my", "brothers"},
    {"my", "sisters"},
    {"my", "wifes"},
    {"my", "husbands"},
    {"my", "partners"},
    {"my", "friends"},
    {"my", "sons"},
    {"my", "daughters"},
    {"my", "grandmas"},
    {"my", "grandads"},
    {"my", "grandad"},
    {"my", "nan"},
    {"my", "granny"},
};

const std::vector<WordSequence> k_hypothetical_triggers{
    {"what", "if"},
    {"in", "case"},
    {"worried", "about"},
    {"worried", "i"},
    {"afraid", "of"},
    {"scared", "of"},
    {"could", "i", "get"},
    {"will", "i", "get"},
    {"might", "get"},
    {"should", "i", "worry"},
    {"is", "it", "normal"},
    {"what", "about"},
    {"how", "do", "i", "know"},
    {"could", "it", "be"},
    {"might", "it", "be"},
    {"could", "this", "be"},
    {"is", "it", "a"},
    {"do", "i", "have"},
    {"worried", "it"},
    {"scared", "it"},
    {"afraid", "it"},
    {"in", "case", "it"},
};

constexpr std::array<std::string_view, 6> k_first_person{"i", "im", "ive", "id", "me", "myself"};
constexpr std::array<std::string_view, 10> k_list_glue{"and", "or",  "nor",  "any",  "a",
                                                       "an",  "the", "some", "also", "even"};

// Common words of five letters or more, which must never be read as misspelled vocabulary.
constexpr std::array<std::string_view, 8> k_reporting_verbs{"noticed", "says",  "said", "thinks",
                                                            "told",    "found", "saw",  "spotted"};

constexpr auto k_common_long_words = std::to_array<std::string_view>({
    "about",
    "above",
    "after",
    "again",
    "against",
    "always",
    "around",
    "because",
    "before",
    "being",
    "below",
    "between",
    "cannot",
    "could",
    "doesnt",
    "during",
    "every",
    "first",
    "getting",
    "going",
    "havent",
    "having",
    "little",
    "maybe",
    "might",
    "months",
    "never",
    "other",
    "really",
    "should",
    "since",
    "something",
    "sometimes",
    "still",
    "their",
    "there",
    "these",
    "thing",
    "things",
    "think",
    "those",
    "though",
    "through",
    "today",
    "under",
    "until",
    "usually",
    "weeks",
    "where",
    "which",
    "while",
    "would",
    "years",
    "without",
    "whereas",
    "however",
    "although",
    "except",
    "nothing",
    "anymore",
    // Everyday words one letter away from vocabulary words ("light" from "tight", "stuff" from "stiff").
    "light",
    "night",
    "right",
    "sight",
    "fight",
    "stuff",
    "start",
    "stand",
    "sleep",
    "sweet",
    "sweat",
    "treat",
    "great",
    "heard",
    "hurts",
    "shape",
    "share",
    "spend",
    "spent",
    "stood",
    "tired",
    "tried",
    "write",
    "wrote",
    "mouth",
    "month",
    "south",
    "north",
    "store",
    "story",
    "bright",
    "slight",
    "weight",
    "eight",
});

} // namespace

std::span<const WordSequence> triggers(TriggerList list) {
  switch (list) {
  case TriggerList::negation:
    return k_negation_triggers;
  case TriggerList::negation_after:
    return k_negation_after_triggers;
  case TriggerList::pseudo:
    return k_pseudo_negations;
  case TriggerList::terminator:
    return k_scope_terminators;
  case TriggerList::family:
    return k_family_triggers;
  case TriggerList::hypothetical:
    return k_hypothetical_triggers;
  }
  return {};
}

std::uint16_t word_traits(std::string_view word) {
  // Keys view the lists' own strings, which live as long as the program.
  static const auto k_traits = [] {
    std::unordered_map<std::string_view, std::uint16_t> traits;
    for (auto list : {TriggerList::negation, TriggerList::negation_after, TriggerList::pseudo, TriggerList::terminator,
                      TriggerList::family, TriggerList::hypothetical}) {
      for (const WordSequence& sequence : triggers(list)) {
        traits[sequence.front()] |= static_cast<std::uint16_t>(1U << static_cast<unsigned>(list));
      }
    }
    for (std::string_view first_person : k_first_person) {
      traits[first_person] |= k_first_person_word;
    }
    for (std::string_view glue : k_list_glue) {
      traits[glue] |= k_list_glue_word;
    }
    for (std::string_view verb : k_reporting_verbs) {
      traits[verb] |= k_reporting_verb_word;
    }
    for (std::string_view common : k_common_long_words) {
      traits[common] |= k_common_long_word;
    }
    return traits;
  }();
  const auto found = k_traits.find(word);
  return found == k_traits.end() ? 0 : found->second;
}

bool is_first_person(std::string_view word) {
  return (word_traits(word) & k_first_person_word) != 0;
}

bool is_grammar_word(std::string_view word) {
  constexpr auto k_grammar = static_cast<std::uint16_t>((1U << static_cast<unsigned>(TriggerList::negation)) |
                                                        (1U << static_cast<unsigned>(TriggerList::terminator)) |
                                                        k_first_person_word | k_list_glue_word);
  return (word_traits(word) & k_grammar) != 0;
}

bool is_common_word(std::string_view word) {
  return (word_traits(word) & k_common_long_word) != 0;
}

} // namespace backrelief
