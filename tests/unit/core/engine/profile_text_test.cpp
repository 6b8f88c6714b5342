#include "core/engine/profile.hpp"

#include "core/rules/rule_loader.hpp"
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
  - {id: neck, kind: area, name: neck, phrases: [neck]}
  - {id: numbness, kind: symptom, name: numbness, phrases: [numbness, numb]}
  - {id: stiffness, kind: symptom, name: stiffness, phrases: [stiff]}
  - {id: cancer, kind: condition, name: cancer, phrases: [cancer]}
  - {id: fever, kind: condition, name: fever, phrases: [fever]}
)";

/// The ids of every concept the profile holds as a fact, in declaration order.
std::vector<std::string> fact_ids(const Profile& profile, const RuleSet& rules) {
  std::vector<std::string> ids;
  for (ConceptId id = 0; id < rules.concepts().size(); ++id) {
    if (profile.facts.contains(id)) {
      ids.push_back(rules.concepts()[id].id);
    }
  }
  return ids;
}

ProfileInput described(std::string description) {
  ProfileInput input;
  input.description = std::move(description);
  return input;
}

TEST(ProfileText, ReportedTextFactsJoinTheOptions) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input = described("a stiff neck");
  input.conditions = {"fever"};
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(fact_ids(profile, rules), (std::vector<std::string>{"neck", "stiffness", "fever"}));
  ASSERT_EQ(profile.text.facts.size(), 2U);
  EXPECT_EQ(profile.text.facts[0].from, "stiff");
  EXPECT_EQ(profile.text.facts[1].from, "neck");
  EXPECT_EQ(profile.conditions, std::vector<ConceptId>{*rules.find_concept("fever")});
}

TEST(ProfileText, NegatedFamilyAndHypotheticalFactsAreNotFacts) {
  const RuleSet rules = load_text(k_rules);
  const Profile profile =
      make_profile(described("No numbness. My dad had cancer. What if I get a fever? Stiff."), rules);
  EXPECT_EQ(fact_ids(profile, rules), std::vector<std::string>{"stiffness"});
  ASSERT_EQ(profile.text.facts.size(), 4U);
  EXPECT_TRUE(profile.text.facts[0].negated);
  EXPECT_TRUE(profile.text.facts[1].family);
  EXPECT_TRUE(profile.text.facts[2].hypothetical);
  EXPECT_TRUE(profile.text.facts[3].affirmed());
}

TEST(ProfileText, AnOptionDoesNotUndoATextFact) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input = described("no fever");
  input.conditions = {"fever"};
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(fact_ids(profile, rules), std::vector<std::string>{"fever"});
}

TEST(ProfileText, TheAgeOptionWinsOverTheText) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input = described("I'm 72 and stiff");
  input.age = 40;
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(profile.age, 40);
  ASSERT_TRUE(profile.text.age.has_value());
  EXPECT_EQ(profile.text.age->value, 72.0);
}

TEST(ProfileText, TheTextGivesTheAgeWhenNoOptionDoes) {
  const RuleSet rules = load_text(k_rules);
  EXPECT_EQ(make_profile(described("I'm 72 and stiff"), rules).age, 72);
  EXPECT_EQ(make_profile(described("stiff"), rules).age, std::nullopt);
}

TEST(ProfileText, TheDurationOptionWinsOverTheText) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input = described("stiff for 6 months");
  input.duration = "2w";
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(profile.duration_weeks, 2.0);
  ASSERT_TRUE(profile.text.duration_weeks.has_value());
  EXPECT_EQ(profile.text.duration_weeks->value, 26.0);
}

TEST(ProfileText, TheTextGivesTheDurationWhenNoOptionDoes) {
  const RuleSet rules = load_text(k_rules);
  EXPECT_EQ(make_profile(described("stiff for 6 months"), rules).duration_weeks, 26.0);
  EXPECT_EQ(make_profile(described("stiff"), rules).duration_weeks, std::nullopt);
}

TEST(ProfileText, TheTextGivesTheIntensity) {
  const RuleSet rules = load_text(k_rules);
  EXPECT_EQ(make_profile(described("stiff, pain 7/10"), rules).intensity, 7.0);
  EXPECT_EQ(make_profile(described("stiff"), rules).intensity, std::nullopt);
}

} // namespace
} // namespace backrelief
