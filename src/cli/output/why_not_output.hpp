#pragma once

#include "cli/output/output.hpp"
#include "core/engine/why_not.hpp"
#include "report/json_writer.hpp"

#include <string>

namespace backrelief::cli {

/// A preference change as the option a person would type: "--pressure firm", "--goal mobility".
/// `removing` is set for a change that takes an option away.
std::string describe_change(const PreferenceChange& change, const RuleSet& rules, bool& removing);

/// The changes of a counterfactual as options: "With --pressure firm and without --goal relaxation".
std::string change_phrase(const Counterfactual& counterfactual, const RuleSet& rules);

/// The --why-not section of the text output: where the technique stands, what kept it down or
/// out, and the counterfactual when there is one.
std::string why_not_text(const AnswerView& answer, const WhyNot& why, const Palette& palette);

/// The value of the "why_not" member of the JSON document.
void write_why_not(JsonWriter& json, const AnswerView& answer, const WhyNot& why);

} // namespace backrelief::cli
