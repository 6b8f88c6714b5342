#pragma once

#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <string>

namespace backrelief::cli {

/// Adds the answers of a file for `ask --answers` to `input`: a YAML or JSON mapping of question
/// ids to answers, as the interview would have taken them ("saddle-numbness: no", "area:
/// [neck, lower-back]", "age: 52"). Lists add to what `input` holds; single values replace it;
/// a description is added after the one already there. Every problem is reported with its
/// file:line:column, with a "did you mean" for a misspelt id or value. Throws Error
/// (invalid_input).
void read_answer_file(const std::string& name, const std::string& text, const RuleSet& rules, ProfileInput& input);

/// The concept kind a choice question offers, for area, goal and condition.
ConceptKind kind_of(QuestionField field);

} // namespace backrelief::cli
