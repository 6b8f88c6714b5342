#pragma once

#include "core/engine/profile.hpp"
#include "core/rules/member_origin.hpp"
#include "core/rules/rule_set.hpp"
#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace backrelief {

/// How a fact was meant, and how the words of its qualifier made it so: the first that applies
/// of negated, resolved, family, question and past, else reported.
struct FactMeaning {
  std::string_view status; ///< "reported", "negated", "resolved", "family", "question" or "past"
  std::string_view how;    ///< "negated by", "over, by"...; empty when reported
};

/// How a fact was meant.
FactMeaning fact_meaning(const TextFact& fact);

/// How a fact was meant, in one word: fact_meaning(fact).status.
std::string_view fact_status(const TextFact& fact);

/// The JSON of one fact found in a description (backrelief(1), JSON); with `origins` (analyze),
/// also what matched it and what qualified it, as `analyze` shows.
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

/// The document of `backrelief analyze --format json` (no newline), after `head`. `origins`
/// may serve many documents.
void write_analysis_json(JsonWriter& json, const Profile& profile, const RuleSet& rules, const MemberOrigins& origins,
                         const RecordHead& head);

} // namespace backrelief
