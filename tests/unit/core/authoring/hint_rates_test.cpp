#include "core/authoring/hint_rates.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

using test_support::load_text;

const char* const k_rules = R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
concepts:
  - {id: saddle-numbness, kind: red-flag, name: saddle numbness, phrases: [numb groin]}
  - {id: fever, kind: condition, name: fever, phrases: [fever]}
  - id: saddle-topic
    kind: context
    name: the saddle area
    hint: true
    patterns:
      - sequence: [groin]
rules:
  - {id: saddle-refers, when: {red-flag: saddle-numbness}, refer: emergency, because: Saddle.}
  - {id: fever-refers, when: {condition: fever}, refer: urgent, because: Fever.}
safety-net:
  - {level: emergency, say: Call now if you notice, if-yes: If so call now.}
  - {level: urgent, say: See a doctor today if you notice}
questions:
  - {id: saddle, ask: "Numb down there?", sign: numb bottom, yes: {red-flag: saddle-numbness}, hints: [saddle-topic]}
  - {id: fever, ask: "A fever?", sign: a fever, yes: {condition: fever}}
)";

Scenario scenario(std::string description, std::optional<ReferralLevel> referral) {
  Scenario made;
  made.input.description = std::move(description);
  made.expect.referral = referral;
  return made;
}

TEST(HintRates, CountChecksOnDescriptionsWithAndWithoutARedFlag) {
  const RuleSet rules = load_text(k_rules);
  const std::vector<Scenario> scenarios{
      scenario("a pulled groin from football", std::nullopt),
      scenario("tight shoulders", std::nullopt),
      scenario("stiff neck", std::nullopt),
      scenario("my groin feels odd and I have a fever", ReferralLevel::urgent),
      scenario("", std::nullopt), // no description: not counted
  };
  const std::vector<HintRate> rates = hint_rates(rules, scenarios);
  ASSERT_EQ(rates.size(), 1U) << "only the question with hints";
  EXPECT_EQ(rates[0].question->id, "saddle");
  EXPECT_EQ(rates[0].raised_without_red_flag, 1U);
  EXPECT_EQ(rates[0].without_red_flag, 3U);
  EXPECT_EQ(rates[0].raised_with_red_flag, 1U);
  EXPECT_EQ(rates[0].with_red_flag, 1U);

  // One false emergency check in three is above the 10% allowed; in twenty it is not.
  const auto warnings = hint_rate_warnings(rates);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_NE(warnings[0].message.find("question 'saddle'"), std::string::npos) << warnings[0].message;
  EXPECT_NE(warnings[0].message.find("1 of 3"), std::string::npos) << warnings[0].message;
  HintRate rare = rates[0];
  rare.without_red_flag = 20;
  EXPECT_TRUE(hint_rate_warnings(std::vector<HintRate>{rare}).empty());
}

} // namespace
} // namespace backrelief
