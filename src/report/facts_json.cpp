#include "report/facts_json.hpp"

#include "report/json_document.hpp"

namespace backrelief {

namespace {

void write_number(JsonWriter& json, const std::optional<TextNumber>& number) {
  if (!number) {
    json.null();
    return;
  }
  json.begin_object().member("value", number->value).key("from").strings(std::vector<std::string>{number->from});
  if (!number->over.empty()) {
    json.member("over", number->over); // another reading, said less plainly, set aside
  }
  json.end_object();
}

} // namespace

FactMeaning fact_meaning(const TextFact& fact) {
  if (fact.negated) {
    return {"negated", "negated by"};
  }
  if (fact.resolved) {
    return {"resolved", "over, by"};
  }
  if (fact.family) {
    return {"family", "someone else's, by"};
  }
  if (fact.hypothetical) {
    return {"question", "asked or imagined, by"};
  }
  if (fact.historical) {
    return {"past", "too long ago to count, by"};
  }
  return {"reported", ""};
}

std::string_view fact_status(const TextFact& fact) {
  return fact_meaning(fact).status;
}

FactSource fact_source(const TextFact& fact, const RuleSet& rules, const MemberOrigins* origins) {
  const Vocabulary& vocabulary = rules.vocabulary();
  if (fact.by_pattern) {
    const auto& pattern = vocabulary.patterns().patterns.at(fact.source);
    return {"pattern", pattern.text, pattern.where,
            origins == nullptr ? std::vector<MemberOrigin>{} : origins->in(fact.source, fact.from)};
  }
  const SourceLocation& where = vocabulary.phrase_where(fact.source);
  for (const Phrase& phrase : rules.concepts()[fact.stands_for.value_or(fact.concept_id)].phrases) {
    if (phrase.where.line == where.line && phrase.where.column == where.column && phrase.where.file == where.file) {
      return {"phrase", phrase.text, where, {}};
    }
  }
  return {"phrase", fact.from, where, {}};
}

void write_text_fact(JsonWriter& json, const TextFact& fact, const RuleSet& rules, const MemberOrigins* origins) {
  const Concept& entry = rules.concepts()[fact.concept_id];
  json.begin_object().key("fact").identifier(entry.id).key("kind").identifier(to_string(entry.kind));
  json.member("reported", fact.affirmed()).member("negated", fact.negated).member("resolved", fact.resolved);
  json.member("family", fact.family).member("hypothetical", fact.hypothetical).member("past", fact.historical);
  json.member("misspelled", fact.fuzzy).key("from").strings(std::vector<std::string>{fact.from});
  json.member("start", fact.begin).member("end", fact.end);
  if (origins != nullptr) {
    json.key("when");
    if (fact.weeks_ago) {
      json.begin_object().member("weeks_ago", *fact.weeks_ago).member("words", fact.when).end_object();
    } else {
      json.null();
    }
    json.key("stands_for");
    if (fact.stands_for) {
      json.begin_object().key("fact").identifier(rules.concepts()[*fact.stands_for].id);
      json.member("as", fact.stands_for_family ? "family" : "past").end_object();
    } else {
      json.null();
    }
    const FactSource source = fact_source(fact, rules, origins);
    json.key("matched_by").begin_object().member("kind", source.kind).member("text", source.text);
    json.member("at", to_string(source.where)).key("expanded").begin_array();
    for (const MemberOrigin& origin : source.expanded) {
      json.begin_object().member("word", origin.member).member("set", origin.set).member("source", origin.source);
      json.end_object();
    }
    json.end_array().end_object();
    json.key("qualified_by");
    if (fact.qualifier.empty()) {
      json.null();
    } else {
      json.begin_object().member("status", fact_status(fact)).member("words", fact.qualifier).end_object();
    }
  }
  json.end_object();
}

void write_facts(JsonWriter& json, const Profile& profile, const RuleSet& rules) {
  json.begin_array();
  std::string from;
  const auto add = [&](const std::vector<ConceptId>& items, std::string_view option) {
    for (ConceptId id : items) {
      const Concept& entry = rules.concepts()[id];
      json.begin_object().key("fact").identifier(entry.id).key("kind").identifier(to_string(entry.kind));
      json.member("reported", true).member("negated", false).member("resolved", false).member("family", false);
      json.member("hypothetical", false).member("past", false);
      from.assign(option).append(" ").append(entry.id);
      json.member("misspelled", false).key("from").strings(std::vector<std::string>{from}).end_object();
    }
  };
  add(profile.goals, "--goal");
  add(profile.areas, "--area");
  add(profile.conditions, "--condition");
  for (const TextFact& fact : profile.text.facts) {
    write_text_fact(json, fact, rules);
  }
  json.end_array();
}

void write_analysis_json(JsonWriter& json, const Profile& profile, const RuleSet& rules, const MemberOrigins& origins,
                         const RecordHead& head) {
  begin_document(json, head);
  json.member("description", profile.description);
  json.key("facts").begin_array();
  for (const TextFact& fact : profile.text.facts) {
    write_text_fact(json, fact, rules, &origins);
  }
  json.end_array().key("numbers").begin_object();
  write_number(json.key("age"), profile.text.age);
  write_number(json.key("duration_weeks"), profile.text.duration_weeks);
  write_number(json.key("intensity"), profile.text.intensity);
  json.end_object().end_object();
}

} // namespace backrelief
