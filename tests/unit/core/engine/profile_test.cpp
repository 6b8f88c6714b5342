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
  - {id: swedish, name: Swedish, aliases: [classic], summary: Gentle strokes., pressure: [low, medium]}
  - {id: deep-tissue, name: Deep tissue, aliases: [deep], summary: Firm work., pressure: [medium, firm]}
concepts:
  - {id: neck, kind: area, name: neck, aliases: [cervical]}
  - {id: lower-back, kind: area, name: lower back, aliases: [lumbar]}
  - {id: relaxation, kind: goal, name: relaxation, aliases: [relax]}
  - {id: pregnancy, kind: condition, name: pregnancy, aliases: [pregnant]}
)";

/// The diagnostics of input that must be refused, each as its field and message.
std::vector<std::string> refusals(const ProfileInput& input, const RuleSet& rules) {
  try {
    make_profile(input, rules);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::invalid_input);
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      EXPECT_EQ(to_string(diagnostic.where), "");
      lines.push_back(to_string(diagnostic));
    }
    return lines;
  }
  ADD_FAILURE() << "the input was accepted";
  return {};
}

TEST(MakeProfile, EmptyInputGivesAnEmptyProfile) {
  const RuleSet rules = load_text(k_rules);
  const Profile profile = make_profile(ProfileInput{}, rules);
  EXPECT_EQ(profile.description, "");
  EXPECT_EQ(profile.pressure, std::nullopt);
  EXPECT_TRUE(profile.goals.empty());
  EXPECT_TRUE(profile.areas.empty());
  EXPECT_TRUE(profile.conditions.empty());
  EXPECT_TRUE(profile.avoid.empty());
  EXPECT_EQ(profile.age, std::nullopt);
  EXPECT_EQ(profile.duration_weeks, std::nullopt);
  for (ConceptId id = 0; id < rules.concepts().size(); ++id) {
    EXPECT_FALSE(profile.facts.contains(id)) << id;
  }
}

TEST(MakeProfile, RefusesADescriptionPastTheLimit) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.description = std::string(k_max_description_bytes, 'a');
  EXPECT_NO_THROW(make_profile(input, rules));
  input.description += 'a';
  EXPECT_EQ(refusals(input, rules),
            (std::vector<std::string>{"the description is longer than 1048576 bytes (1048577 bytes): describe the pain "
                                      "in fewer words"}));
}

TEST(MakeProfile, ResolvesIdsAndAliases) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.description = "stiff after work";
  input.pressure = "deep";
  input.goals = {"relax"};
  input.areas = {"lumbar", "neck"};
  input.conditions = {"pregnant"};
  input.avoid = {"classic"};
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(profile.description, "stiff after work");
  EXPECT_EQ(profile.pressure, Pressure::firm);
  EXPECT_EQ(profile.goals, std::vector<ConceptId>{*rules.find_concept("relaxation")});
  EXPECT_EQ(profile.areas, (std::vector<ConceptId>{*rules.find_concept("lower-back"), *rules.find_concept("neck")}));
  EXPECT_EQ(profile.conditions, std::vector<ConceptId>{*rules.find_concept("pregnancy")});
  EXPECT_EQ(profile.avoid, std::vector<TechniqueId>{*rules.find_technique("swedish")});
}

TEST(MakeProfile, AffirmsEveryGivenConceptAsAFact) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.areas = {"cervical"};
  input.conditions = {"pregnancy"};
  const Profile profile = make_profile(input, rules);
  EXPECT_TRUE(profile.facts.contains(*rules.find_concept("neck")));
  EXPECT_TRUE(profile.facts.contains(*rules.find_concept("pregnancy")));
  EXPECT_FALSE(profile.facts.contains(*rules.find_concept("lower-back")));
  EXPECT_FALSE(profile.facts.contains(*rules.find_concept("relaxation")));
}

