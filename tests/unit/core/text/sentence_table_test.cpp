// The sentence table (tests/analysis/sentences.yaml): what the shipped vocabulary must understand.
// Each entry lists the facts of one description: `id` reported, `id!` negated, `id~` resolved
// (had, but no more), `id@past` long past, `id?` asked or imagined, `id@family` someone else's, and numbers as
// `age=72`, `duration_weeks=26`, `intensity=7`. Every listed fact must be found as written; any other reported fact
// fails.
#include "core/engine/profile.hpp"
#include "core/rules/rule_loader.hpp"
#include "core/text/known_words.hpp"
#include "core/text/text_analysis.hpp"

#include <cmath>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace backrelief {
namespace {

// The table is read as if written in this year, so that "in 2019" has a fixed age.
constexpr int k_table_year = 2026;

struct Expected {
  std::string fact;
  std::string status; // "reported", "negated", "resolved", "past", "question", "family"
};

Expected parse_expected(std::string text) {
  if (text.ends_with("@family")) {
    return {text.substr(0, text.size() - 7), "family"};
  }
  if (text.ends_with("@past")) {
    return {text.substr(0, text.size() - 5), "past"};
  }
  if (text.ends_with("~")) {
    return {text.substr(0, text.size() - 1), "resolved"};
  }
  if (text.ends_with("!")) {
    return {text.substr(0, text.size() - 1), "negated"};
  }
  if (text.ends_with("?")) {
    return {text.substr(0, text.size() - 1), "question"};
  }
  return {text, "reported"};
}

std::string status_of(const TextFact& fact) {
  if (fact.negated) {
    return "negated";
  }
  if (fact.resolved) {
    return "resolved";
  }
  if (fact.family) {
    return "family";
  }
  if (fact.historical) {
    return "past";
  }
  return fact.hypothetical ? "question" : "reported";
}

std::optional<double> number_named(const TextAnalysis& analysis, std::string_view name) {
  const std::optional<TextNumber>* number = name == "age"              ? &analysis.age
                                            : name == "duration_weeks" ? &analysis.duration_weeks
                                            : name == "intensity"      ? &analysis.intensity
                                                                       : nullptr;
  if (number == nullptr || !*number) {
    return std::nullopt;
  }
  return (*number)->value;
}

std::string describe(const TextAnalysis& analysis, const RuleSet& rules) {
  std::string text;
  for (const TextFact& fact : analysis.facts) {
    text += fmt::format(" {}[{}:\"{}\"]", rules.concepts()[fact.concept_id].id, status_of(fact), fact.from);
  }
  return text.empty() ? " (nothing)" : text;
}

// One sentence: every problem found, or nothing.
std::vector<std::string> check(const YAML::Node& entry, const RuleSet& rules) {
  std::vector<std::string> problems;
  const std::string text = entry["text"].as<std::string>();
  const TextAnalysis analysis = analyze_text(text, rules.vocabulary(), k_table_year);
  std::vector<std::string> listed;
  for (const YAML::Node& item : entry["facts"]) {
    const std::string written = item.as<std::string>();
    if (const auto equals = written.find('='); equals != std::string::npos) {
      const std::string name = written.substr(0, equals);
      const double wanted = std::stod(written.substr(equals + 1));
      const auto found = number_named(analysis, name);
      if (!found || std::abs(*found - wanted) > 0.01) {
        problems.push_back(fmt::format("{} expected {}, found {}", name, wanted,
                                       found ? fmt::format("{}", *found) : std::string("nothing")));
      }
      continue;
    }
    const Expected expected = parse_expected(written);
    listed.push_back(expected.fact);
    if (!rules.find_concept(expected.fact)) {
      problems.push_back(fmt::format("'{}' is not a concept of the shipped rules", expected.fact));
      continue;
    }
    const bool found = std::any_of(analysis.facts.begin(), analysis.facts.end(), [&](const TextFact& fact) {
      return rules.concepts()[fact.concept_id].id == expected.fact && status_of(fact) == expected.status;
    });
    if (!found) {
      problems.push_back(fmt::format("expected {} as {}", expected.fact, expected.status));
    }
  }
  for (const TextFact& fact : analysis.facts) {
    const std::string& id = rules.concepts()[fact.concept_id].id;
    // A hint is no fact of the person's: only what to ask. A sentence may still list one.
    const bool hint = rules.concepts()[fact.concept_id].hint;
    if (fact.affirmed() && !hint && std::find(listed.begin(), listed.end(), id) == listed.end()) {
      problems.push_back(fmt::format("unexpected reported fact {} from \"{}\"", id, fact.from));
    }
  }
  if (!problems.empty()) {
    problems.push_back("understood:" + describe(analysis, rules));
  }
  return problems;
}

TEST(SentenceTable, EverySentenceIsUnderstood) {
  RuleSet rules = load_rules(read_rule_sources(BACKRELIEF_TEST_RULES_DIR));
  rules.use_known_words(std::make_shared<KnownWords>(system_word_lists()));
  const YAML::Node table = YAML::LoadFile(BACKRELIEF_TEST_SENTENCES);
  ASSERT_TRUE(table.IsSequence());
  EXPECT_GE(table.size(), 80U) << "the table should hold at least 80 sentences";
  std::size_t failures = 0;
  for (const YAML::Node& entry : table) {
    const auto problems = check(entry, rules);
    if (!problems.empty()) {
      ++failures;
      ADD_FAILURE() << fmt::format("sentences.yaml:{}: \"{}\"\n  {}", entry.Mark().line + 1,
                                   entry["text"].as<std::string>(), fmt::join(problems, "\n  "));
    }
  }
  EXPECT_EQ(failures, 0U) << "of " << table.size() << " sentences";
}

} // namespace
} // namespace backrelief
