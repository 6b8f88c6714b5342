#pragma once

#include "core/rules/rule_set.hpp"
#include "core/util/diagnostic.hpp"

#include <vector>

namespace backrelief {

/// Warnings about rules that load but cannot work as meant: rules without a source, rules that can never fire
/// (contradictory conditions), rules that duplicate or are subsumed by another, concepts with
/// phrases that no rule uses, techniques that can never rank first, figures of speech that can
/// match a red flag's words alone, red flags that refer but that no question asks about, and
/// techniques without traits.
std::vector<Diagnostic> lint_rules(const RuleSet& rules);

} // namespace backrelief