TEST(MakeProfile, IgnoresCase) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.pressure = "Firm";
  input.areas = {"LUMBAR"};
  input.goals = {"Relaxation"};
  input.avoid = {"Deep-Tissue"};
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(profile.pressure, Pressure::firm);
  EXPECT_EQ(profile.areas, std::vector<ConceptId>{*rules.find_concept("lower-back")});
  EXPECT_EQ(profile.goals, std::vector<ConceptId>{*rules.find_concept("relaxation")});
  EXPECT_EQ(profile.avoid, std::vector<TechniqueId>{*rules.find_technique("deep-tissue")});
}

TEST(MakeProfile, KeepsEachValueOnce) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.areas = {"neck", "cervical", "neck"};
  input.avoid = {"deep", "deep-tissue"};
  const Profile profile = make_profile(input, rules);
  EXPECT_EQ(profile.areas, std::vector<ConceptId>{*rules.find_concept("neck")});
  EXPECT_EQ(profile.avoid, std::vector<TechniqueId>{*rules.find_technique("deep-tissue")});
}

TEST(MakeProfile, CollectsEveryUnknownValueInOneError) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.pressure = "frim";
  input.goals = {"relaxaton"};
  input.areas = {"nek", "elbow"};
  input.conditions = {"pregnancy", "pregnacy"};
  input.avoid = {"sweedish"};
  input.age = 131;
  input.duration = "3 weeks";
  EXPECT_EQ(refusals(input, rules),
            (std::vector<std::string>{
                "pressure: unknown value 'frim': expected low, medium or firm (did you mean 'firm'?)",
                "goal: unknown value 'relaxaton' (did you mean 'relaxation'?)",
                "area: unknown value 'nek' (did you mean 'neck'?)",
                "area: unknown value 'elbow': expected neck, lower-back",
                "condition: unknown value 'pregnacy' (did you mean 'pregnancy'?)",
                "avoid: unknown technique 'sweedish' (did you mean 'swedish'?)",
                "age: 131 is not an age in years (0 to 130)",
                "duration: cannot read '3 weeks': expected a span such as 10d, 3w, 6m or 2y",
            }));
}

TEST(MakeProfile, ErrorMessageIsTheFirstProblem) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.goals = {"sleep"};
  input.areas = {"knee"};
  try {
    make_profile(input, rules);
    FAIL() << "the input was accepted";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "goal: unknown value 'sleep': expected relaxation");
    EXPECT_EQ(error.diagnostics().size(), 2U);
  }
}

TEST(MakeProfile, ConceptOfAnotherKindIsUnknown) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.conditions = {"neck"};
  EXPECT_EQ(refusals(input, rules), std::vector<std::string>{"condition: unknown value 'neck': expected pregnancy"});
}

TEST(MakeProfile, AcceptsAgesFromZeroTo130) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.age = 0;
  EXPECT_EQ(make_profile(input, rules).age, 0);
  input.age = k_max_age;
  EXPECT_EQ(make_profile(input, rules).age, 130);
}

TEST(MakeProfile, RefusesAgesOutsideTheRange) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.age = -1;
  EXPECT_EQ(refusals(input, rules), std::vector<std::string>{"age: -1 is not an age in years (0 to 130)"});
  input.age = 131;
  EXPECT_EQ(refusals(input, rules), std::vector<std::string>{"age: 131 is not an age in years (0 to 130)"});
}

TEST(MakeProfile, ParsesTheDuration) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.duration = "3w";
  EXPECT_EQ(make_profile(input, rules).duration_weeks, 3.0);
  input.duration = "2y";
  EXPECT_EQ(make_profile(input, rules).duration_weeks, 104.0);
}

TEST(MakeProfile, RefusesADurationBeyondALifetime) {
  const RuleSet rules = load_text(k_rules);
  ProfileInput input;
  input.duration = "200y";
  EXPECT_EQ(refusals(input, rules),
            std::vector<std::string>{"duration: cannot read '200y': expected a span such as 10d, 3w, 6m or 2y"});
}

} // namespace
} // namespace backrelief
