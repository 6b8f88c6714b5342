#pragma once

#include "cli/output/json_writer.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/rule_set.hpp"

#include <string>

namespace backrelief::cli {

/// The JSON of one fact found in a description (backrelief(1), OUTPUT).
void write_text_fact(JsonWriter& json, const TextFact& fact, const RuleSet& rules);

/// Every fact of a profile as a JSON list: those given as options, then those found in the text.
void write_facts(JsonWriter& json, const Profile& profile, const RuleSet& rules);

/// How a fact was meant, in one word: "reported", "negated", "family" or "question".
std::string_view fact_status(const TextFact& fact);

/// The output of `backrelief analyze` as text for people.
std::string format_analysis_text(const Profile& profile, const RuleSet& rules);

/// The output of `backrelief analyze` as JSON.
std::string format_analysis_json(const Profile& profile, const RuleSet& rules);

} // namespace backrelief::cli
