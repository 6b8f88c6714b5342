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

const std::vector<MemberOrigins::Expanded>& MemberOrigins::expanded_of(const WordSet& set) const {
  if (const auto known = m_expanded.find(set.id); known != m_expanded.end()) {
    return known->second;
  }
  const Vocabulary& vocabulary = m_rules.vocabulary();
  std::vector<std::vector<WordId>> written;
  std::vector<Expanded> expanded;
  for (std::size_t i = 0; i < set.members.size() && i < set.member_source.size(); ++i) {
    auto words = word_ids(vocabulary, set.members[i]);
    if (!words || words->empty()) {
      continue;
    }
    if (set.member_source[i].empty()) {
      written.push_back(std::move(*words));
    } else {
      expanded.push_back({i, std::move(*words)});
    }
  }
  std::sort(written.begin(), written.end());
  // "slipping" from WordNet beside a written "slipped": both read "slip", and the match is the author's.
  std::erase_if(expanded, [&](const Expanded& member) {
    return std::binary_search(written.begin(), written.end(), member.words);
  });
  return m_expanded.emplace(set.id, std::move(expanded)).first->second;
}

std::vector<MemberOrigin> MemberOrigins::in(std::uint32_t pattern, std::string_view matched) const {
  std::vector<MemberOrigin> out;
  const Vocabulary& vocabulary = m_rules.vocabulary();
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
    const WordSet* set = nullptr;
    std::size_t member = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  std::vector<Found> found;
  for (const CompiledPatterns::Step& step : patterns.patterns[pattern].steps) {
    if (step.gap || step.set >= patterns.set_names.size() || patterns.set_names[step.set].empty()) {
      continue;
    }
    const WordSet* set = m_rules.find_word_set(patterns.set_names[step.set]);
    if (set == nullptr) {
      continue;
    }
    for (const Expanded& member : expanded_of(*set)) {
      const auto at = std::search(text.begin(), text.end(), member.words.begin(), member.words.end(),
                                  [](const std::optional<WordId>& word, WordId id) { return word == id; });
      if (at != text.end()) {
        const auto begin = static_cast<std::size_t>(at - text.begin());
        found.push_back({set, member.member, begin, begin + member.words.size()});
      }
    }
  }
  // "rear end" matched, not also the "rear" inside it.
  for (const Found& candidate : found) {
    const bool inside_longer = std::any_of(found.begin(), found.end(), [&](const Found& other) {
      return other.end - other.begin > candidate.end - candidate.begin && other.begin <= candidate.begin &&
             candidate.end <= other.end;
    });
    const std::string& member = candidate.set->members[candidate.member];
    const std::string& source = candidate.set->member_source[candidate.member];
    const bool already = std::any_of(out.begin(), out.end(), [&](const MemberOrigin& origin) {
      return origin.member == member && origin.source == source;
    });
    if (!inside_longer && !already) {
      out.push_back({member, candidate.set->id, source});
    }
  }
  return out;
}

} // namespace backrelief
