#include "core/rules/member_origin.hpp"

#include "core/text/tokenizer.hpp"

#include <algorithm>
#include <optional>

namespace backrelief {

namespace {

// The vocabulary's ids of the words of `text`; nothing when one of them is not in it.
std::optional<std::vector<WordId>> word_ids(const Vocabulary& vocabulary, std::string_view text) {
  std::vector<WordId> ids;
  for (const Token& token : tokenize(text)) {
    if (!is_content(token)) {
      continue;
    }
    const auto id = vocabulary.find(token.text);
    if (!id) {
      return std::nullopt;
    }
    ids.push_back(*id);
  }
  return ids;
}

} // namespace

std::vector<MemberOrigin> expanded_members_in(const RuleSet& rules, std::uint32_t pattern, std::string_view matched) {
  std::vector<MemberOrigin> out;
  const Vocabulary& vocabulary = rules.vocabulary();
  const CompiledPatterns& patterns = vocabulary.patterns();
  if (pattern >= patterns.patterns.size()) {
    return out;
  }
  // Words of the match that are not in the vocabulary cannot be a member's: they stay as gaps.
  std::vector<std::optional<WordId>> text;
  for (const Token& token : tokenize(matched)) {
    if (is_content(token)) {
      text.push_back(vocabulary.find(token.text));
    }
  }
  struct Found {
    MemberOrigin origin;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  std::vector<Found> found;
  for (const CompiledPatterns::Step& step : patterns.patterns[pattern].steps) {
    if (step.gap || step.set >= patterns.set_names.size() || patterns.set_names[step.set].empty()) {
      continue;
    }
    const WordSet* set = rules.find_word_set(patterns.set_names[step.set]);
    if (set == nullptr) {
      continue;
    }
    for (std::size_t i = 0; i < set->members.size() && i < set->member_source.size(); ++i) {
      if (set->member_source[i].empty()) {
        continue; // the loader keeps a word the author wrote only as written
      }
      const auto member = word_ids(vocabulary, set->members[i]);
      if (!member || member->empty()) {
        continue;
      }
      const auto at = std::search(text.begin(), text.end(), member->begin(), member->end(),
                                  [](const std::optional<WordId>& word, WordId id) { return word == id; });
      if (at != text.end()) {
        const auto begin = static_cast<std::size_t>(at - text.begin());
        found.push_back({{set->members[i], set->id, set->member_source[i]}, begin, begin + member->size()});
      }
    }
  }
  // "rear end" matched, not also the "rear" inside it.
  for (const Found& candidate : found) {
    const bool inside_longer = std::any_of(found.begin(), found.end(), [&](const Found& other) {
      return other.end - other.begin > candidate.end - candidate.begin && other.begin <= candidate.begin &&
             candidate.end <= other.end;
    });
    const bool already = std::any_of(out.begin(), out.end(), [&](const MemberOrigin& origin) {
      return origin.member == candidate.origin.member && origin.source == candidate.origin.source;
    });
    if (!inside_longer && !already) {
      out.push_back(candidate.origin);
    }
  }
  return out;
}

} // namespace backrelief
