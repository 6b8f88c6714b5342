#pragma once

#include "core/rules/rule_set.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// A word-set member a pattern matched that no rule file wrote out: "rump", brought by the
/// member `{wordnet: buttocks.n.01}`.
struct MemberOrigin {
  std::string member;
  std::string set;
  std::string source; ///< "WordNet buttocks.n.01"
};

/// The members among `matched` (the words a pattern took, as written in the description) that
/// came from a source other than the rule file, such as WordNet, each once; for explanations,
/// so it is found again from the words rather than kept for every match.
std::vector<MemberOrigin> expanded_members_in(const RuleSet& rules, std::uint32_t pattern, std::string_view matched);

} // namespace backrelief
