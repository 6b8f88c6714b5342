#pragma once

#include "core/rules/rule_set.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace backrelief {

/// A word-set member a pattern matched that no rule file wrote out: "rump", brought by the
/// member `{wordnet: buttocks.n.01}`.
struct MemberOrigin {
  std::string member;
  std::string set;
  std::string source; ///< "WordNet buttocks.n.01"
};

/// Says which members of a pattern's match came from a source other than the rule file, such as
/// WordNet; for explanations, so it is found again from the matched words rather than kept for
/// every match. Each set's expanded members are read once, on first use: one instance serves a
/// whole output, and must not be used on two threads at once.
class MemberOrigins {
public:
  explicit MemberOrigins(const RuleSet& rules) : m_rules(rules) {}

  /// The expanded members among `matched` (the words a pattern took, as written in the
  /// description), each once; a member inside a longer one that matched ("rear" in "rear end")
  /// is left out, and so is one that reads as a member the author wrote ("slipping" beside a
  /// written "slipped").
  [[nodiscard]] std::vector<MemberOrigin> in(std::uint32_t pattern, std::string_view matched) const;

private:
  struct Expanded {
    std::size_t member = 0;
    std::vector<WordId> words;
  };
  const std::vector<Expanded>& expanded_of(const WordSet& set) const;

  const RuleSet& m_rules;
  mutable std::unordered_map<std::string, std::vector<Expanded>> m_expanded; ///< by set id
};

} // namespace backrelief
