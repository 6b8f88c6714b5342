#include "core/rules/rule_index.hpp"

#include "core/engine/recommendation.hpp"
#include "core/rules/rule_loader.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;

const std::string k_rules = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
  - {id: deep-tissue, name: Deep tissue, summary: Firm work., pressure: [medium, firm]}
concepts:
  - {id: neck, kind: area, name: neck}
  - {id: hips, kind: area, name: hips}
  - {id: fever, kind: condition, name: fever}
  - {id: relaxation, kind: goal, name: relaxation}
rules:
  - {id: always, score: {swedish: 1}, because: a}
  - {id: neck, when: {area: neck}, score: {swedish: 1}, because: b}
  - {id: neck-and-firm, when: {all: [{area: neck}, {pressure: firm}]}, score: {deep-tissue: 1}, because: c}
  - {id: firm-or-medium, when: {pressure: [firm, medium]}, score: {deep-tissue: 1}, because: d}
  - {id: neck-or-hips, when: {any: [{area: neck}, {area: hips}]}, score: {swedish: 1}, because: e}
  - {id: hips-or-old, when: {any: [{area: hips}, {age: {at_least: 60}}]}, score: {swedish: 1}, because: f}
  - {id: not-fever, when: {not: {condition: fever}}, score: {swedish: 1}, because: g}
  - {id: old, when: {age: {at_least: 60}}, score: {swedish: 1}, because: h}
  - {id: relax-not-neck, when: {all: [{goal: relaxation}, {not: {area: neck}}]}, score: {swedish: 1}, because: i}
)";

std::vector<std::string> candidate_ids(const RuleSet& rules, const ProfileInput& input) {
  std::vector<std::uint32_t> positions;
  const Profile profile = make_profile(input, rules);
  rules.index()->candidates(profile.facts, profile.pressure, positions);
  std::vector<std::string> ids;
  for (std::uint32_t position : positions) {
    ids.push_back(rules.rules()[position].id);
  }
  return ids;
}

TEST(RuleIndex, NamesOnlyTheRulesAProfileCouldFire) {
  const RuleSet rules = load_text(k_rules);
  ASSERT_NE(rules.index(), nullptr);
  EXPECT_EQ(rules.index()->unconditional_count(), 4U); // always, hips-or-old, not-fever, old
  EXPECT_EQ(candidate_ids(rules, ProfileInput{}),
            (std::vector<std::string>{"always", "hips-or-old", "not-fever", "old"}));
  ProfileInput neck_firm;
  neck_firm.areas = {"neck"};
  neck_firm.pressure = "firm";
  // neck-and-firm is filed under one of its needs only, and comes once, in rule order.
  EXPECT_EQ(candidate_ids(rules, neck_firm),
            (std::vector<std::string>{"always", "neck", "neck-and-firm", "firm-or-medium", "neck-or-hips",
                                      "hips-or-old", "not-fever", "old"}));
  ProfileInput relaxing;
  relaxing.goals = {"relaxation"};
  relaxing.pressure = "low";
  EXPECT_EQ(candidate_ids(rules, relaxing),
            (std::vector<std::string>{"always", "hips-or-old", "not-fever", "old", "relax-not-neck"}));
}

TEST(RuleIndex, ChangingTheRulesDropsTheIndex) {
  RuleSet rules = load_text(k_rules);
  ASSERT_NE(rules.index(), nullptr);
  Rule extra = rules.rules().front();
  extra.id = "extra";
  rules.put_rule(extra);
  EXPECT_EQ(rules.index(), nullptr);
  rules.index_rules();
  ASSERT_NE(rules.index(), nullptr);
  EXPECT_TRUE(rules.disable_rule("extra", SourceLocation{}));
  EXPECT_EQ(rules.index(), nullptr);
}

// Everything an answer says, to compare an indexed answer with one that evaluated every rule.
std::string summary(const RuleSet& rules, const Recommendation& result) {
  std::string text;
  for (const auto* list : {&result.suggestions, &result.excluded}) {
    for (const TechniqueOutcome& outcome : *list) {
      text += rules.techniques()[outcome.technique].id + " " + std::to_string(outcome.score) + " " +
              std::to_string(outcome.rank) + ":";
      for (const Contribution& reason : outcome.reasons) {
        text += " " + reason.rule->id;
      }
      for (const Note& note : outcome.cautions) {
        text += " !" + std::string(note.text);
      }
      for (const Note& note : outcome.exclusions) {
        text += " x" + std::string(note.text);
      }
      text += "\n";
    }
  }
  for (std::string_view advice : result.advice) {
    text += "advice " + std::string(advice) + "\n";
  }
  if (result.referral) {
    text += "referral " + std::string(to_string(result.referral->level)) + " " + std::string(result.referral->advice);
    for (const RedFlag& flag : result.referral->red_flags) {
      text += " " + flag.rule->id;
    }
  }
  return text;
}

// The shipped rules and many seeded random profiles: the index must never leave out a rule that
// fires, nor change the order in which rules act.
TEST(RuleIndex, AnswersAsIfEveryRuleWereEvaluated) {
  const RuleSet rules = load_rules(read_rule_sources(BACKRELIEF_TEST_RULES_DIR));
  ASSERT_NE(rules.index(), nullptr);
  std::vector<std::vector<std::string>> names_by_kind;
  for (ConceptKind kind : {ConceptKind::area, ConceptKind::goal, ConceptKind::condition}) {
    names_by_kind.push_back(rules.concept_names(kind));
  }
  const std::vector<std::string> pressures{"low", "medium", "firm"};
  const std::vector<std::string> words{"dull ache low in my back after sitting",
                                       "knots under my shoulder blade",
                                       "numbness in the saddle area",
                                       "I have a fever",
                                       "not pregnant",
                                       "sciatica down my leg for 3 months",
                                       "I'm 72 and my hips are stiff",
                                       ""};
  std::mt19937 random(42);
  const auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  std::size_t fired_rules = 0;
  for (int i = 0; i < 3000; ++i) {
    ProfileInput input;
    if (random() % 4 != 0) {
      input.pressure = pick(pressures);
    }
    for (std::size_t kind = 0; kind < names_by_kind.size(); ++kind) {
      for (auto n = random() % 3; n > 0; --n) {
        std::vector<std::string>& to = kind == 0 ? input.areas : kind == 1 ? input.goals : input.conditions;
        to.push_back(pick(names_by_kind[kind]));
      }
    }
    if (random() % 3 == 0) {
      input.age = static_cast<int>(random() % 90);
    }
    input.description = pick(words);
    const Profile profile = make_profile(input, rules);
    const Recommendation indexed = recommend(rules, profile);
    const Recommendation every_rule = recommend(rules, profile, Tracing::every_rule);
    ASSERT_EQ(summary(rules, indexed), summary(rules, every_rule)) << "profile " << i;
    fired_rules += static_cast<std::size_t>(std::count_if(every_rule.trace.begin(), every_rule.trace.end(),
                                                          [](const RuleTrace& entry) { return entry.fired; }));
  }
  EXPECT_GT(fired_rules, 3000U); // the profiles did make rules fire
}

} // namespace
} // namespace backrelief
