#include "cli/output/batch_rows.hpp"

#include "report/facts_json.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace backrelief::cli {

namespace {

// Lists inside a field are separated as a list cell of --input csv is: by ';'. A technique's
// reasons, after its id and a colon, by ','.
constexpr std::string_view k_list_separator = ";";

// The id as the sender wrote it: a string's text without its JSON quotes, a number's digits.
std::string id_text(const OutputOptions& options) {
  if (!options.id) {
    return {};
  }
  if (options.id->starts_with('"')) {
    return nlohmann::json::parse(*options.id, nullptr, false).get<std::string>();
  }
  return *options.id;
}

// The first columns of every row, in this order: line, id, meta, outcome.
std::vector<std::string> row_start(std::size_t columns, const OutputOptions& options, std::string_view outcome) {
  std::vector<std::string> row(columns);
  row[0] = options.line ? std::to_string(*options.line) : std::string();
  row[1] = id_text(options);
  row[2] = options.meta.value_or("");
  row[3] = outcome;
  return row;
}

std::string_view outcome_of(const Recommendation& recommendation) {
  if (recommendation.referral) {
    return "referral";
  }
  if (!recommendation.check_first.empty()) {
    return "check-first";
  }
  return recommendation.suggestions.empty() ? "nothing-fits" : "ok";
}

// "swedish:rule-a,rule-b;myofascial:rule-c": each technique with the ids of the notes behind it
// (a note the engine made gives its cause instead).
std::string notes_by_technique(const RuleSet& rules, const std::vector<const TechniqueOutcome*>& outcomes,
                               std::vector<Note> TechniqueOutcome::*notes) {
  std::vector<std::string> entries;
  for (const TechniqueOutcome* outcome : outcomes) {
    const std::vector<Note>& items = outcome->*notes;
    if (items.empty()) {
      continue;
    }
    std::vector<std::string_view> ids;
    for (const Note& note : items) {
      const std::string_view id = note.rule != nullptr ? std::string_view(note.rule->id) : note.cause;
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(id);
      }
    }
    entries.push_back(fmt::format("{}:{}", rules.techniques()[outcome->technique].id, fmt::join(ids, ",")));
  }
  return fmt::format("{}", fmt::join(entries, k_list_separator));
}

template <typename Items, typename Name>
std::string joined(const Items& items, Name name) {
  std::vector<std::string_view> names;
  names.reserve(items.size());
  for (const auto& item : items) {
    names.push_back(name(item));
  }
  return fmt::format("{}", fmt::join(names, k_list_separator));
}

std::string number_text(const std::optional<TextNumber>& number) {
  return number ? fmt::format("{}", number->value) : std::string();
}

} // namespace

const std::vector<std::string_view>& recommendation_columns() {
  static const std::vector<std::string_view> columns{"line",     "id",        "meta",        "outcome",
                                                     "referral", "red_flags", "check_first", "top",
                                                     "ranking",  "excluded",  "cautions",    "error"};
  return columns;
}

std::vector<std::string> recommendation_row(const AnswerView& answer, const OutputOptions& options) {
  const Recommendation& result = answer.recommendation;
  const RuleSet& rules = answer.rules;
  std::vector<std::string> row = row_start(recommendation_columns().size(), options, outcome_of(result));
  if (result.referral) {
    row[4] = to_string(result.referral->level);
    row[5] = joined(result.referral->red_flags, [](const RedFlag& flag) { return std::string_view(flag.rule->id); });
  }
  row[6] = joined(result.check_first, [](const Question* question) { return std::string_view(question->id); });
  std::vector<const TechniqueOutcome*> ranked;
  for (std::size_t i = 0; i < shown_count(result, options); ++i) {
    ranked.push_back(&result.suggestions[i]);
  }
  if (!ranked.empty()) {
    row[7] = rules.techniques()[ranked.front()->technique].id;
  }
  row[8] = joined(ranked, [&](const TechniqueOutcome* outcome) {
    return std::string_view(rules.techniques()[outcome->technique].id);
  });
  std::vector<const TechniqueOutcome*> excluded;
  for (const TechniqueOutcome& outcome : result.excluded) {
    excluded.push_back(&outcome);
  }
  row[9] = notes_by_technique(rules, excluded, &TechniqueOutcome::exclusions);
  row[10] = notes_by_technique(rules, ranked, &TechniqueOutcome::cautions);
  return row;
}

const std::vector<std::string_view>& analysis_columns() {
  static const std::vector<std::string_view> columns{"line",      "id",  "meta",           "outcome",   "reported",
                                                     "set_aside", "age", "duration_weeks", "intensity", "error"};
  return columns;
}

std::vector<std::string> analysis_row(const Profile& profile, const RuleSet& rules, const OutputOptions& options) {
  const TextAnalysis& text = profile.text;
  const bool nothing = text.facts.empty() && !text.age && !text.duration_weeks && !text.intensity;
  std::vector<std::string> row = row_start(analysis_columns().size(), options, nothing ? "nothing-recognised" : "ok");
  std::vector<std::string_view> reported;
  std::vector<std::string> set_aside;
  for (const TextFact& fact : text.facts) {
    const std::string_view id = rules.concepts()[fact.concept_id].id;
    if (fact.affirmed()) {
      if (std::find(reported.begin(), reported.end(), id) == reported.end()) {
        reported.push_back(id);
      }
    } else if (std::string entry = fmt::format("{}:{}", id, fact_status(fact));
               std::find(set_aside.begin(), set_aside.end(), entry) == set_aside.end()) {
      set_aside.push_back(std::move(entry));
    }
  }
  row[4] = fmt::format("{}", fmt::join(reported, k_list_separator));
  row[5] = fmt::format("{}", fmt::join(set_aside, k_list_separator));
  row[6] = number_text(text.age);
  row[7] = number_text(text.duration_weeks);
  row[8] = number_text(text.intensity);
  return row;
}

std::vector<std::string> failure_row(std::size_t columns, const OutputOptions& options, std::string_view message) {
  std::vector<std::string> row = row_start(columns, options, "error");
  row.back() = message;
  return row;
}

void append_failure(JsonWriter& out, const OutputOptions& options, std::string_view message,
                    std::optional<RowFormat> rows, std::size_t columns) {
  if (!rows) {
    write_error_record(out, options, message);
    return;
  }
  std::string row;
  append_row(row, failure_row(columns, options, message), *rows);
  out.raw(row);
}

} // namespace backrelief::cli
