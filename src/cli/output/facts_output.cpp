#include "cli/output/facts_output.hpp"

#include "core/model/duration.hpp"
#include "report/facts_json.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace backrelief::cli {

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
  if (profile.text.duration_weeks) {
    id_width =
        std::max(id_width, fmt::format("duration {}", describe_weeks(profile.text.duration_weeks->value)).size());
  }
  for (const TextFact& fact : facts) {
    id_width = std::max(id_width, rules.concepts()[fact.concept_id].id.size());
  }
  const MemberOrigins origins(rules);
  for (const TextFact& fact : facts) {
    const Concept& entry = rules.concepts()[fact.concept_id];
    fmt::format_to(put, "  {:<{}}  {:<9}  {:<8}  \"{}\"{}\n", entry.id, id_width, to_string(entry.kind),
                   fact_status(fact), fact.from, fact.fuzzy ? " (read as a misspelling)" : "");
    const FactSource source = fact_source(fact, rules, &origins);
    // A phrase is found by its words; a pattern, with its longer text, by its place.
    fmt::format_to(put, "      by {} \"{}\"", source.kind, source.text);
    if (fact.by_pattern) {
      fmt::format_to(put, " ({})", to_string(source.where));
    }
    for (const MemberOrigin& origin : source.expanded) {
      fmt::format_to(put, "; \"{}\" from {}", origin.member, origin.source);
    }
    if (!fact.qualifier.empty()) {
      fmt::format_to(put, "; {} \"{}\"", fact_meaning(fact).how, fact.qualifier);
    }
    if (fact.stands_for) {
      fmt::format_to(put, "; {} {}", fact.stands_for_family ? "someone else's" : "a past",
                     rules.concepts()[*fact.stands_for].id);
    }
    if (fact.weeks_ago && fact.when != fact.qualifier) {
      fmt::format_to(put, "; dated by \"{}\"", fact.when);
    }
    out += '\n';
  }
  // Said as people say them: "duration 2 days", never "0.285714w".
  const auto number = [&](std::string_view name, const std::optional<TextNumber>& value, auto say) {
    if (value) {
      fmt::format_to(put, "  {:<{}}  {:<9}  {:<8}  \"{}\"\n", fmt::format("{} {}", name, say(value->value)), id_width,
                     "number", "reported", value->from);
      if (!value->over.empty()) {
        fmt::format_to(put, "      said more plainly than \"{}\", which is set aside\n", value->over);
      }
    }
  };
  number("age", profile.text.age, [](double value) { return fmt::format("{:g}", value); });
  number("duration", profile.text.duration_weeks, [](double weeks) { return describe_weeks(weeks); });
  number("intensity", profile.text.intensity, [](double value) { return fmt::format("{:g}/10", value); });
  return out;
}

} // namespace backrelief::cli
