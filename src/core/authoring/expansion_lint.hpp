#pragma once

#include "core/rules/rule_set.hpp"
#include "core/text/wordnet.hpp"
#include "core/util/diagnostic.hpp"

#include <vector>

namespace backrelief {

/// Warnings about words a WordNet sense brought into a word set that may match where they mean
/// something else: a word with many meanings (seven or more in WordNet, as "behind" and "seat"
/// have: the most used words have the most meanings), a word whose sense here is not its first
/// and that has four or more ("butt", "rear"), and a word another set also holds. Each at the
/// place the sense is named; the author excepts the word or writes it by hand to keep it.
/// `wordnet` is opened only when a set has such words.
std::vector<Diagnostic> lint_expansions(const RuleSet& rules, const WordNetSource& wordnet);

} // namespace backrelief
