#pragma once

#include "cli/output/json_writer.hpp"
#include "cli/output/output.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/member_origin.hpp"
#include "core/rules/rule_set.hpp"

#include <string>
#include <vector>

namespace backrelief::cli {

/// The JSON of one fact found in a description (backrelief(1), OUTPUT); with `origins` (analyze), also what
/// matched it and what qualified it, as `analyze` shows.
void write_text_fact(JsonWriter& json, const TextFact& fact, const RuleSet& rules,
                     const MemberOrigins* origins = nullptr);

/// What found a fact: the phrase or the pattern, as written in the rule file, and where.
struct FactSource {
  std::string_view kind; ///< "phrase" or "pattern"
  std::string text;
  SourceLocation where;
  std::vector<MemberOrigin> expanded; ///< the members it matched that no rule file wrote out
};
/// `origins`, when given, names the members of a pattern's match that WordNet brought.
FactSource fact_source(const TextFact& fact, const RuleSet& rules, const MemberOrigins* origins = nullptr);

/// Every fact of a profile as a JSON list: those given as options, then those found in the text.
void write_facts(JsonWriter& json, const Profile& profile, const RuleSet& rules);

/// How a fact was meant, in one word: "reported", "negated", "family" or "question".
std::string_view fact_status(const TextFact& fact);

/// The output of `backrelief analyze` as text for people.
std::string format_analysis_text(const Profile& profile, const RuleSet& rules);

/// The output of `backrelief analyze` as JSON.
std::string format_analysis_json(const Profile& profile, const RuleSet& rules);

/// The same document and its newline, written by `json`; a batch's line number, id and meta
/// come first when `options` has them. `origins` may serve many documents.
void write_analysis_json(JsonWriter& json, const Profile& profile, const RuleSet& rules, const MemberOrigins& origins,
                         const OutputOptions& options);

} // namespace backrelief::cli
