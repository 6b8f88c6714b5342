#include "core/engine/screening.hpp"

#include "core/engine/profile.hpp"
#include "core/engine/recommendation.hpp"
#include "core/rules/rule_loader.hpp"
#include "test_support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;

const char* const k_rules = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
concepts:
  - {id: fever, kind: condition, name: fever, phrases: [fever, a temperature]}
  - {id: saddle-numbness, kind: red-flag, name: saddle numbness, phrases: [numb bum, numb groin]}
  - {id: night-pain, kind: red-flag, name: night pain, phrases: [worse at night]}
  - id: saddle-topic
    kind: context
    name: the saddle area
    hint: true
    patterns:
      - near: [groin, funny]
        within: 4
      - sequence: [numb, ...2, bum]
rules:
  - {id: fever-refers, when: {condition: fever}, refer: urgent, because: Fever.}
  - {id: saddle-refers, when: {red-flag: saddle-numbness}, refer: emergency, because: Saddle.}
  - {id: night-refers, when: {red-flag: night-pain}, refer: urgent, because: Night.}
safety-net:
  - {level: emergency, say: Call now if you notice}
  - {level: urgent, say: See a doctor today if you notice}
  - {level: emergency, say: Call now if you notice, if-yes: If so call now.}
questions:
  - {id: saddle, ask: "Numb down there?", sign: numb bottom, yes: {red-flag: saddle-numbness}, hints: [saddle-topic]}
  - {id: fever, ask: "A fever?", sign: a fever, yes: {condition: fever}}
  - {id: night, ask: "Worse at night?", sign: night pain, yes: {red-flag: night-pain}}
  - {id: area, field: area, ask: "Where?"}
)";

std::vector<std::string> ids(const std::vector<const Question*>& questions) {
  std::vector<std::string> out;
  for (const Question* question : questions) {
    out.push_back(question->id);
  }
  return out;
}

using Ids = std::vector<std::string>;

TEST(Screening, NothingSaidLeavesEverySignUnmentioned) {
  const RuleSet rules = load_text(k_rules);
  const Screening screening = screen(rules, make_profile(ProfileInput{}, rules));
  EXPECT_EQ(ids(screening.reported), Ids{});
  EXPECT_EQ(ids(screening.denied), Ids{});
  EXPECT_EQ(ids(screening.not_mentioned), (Ids{"saddle", "fever", "night"}));
}

TEST(Screening, SortsTheWordsOfADescription) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.description = "no fever, but a numb bum";
  const Screening screening = screen(rules, make_profile(input, rules));
  EXPECT_EQ(ids(screening.reported), Ids{"saddle"});
  EXPECT_EQ(ids(screening.denied), Ids{"fever"});
  EXPECT_EQ(ids(screening.not_mentioned), Ids{"night"});
}

TEST(Screening, AMentionThatIsNotTheirsIsNeitherReportedNorDenied) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.description = "my son had a fever last week";
  const Screening screening = screen(rules, make_profile(input, rules));
  EXPECT_EQ(ids(screening.reported), Ids{});
  EXPECT_EQ(ids(screening.denied), Ids{});
}

TEST(Screening, AnswersCountAndNotSureCountsAsYes) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.answers = {{"saddle", "no"}, {"night", "not sure"}};
  const Profile profile = make_profile(input, rules);
  const Screening screening = screen(rules, profile);
  EXPECT_EQ(ids(screening.reported), Ids{"night"});
  EXPECT_EQ(ids(screening.denied), Ids{"saddle"});
  EXPECT_EQ(ids(screening.not_mentioned), Ids{"fever"});
  const Recommendation result = recommend(rules, profile);
  ASSERT_TRUE(result.referral.has_value());
  EXPECT_EQ(result.referral->level, ReferralLevel::urgent);
  EXPECT_EQ(ids(result.screening.reported), Ids{"night"});
}

TEST(Screening, WhatTheWordsReportANoDoesNotTakeBack) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.description = "my pain is worse at night";
  input.answers = {{"night", "no"}};
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(ids(screen(rules, profile).reported), Ids{"night"});
  EXPECT_TRUE(recommend(rules, profile).stopped_by_referral());
}

