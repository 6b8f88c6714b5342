#include "cli/facts_output.hpp"
#include "cli/output.hpp"
#include "cli/why_not_output.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace backrelief::cli {

namespace {

// Ordered, so fields come out in the order backrelief(1) documents them.
using json = nlohmann::ordered_json;

json rule_id(const Rule* rule) {
  return rule == nullptr ? json(nullptr) : json(rule->id);
}

json ids(const std::vector<ConceptId>& items, const RuleSet& rules) {
  json list = json::array();
  for (ConceptId id : items) {
    list.push_back(rules.concepts()[id].id);
  }
  return list;
}

json input_of(const Profile& profile, const RuleSet& rules) {
  json avoid = json::array();
  for (TechniqueId id : profile.avoid) {
    avoid.push_back(rules.techniques()[id].id);
  }
  return json{
      {"description", profile.description},
      {"pressure", profile.pressure ? json(to_string(*profile.pressure)) : json(nullptr)},
      {"goals", ids(profile.goals, rules)},
      {"areas", ids(profile.areas, rules)},
      {"conditions", ids(profile.conditions, rules)},
      {"avoid", avoid},
      {"age", profile.age ? json(*profile.age) : json(nullptr)},
      {"duration_weeks", profile.duration_weeks ? json(*profile.duration_weeks) : json(nullptr)},
      {"intensity", profile.intensity ? json(*profile.intensity) : json(nullptr)},
  };
}

json words_json(const Rule& rule, const Profile& profile) {
  return words_behind(rule, profile);
}

json referral_of(const Recommendation& recommendation, const Profile& profile) {
  if (!recommendation.referral) {
    return nullptr;
  }
  const ReferralOutcome& referral = *recommendation.referral;
  json flags = json::array();
  for (const RedFlag& flag : referral.red_flags) {
    const auto words = words_behind(*flag.rule, profile);
    flags.push_back({{"id", flag.rule->id},
                     {"text", flag.rule->because},
                     {"from", words.empty() ? json(nullptr) : json(fmt::format("{}", fmt::join(words, ", ")))}});
  }
  return json{{"level", to_string(referral.level)}, {"red_flags", flags}, {"advice", referral.advice}};
}

json notes(const std::vector<Note>& items) {
  json list = json::array();
  for (const Note& note : items) {
    list.push_back({{"rule", rule_id(note.rule)}, {"text", note.text}});
  }
  return list;
}

json suggestion(const TechniqueOutcome& outcome, const RuleSet& rules, const Profile& profile) {
  const Technique& technique = rules.techniques()[outcome.technique];
  json reasons = json::array();
  for (const Contribution& reason : outcome.reasons) {
    reasons.push_back({{"rule", reason.rule->id},
                       {"weight", reason.weight},
                       {"text", reason.rule->because},
                       {"from", words_json(*reason.rule, profile)}});
  }
  return json{{"rank", outcome.rank},
              {"technique", technique.id},
              {"name", technique.name},
              {"score", outcome.score},
              {"reasons", reasons},
              {"cautions", notes(outcome.cautions)},
              {"aftercare", technique.aftercare}};
}

json trace_of(const Answer& answer) {
  json trace = json::array();
  for (const RuleTrace& entry : answer.recommendation.trace) {
    json item{{"rule", entry.rule->id}, {"fired", entry.fired}};
    if (entry.failed != nullptr) {
      item["failed"] = {{"condition", describe(*entry.failed, answer.rules)},
                        {"seen", describe_seen(*entry.failed, answer.profile, answer.rules)},
                        {"at", to_string(entry.failed->where)}};
    }
    trace.push_back(std::move(item));
  }
  return trace;
}

} // namespace

std::string format_json(const Answer& answer, const OutputOptions& options) {
  const Recommendation& recommendation = answer.recommendation;
  json suggestions = json::array();
  const std::size_t count = shown_count(recommendation, options);
  for (std::size_t i = 0; i < count; ++i) {
    suggestions.push_back(suggestion(recommendation.suggestions[i], answer.rules, answer.profile));
  }
  json excluded = json::array();
  for (const TechniqueOutcome& outcome : recommendation.excluded) {
    excluded.push_back(
        {{"technique", answer.rules.techniques()[outcome.technique].id}, {"reasons", notes(outcome.exclusions)}});
  }
  json advice = recommendation.advice;
  advice.push_back(evidence_summary());
  json document;
  if (options.line) {
    document["line"] = *options.line; // first, so a reader of the batch sees it first
  }
  document.update(json{
      {"schema", 1},
      {"input", input_of(answer.profile, answer.rules)},
      {"facts", facts_json(answer.profile, answer.rules)},
      {"referral", referral_of(recommendation, answer.profile)},
      {"suggestions", suggestions},
      {"excluded", excluded},
      {"advice", advice},
      {"disclaimer", disclaimer()},
  });
  if (options.why_not) {
    document["why_not"] = why_not_json(answer, why_not(answer.rules, answer.profile, recommendation, *options.why_not));
  }
  if (options.trace) {
    document["trace"] = trace_of(answer);
  }
  // Replace invalid UTF-8 from the description rather than throw mid-output.
  const int indent = options.compact_json ? -1 : 2;
  return document.dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace backrelief::cli
