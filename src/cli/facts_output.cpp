#include "cli/facts_output.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace backrelief::cli {

namespace {

using json = nlohmann::ordered_json;

json number_json(const std::optional<TextNumber>& number) {
  if (!number) {
    return nullptr;
  }
  return json{{"value", number->value}, {"from", number->from}};
}

} // namespace

std::string_view fact_status(const TextFact& fact) {
  if (fact.negated) {
    return "negated";
  }
  if (fact.family) {
    return "family";
  }
  if (fact.hypothetical) {
    return "question";
  }
  return "reported";
}

json text_fact_json(const TextFact& fact, const RuleSet& rules) {
  const Concept& entry = rules.concepts()[fact.concept_id];
  return json{{"fact", entry.id},
              {"kind", to_string(entry.kind)},
              {"negated", fact.negated},
              {"family", fact.family},
              {"hypothetical", fact.hypothetical},
              {"misspelled", fact.fuzzy},
              {"from", fact.from},
              {"start", fact.begin},
              {"end", fact.end}};
}

json facts_json(const Profile& profile, const RuleSet& rules) {
  json facts = json::array();
  const auto add = [&](const std::vector<ConceptId>& items, std::string_view option) {
    for (ConceptId id : items) {
      const Concept& entry = rules.concepts()[id];
      facts.push_back(json{{"fact", entry.id},
                           {"kind", to_string(entry.kind)},
                           {"negated", false},
                           {"family", false},
                           {"hypothetical", false},
                           {"misspelled", false},
                           {"from", fmt::format("{} {}", option, entry.id)}});
    }
  };
  add(profile.goals, "--goal");
  add(profile.areas, "--area");
  add(profile.conditions, "--condition");
  for (const TextFact& fact : profile.text.facts) {
    facts.push_back(text_fact_json(fact, rules));
  }
  return facts;
}

std::string format_analysis_json(const Profile& profile, const RuleSet& rules) {
  json facts = json::array();
  for (const TextFact& fact : profile.text.facts) {
    facts.push_back(text_fact_json(fact, rules));
  }
  const json document{{"schema", 1},
                      {"description", profile.description},
                      {"facts", facts},
                      {"numbers",
                       {{"age", number_json(profile.text.age)},
                        {"duration_weeks", number_json(profile.text.duration_weeks)},
                        {"intensity", number_json(profile.text.intensity)}}}};
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string format_analysis_text(const Profile& profile, const RuleSet& rules) {
  std::string out;
  auto put = std::back_inserter(out);
  fmt::format_to(put, "Understood from: \"{}\"\n\n", profile.description);
  const auto& facts = profile.text.facts;
  if (facts.empty() && !profile.text.age && !profile.text.duration_weeks && !profile.text.intensity) {
    out += "Nothing recognised. Try plainer words; backrelief-rules(5) explains how to add your own phrases.\n";
    return out;
  }
  std::size_t id_width = 16; // room for "intensity 10/10"
  for (const TextFact& fact : facts) {
    id_width = std::max(id_width, rules.concepts()[fact.concept_id].id.size());
  }
  for (const TextFact& fact : facts) {
    const Concept& entry = rules.concepts()[fact.concept_id];
    fmt::format_to(put, "  {:<{}}  {:<9}  {:<8}  \"{}\"{}\n", entry.id, id_width, to_string(entry.kind),
                   fact_status(fact), fact.from, fact.fuzzy ? " (read as a misspelling)" : "");
  }
  const auto number = [&](std::string_view name, const std::optional<TextNumber>& value, std::string_view unit) {
    if (value) {
      fmt::format_to(put, "  {:<{}}  {:<9}  {:<8}  \"{}\"\n", fmt::format("{} {:g}{}", name, value->value, unit),
                     id_width, "number", "reported", value->from);
    }
  };
  number("age", profile.text.age, "");
  number("duration", profile.text.duration_weeks, "w");
  number("intensity", profile.text.intensity, "/10");
  return out;
}

} // namespace backrelief::cli