TEST(Screening, AnswersAreCheckedWithDidYouMean) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.answers = {{"sadle", "no"}, {"fever", "maybe"}, {"area", "yes"}, {"night", "yes"}, {"night", "no"}};
  try {
    make_profile(input, rules);
    FAIL() << "the answers were accepted";
  } catch (const Error& error) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      lines.push_back(to_string(diagnostic));
    }
    EXPECT_EQ(lines, (Ids{
                         "answer: unknown question 'sadle' (did you mean 'saddle'?)",
                         "answer: cannot read 'maybe' as an answer to 'fever': expected yes, no or not-sure",
                         "answer: 'area' asks for the area, which is given as such, not as an answer; the questions "
                         "answered yes or no are saddle, fever, night",
                         "answer: 'night' is answered twice, yes and no: give one answer",
                     }));
  }
}

TEST(Screening, AHintMakesASignPossibleUnlessSomethingReportedOrDeniedIt) {
  const RuleSet rules = load_text(k_rules);
  const auto possible = [&](const std::string& description, std::vector<std::pair<std::string, std::string>> answers) {
    ProfileInput input;
    input.description = description;
    input.answers = std::move(answers);
    const Profile profile = make_profile(input, rules);
    const Recommendation result = recommend(rules, profile);
    return std::pair(ids(result.check_first), result.answer_first);
  };
  EXPECT_EQ(possible("my groin feels funny", {}), std::pair(Ids{"saddle"}, true));
  EXPECT_EQ(possible("my groin feels funny", {{"saddle", "no"}}), std::pair(Ids{}, false));
  EXPECT_EQ(possible("my husband's groin feels funny", {}), std::pair(Ids{}, false)) << "someone else's";
  EXPECT_EQ(possible("what if my groin feels funny?", {}), std::pair(Ids{}, false)) << "only imagined";
  // The sign's own words win over the hint that shares them: it refers, and nothing is asked.
  EXPECT_EQ(possible("numb bum", {}), std::pair(Ids{}, false));
  ProfileInput input;
  input.description = "my groin feels funny";
  const Profile profile = make_profile(input, rules);
  const Recommendation result = recommend(rules, profile);
  EXPECT_TRUE(result.suggestions.empty());
  ASSERT_EQ(result.excluded.size(), 1U);
  EXPECT_EQ(result.excluded[0].exclusions.front().text, "answer the questions under 'Check first' first");
  EXPECT_EQ(hint_words(*result.check_first.front(), profile), std::vector<std::string>{"groin feels funny"});
}

TEST(Screening, AHintCanBeAConditionOnTheWholeProfile) {
  const RuleSet rules = load_text(R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
concepts:
  - {id: new-pain, kind: context, name: new pain, phrases: [new pain]}
  - {id: new-pain-at-age, kind: red-flag, name: new pain at an age at risk}
rules:
  - {id: age-refers, when: {red-flag: new-pain-at-age}, refer: urgent, because: Age.}
safety-net:
  - {level: urgent, say: See a doctor today if you notice, if-yes: If so see a doctor today.}
questions:
  - id: age
    ask: "New pain, and over 50?"
    yes: {red-flag: new-pain-at-age}
    hint-when:
      any:
        - [{context: new-pain}, {not: {age: {at_least: 0}}}]
        - [{age: {above: 50}}, {not: {duration_weeks: {at_least: 0}}}]
)");
  const auto hinted = [&](const std::string& description, std::optional<int> age) {
    ProfileInput input;
    input.description = description;
    input.age = age;
    const Profile profile = make_profile(input, rules);
    const Recommendation result = recommend(rules, profile);
    return result.check_first.empty()
               ? std::string("none")
               : fmt::format("{}", fmt::join(hint_words(*result.check_first.front(), profile), "|"));
  };
  EXPECT_EQ(hinted("a new pain in my back", std::nullopt), "new pain");
  EXPECT_EQ(hinted("a new pain in my back", 40), "none") << "the age is known";
  EXPECT_EQ(hinted("I'm 67 and my back aches", std::nullopt), "I'm 67");
  EXPECT_EQ(hinted("my back aches", 67), "") << "the age from an option: no words to show";
  EXPECT_EQ(hinted("I'm 67 and my back has ached for 10 years", std::nullopt), "none") << "the duration is known";
}

} // namespace
} // namespace backrelief
