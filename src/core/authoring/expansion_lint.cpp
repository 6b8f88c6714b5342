#include "core/authoring/expansion_lint.hpp"

#include <fmt/format.h>
#include <string_view>
#include <unordered_map>

namespace backrelief {

namespace {

// A word with this many meanings in WordNet is a common one, whatever its sense here.
constexpr std::size_t k_common_word_senses = 7;
// A word whose sense here comes after another, with this many meanings, most often means that other.
constexpr std::size_t k_other_meaning_senses = 4;
constexpr std::string_view k_wordnet_prefix = "WordNet ";

std::string ordinal(std::size_t n) {
  const std::size_t tens = n % 100;
  const std::size_t units = n % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th"
                       : units == 1             ? "st"
                       : units == 2             ? "nd"
                       : units == 3             ? "rd"
                                                : "th";
  return fmt::format("{}{}", n, suffix);
}

} // namespace

std::vector<Diagnostic> lint_expansions(const RuleSet& rules, const WordNetSource& wordnet) {
  std::vector<Diagnostic> warnings;
  // Every member of every set, for the sets a word is also in.
  // A set that has the word from the same sense means it as this one does: the author named
  // the sense in both.
  struct Holder {
    const WordSet* set;
    std::string_view source;
  };
  std::unordered_map<std::string_view, std::vector<Holder>> sets_of;
  for (const WordSet& set : rules.word_sets()) {
    for (std::size_t i = 0; i < set.members.size() && i < set.member_source.size(); ++i) {
      auto& sets = sets_of[set.members[i]];
      if (sets.empty() || sets.back().set != &set) {
        sets.push_back({&set, set.member_source[i]});
      }
    }
  }
  // One-word phrases of the concepts, by the word they read as once stemmed: "feverous" from a
  // sense reads as the fever concept's "fever".
  const Vocabulary& vocabulary = rules.vocabulary();
  std::unordered_map<WordId, std::pair<const Concept*, const Phrase*>> phrase_of;
  for (const Concept& entry : rules.concepts()) {
    for (const Phrase& phrase : entry.phrases) {
      if (phrase.text.find(' ') == std::string::npos) {
        if (const auto id = vocabulary.find(phrase.text)) {
          phrase_of.emplace(*id, std::pair{&entry, &phrase});
        }
      }
    }
  }
  for (const WordSet& set : rules.word_sets()) {
    for (std::size_t i = 0; i < set.members.size() && i < set.member_source.size(); ++i) {
      const std::string& source = set.member_source[i];
      if (source.rfind(k_wordnet_prefix, 0) != 0) {
        continue;
      }
      if (set.members[i].find(' ') == std::string::npos) {
        const auto id = vocabulary.find(set.members[i]);
        const auto phrase = id ? phrase_of.find(*id) : phrase_of.end();
        if (phrase != phrase_of.end()) {
          warnings.push_back(
              {set.member_where[i],
               fmt::format("'{}' from {} {} a phrase of concept '{}' ({}): check the set should match it; except "
                           "it, or write it by hand to keep it in '{}'",
                           set.members[i], source,
                           phrase->second.second->text == set.members[i]
                               ? std::string("is also")
                               : fmt::format("reads as '{}' once stemmed,", phrase->second.second->text),
                           phrase->second.first->id, to_string(phrase->second.second->where), set.id)});
        }
      }
      const std::string& word = set.members[i];
      const SourceLocation& where = set.member_where[i];
      const std::string sense_name = source.substr(k_wordnet_prefix.size());
      const std::string advice = fmt::format("except it, or write it by hand to keep it in '{}'", set.id);
      if (const auto sense = parse_wordnet_sense(sense_name)) {
        const WordNet::Standing standing = wordnet.get().standing(word, *sense);
        if (standing.senses >= k_common_word_senses) {
          warnings.push_back({where, fmt::format("'{}' from {} has {} meanings in WordNet: a common word that may "
                                                 "match where it means something else; {}",
                                                 word, source, standing.senses, advice)});
        } else if (standing.rank > 1 && standing.senses >= k_other_meaning_senses) {
          warnings.push_back({where, fmt::format("'{}' from {} is its {} meaning in WordNet, of {}: it most often "
                                                 "means something else; {}",
                                                 word, source, ordinal(standing.rank), standing.senses, advice)});
        }
      }
      for (const auto& [other, other_source] : sets_of[word]) {
        if (other != &set && other_source != source) {
          warnings.push_back({where, fmt::format("'{}' from {} is also a member of word set '{}' ({}): check it means "
                                                 "the same in both; {}",
                                                 word, source, other->id, to_string(other->origin), advice)});
        }
      }
    }
  }
  return warnings;
}

} // namespace backrelief
