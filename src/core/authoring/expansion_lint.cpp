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
  std::unordered_map<std::string_view, std::vector<const WordSet*>> sets_of;
  for (const WordSet& set : rules.word_sets()) {
    for (const std::string& member : set.members) {
      auto& sets = sets_of[member];
      if (sets.empty() || sets.back() != &set) {
        sets.push_back(&set);
      }
    }
  }
  for (const WordSet& set : rules.word_sets()) {
    for (std::size_t i = 0; i < set.members.size() && i < set.member_source.size(); ++i) {
      const std::string& source = set.member_source[i];
      if (source.rfind(k_wordnet_prefix, 0) != 0) {
        continue;
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
      for (const WordSet* other : sets_of[word]) {
        if (other != &set) {
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
